// Copies the WAL back into the database file on a thread of its own. Left to SQLite, the commit
// that fills the WAL past its limit does the copying, inside the writer's turn: every request
// waiting for that commit waits for the copy too. Here the writer only appends to the WAL, and
// a passive checkpoint (which never blocks the writer or readers) runs beside it.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/result.h"

struct sqlite3;

namespace meekijk::store::sqlite {

class Checkpointer {
 public:
  static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

 private:
  explicit Checkpointer(sqlite3* db);
  void Loop();

  sqlite3* db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace meekijk::store::sqlite
