// While the server runs: the worker that tells people. It delivers the outbox's due mails every
// `poll` (so a mail leaves within about that long of the change), and about every half minute
// raises the consults' alerts, makes the digests that are due and updates the outbox gauges.
// Every node runs one; they share the outbox through the database.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "service/outbox_service.h"

namespace meekijk::cli {

class NotificationLoop {
 public:
  NotificationLoop(service::OutboxService& outbox, std::chrono::milliseconds poll);
  ~NotificationLoop();  // finishes the pass under way and stops

 private:
  void Pass(bool with_schedule);

  service::OutboxService& outbox_;
  std::chrono::milliseconds poll_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace meekijk::cli
