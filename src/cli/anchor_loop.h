// While the server runs: the access log's head written to the JSON log every few minutes (and
// once at the start and the end), so that a log shipper keeps it outside the database and
// `meekijk audit verify --anchors-from` can tell when the newest rows were cut off.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "service/audit_service.h"

namespace meekijk::cli {

class AnchorLoop {
 public:
  AnchorLoop(service::AuditService& audit, std::chrono::minutes every);
  ~AnchorLoop();  // logs the head a last time and stops

 private:
  void LogHead();

  service::AuditService& audit_;
  std::chrono::minutes every_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace meekijk::cli
