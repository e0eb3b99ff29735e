#include "store/sqlite/checkpointer.h"

#include <sqlite3.h>

#include <chrono>

#include "core/log.h"

namespace meekijk::store::sqlite {
namespace {

// Often enough that the WAL stays a few megabytes under a steady load of writes.
constexpr std::chrono::milliseconds kInterval{50};

}  // namespace

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    log::Error("sqlite_checkpointer_open_failed", {{"detail", sqlite3_errstr(rc)}});
    sqlite3_close_v2(db);
    return MakeFact(ErrorCode::kUnavailable, "database_unavailable");
  }
  sqlite3_busy_timeout(db, 1000);
  return std::unique_ptr<Checkpointer>(new Checkpointer(db));
}

Checkpointer::Checkpointer(sqlite3* db) : db_(db), thread_([this] { Loop(); }) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  sqlite3_close_v2(db_);
}

void Checkpointer::Loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kInterval, [this] { return stopping_; })) {
    lock.unlock();
    int wal_frames = 0, copied = 0;
    int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &wal_frames, &copied);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
      log::Warn("sqlite_checkpoint_failed", {{"detail", sqlite3_errmsg(db_)}});
    }
    lock.lock();
  }
}

}  // namespace meekijk::store::sqlite
