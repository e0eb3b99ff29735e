// SQLite connections and the Database that pools them.
#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

#include "core/log.h"
#include "core/metrics.h"
#include "store/sql_text_map.h"
#include "store/sqlite/checkpointer.h"
#include "store/tx.h"

namespace meekijk::store::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 10000;

Error EngineError(sqlite3* db, int code) {
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  int primary = code & 0xff;
  if (primary == SQLITE_CONSTRAINT) {
    log::Warn("sqlite_constraint", {{"detail", detail}});
    return MakeFact(ErrorCode::kConflict, "duplicate_or_missing_reference");
  }
  log::Error("sqlite_error", {{"code", code}, {"detail", detail}});
  return MakeFact(ErrorCode::kUnavailable, "database_unavailable");
}

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::shared_ptr<StatementFaults> faults)
      : db_(db), faults_(std::move(faults)) {}
  ~SqliteConnection() override {
    ForgetPrepared();
    sqlite3_close_v2(db_);
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Result<Rows> Query(std::string_view sql, std::span<const SqlValue> params) override {
    return Run(sql, params, nullptr);
  }

  // False when SQLite has rolled the whole transaction back by itself (after an I/O error, say).
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

  Result<int64_t> Execute(std::string_view sql, std::span<const SqlValue> params) override {
    int64_t changes = 0;
    Result<Rows> rows = Run(sql, params, &changes);
    if (!rows.ok()) return rows.error();
    return changes;
  }

 private:
  Result<Rows> Run(std::string_view sql, std::span<const SqlValue> params, int64_t* changes) {
    if (faults_) {
      if (std::optional<Error> injected = faults_->Before(sql)) return *injected;
    }
    Prepared one_off;  // a statement the full cache does not keep: finalized after this run
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> finalize(nullptr, sqlite3_finalize);
    MK_ASSIGN_OR_RETURN(Prepared * prepared, Prepare(sql, one_off));
    if (prepared == &one_off) finalize.reset(one_off.statement);
    sqlite3_stmt* raw = prepared->statement;
    // The statement stays prepared for the next call; only its state and bindings are cleared.
    std::unique_ptr<sqlite3_stmt, void (*)(sqlite3_stmt*)> in_use(raw, [](sqlite3_stmt* used) {
      sqlite3_reset(used);
      sqlite3_clear_bindings(used);
    });
    int rc = SQLITE_OK;
    for (size_t i = 0; i < params.size(); ++i) {
      rc = Bind(raw, static_cast<int>(i + 1), params[i]);
      if (rc != SQLITE_OK) return EngineError(db_, rc);
    }
    Rows rows;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
      if (!prepared->names) prepared->names = NamesOf(raw);
      rows.push_back(ReadRow(raw, prepared->names));
    }
    if (rc != SQLITE_DONE) return EngineError(db_, rc);
    if (changes != nullptr) *changes = sqlite3_changes64(db_);
    return rows;
  }

  // A prepared statement per SQL text, kept for the connection's life: parsing and planning the
  // same statement on every call was a quarter of the server's time under load (issue 15's
  // profile). SQLite prepares a kept statement again by itself when the schema changes.
  struct Prepared {
    sqlite3_stmt* statement = nullptr;
    ColumnNames names;  // read at the first row, shared by every row of every call
  };

  // The kept statement for `sql`, prepared now if need be; once the cache is full (statements
  // whose text varies, such as IN lists of many lengths), a new one is prepared into `one_off`
  // and not kept, so that the statements kept stay the ones used all the time.
  Result<Prepared*> Prepare(std::string_view sql, Prepared& one_off) {
    if (auto found = prepared_.find(sql); found != prepared_.end()) return &found->second;
    bool keep = prepared_.size() < kMaxPrepared;
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                keep ? SQLITE_PREPARE_PERSISTENT : 0, &raw, nullptr);
    if (rc != SQLITE_OK) return EngineError(db_, rc);
    Prepared& prepared = keep ? prepared_[std::string(sql)] : one_off;
    prepared.statement = raw;
    return &prepared;
  }

  void ForgetPrepared() {
    for (auto& [sql, prepared] : prepared_) sqlite3_finalize(prepared.statement);
    prepared_.clear();
  }

  static int Bind(sqlite3_stmt* statement, int index, const SqlValue& value) {
    if (auto* i = std::get_if<int64_t>(&value)) return sqlite3_bind_int64(statement, index, *i);
    if (auto* d = std::get_if<double>(&value)) return sqlite3_bind_double(statement, index, *d);
    if (auto* s = std::get_if<std::string>(&value)) {
      // SQLITE_STATIC: the parameters outlive the statement's run (bindings are cleared after
      // it), so SQLite need not copy every text.
      return sqlite3_bind_text64(statement, index, s->data(), s->size(), SQLITE_STATIC,
                                 SQLITE_UTF8);
    }
    if (auto* b = std::get_if<Blob>(&value)) {
      return sqlite3_bind_blob64(statement, index, b->bytes.data(), b->bytes.size(),
                                 SQLITE_STATIC);
    }
    return sqlite3_bind_null(statement, index);
  }

  static ColumnNames NamesOf(sqlite3_stmt* statement) {
    auto names = std::make_shared<std::vector<std::string>>();
    for (int c = 0; c < sqlite3_column_count(statement); ++c) {
      const char* name = sqlite3_column_name(statement, c);
      names->emplace_back(name != nullptr ? name : "");
    }
    return names;
  }

  static Row ReadRow(sqlite3_stmt* statement, const ColumnNames& names) {
    int columns = sqlite3_column_count(statement);
    std::vector<SqlValue> cells;
    cells.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(statement, c)) {
        case SQLITE_INTEGER: cells.emplace_back(int64_t{sqlite3_column_int64(statement, c)}); break;
        case SQLITE_FLOAT: cells.emplace_back(sqlite3_column_double(statement, c)); break;
        case SQLITE_TEXT:
          cells.emplace_back(std::string(
              reinterpret_cast<const char*>(sqlite3_column_text(statement, c)),
              static_cast<size_t>(sqlite3_column_bytes(statement, c))));
          break;
        case SQLITE_BLOB: {
          const char* data = static_cast<const char*>(sqlite3_column_blob(statement, c));
          size_t size = static_cast<size_t>(sqlite3_column_bytes(statement, c));
          cells.emplace_back(Blob{std::string(data == nullptr ? "" : std::string(data, size))});
          break;
        }
        default: cells.emplace_back(std::monostate{});
      }
    }
    return Row(std::move(cells), names);
  }

  static constexpr size_t kMaxPrepared = 512;

  sqlite3* db_;
  std::shared_ptr<StatementFaults> faults_;
  SqlTextMap<Prepared> prepared_;
};

constexpr std::string_view kReaderMmap = "PRAGMA mmap_size = 268435456";  // 256 MiB

Result<std::unique_ptr<SqliteConnection>> Connect(const std::string& path, bool read_only,
                                                  const std::shared_ptr<StatementFaults>& faults) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error = EngineError(db, rc);
    sqlite3_close_v2(db);
    return error;
  }
  auto connection = std::make_unique<SqliteConnection>(db, faults);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  Connection& seam = *connection;
  for (std::string_view pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                                  "PRAGMA foreign_keys = ON"}) {
    MK_RETURN_IF_ERROR(seam.Query(pragma));
  }
  if (!read_only) {
    // The writer keeps 64 MB of pages: indexes of millions of consults are updated at random
    // places, and a page kept is one not read back from the file at each insert.
    MK_RETURN_IF_ERROR(seam.Query("PRAGMA cache_size = -65536"));
    // The checkpointer copies the WAL back (checkpointer.h); the writer does so itself only when
    // the WAL passes 64 MB, should the checkpointer fall behind.
    MK_RETURN_IF_ERROR(seam.Query("PRAGMA wal_autocheckpoint = 16384"));
    // Each unit of a group commit runs in a savepoint, whose journal of the pages it changed
    // would otherwise be a temporary file: written through the kernel page by page, it was over
    // a third of the server's time under load (bench/profile.sh). In memory it costs a copy.
    MK_RETURN_IF_ERROR(seam.Query("PRAGMA temp_store = MEMORY"));
  }
  if (read_only) {
    MK_RETURN_IF_ERROR(seam.Query("PRAGMA query_only = ON"));
    // Readers map the file (shared by all of them and the OS page cache) instead of copying each
    // page through a read call: reports over years of consults read tens of megabytes.
    MK_RETURN_IF_ERROR(seam.Query(kReaderMmap));
  }
  return connection;
}

// One writer and a few readers; readers run beside the writer thanks to WAL.
//
// Writes use group commit, as LevelDB's writer queue does: each writer queues its unit of work;
// the writer at the front of the queue becomes the leader, takes every queued unit, runs them in
// one transaction, each inside its own savepoint (so a failing unit rolls back alone), commits
// once, and wakes the others with their results. With synchronous=FULL a commit costs an fsync,
// so many concurrent writers share one instead of queueing for one each. No result is given
// before the commit that makes it durable.
class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::unique_ptr<SqliteConnection> writer,
                 std::vector<std::unique_ptr<SqliteConnection>> readers, size_t max_batch,
                 std::unique_ptr<Checkpointer> checkpointer)
      : max_batch_(std::max<size_t>(1, max_batch)), writer_(std::move(writer)),
        readers_(std::move(readers)), checkpointer_(std::move(checkpointer)) {
    for (auto& reader : readers_) idle_readers_.push_back(reader.get());
    metrics::Global().DescribeHistogram(std::string(kBatchMetric),
                                        "Units of work committed together (group commit).",
                                        {1, 2, 4, 8, 16, 32, 64, 128});
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<void> Run(Access access, const Work& work) override {
    if (access == Access::kWrite) return Write(work);
    SqliteConnection* reader = AcquireReader();
    Result<void> result = RunTransaction(*reader, Dialect::kSqlite, "BEGIN", work);
    ReleaseReader(reader);
    return result;
  }

 private:
  static constexpr std::string_view kBatchMetric = "meekijk_db_group_commit_units";

  struct PendingWrite {
    const Work* work = nullptr;
    Result<void> result = Ok();
    bool done = false;
    std::condition_variable wake;
  };

  Result<void> Write(const Work& work) {
    PendingWrite mine;
    mine.work = &work;
    std::unique_lock lock(queue_mutex_);
    queue_.push_back(&mine);
    while (!mine.done && queue_.front() != &mine) mine.wake.wait(lock);
    if (mine.done) return mine.result;  // a leader committed it
    // Only the front of the queue leads, and it stays at the front until it is done, so the
    // writer connection is never used by two threads at once.
    size_t count = std::min(queue_.size(), max_batch_);
    std::vector<PendingWrite*> batch(queue_.begin(), queue_.begin() + static_cast<long>(count));
    lock.unlock();
    CommitBatchSafely(batch);
    lock.lock();
    for (size_t i = 0; i < count; ++i) {
      PendingWrite* write = queue_.front();
      queue_.pop_front();
      write->done = true;
      if (write != &mine) write->wake.notify_one();
    }
    if (!queue_.empty()) queue_.front()->wake.notify_one();  // the next leader
    return mine.result;
  }

  // The leader must always hand results back and leave the queue, or every later writer would
  // wait forever: whatever escapes a batch fails that batch, not the process.
  void CommitBatchSafely(const std::vector<PendingWrite*>& batch) {
    try {
      CommitBatch(batch);
      return;
    } catch (const std::exception& e) {
      log::Error("group_commit_threw", {{"what", e.what()}});
    } catch (...) {
      log::Error("group_commit_threw");
    }
    if (writer_->InTransaction()) (void)static_cast<Connection&>(*writer_).Execute("ROLLBACK");
    for (PendingWrite* write : batch) write->result = TransactionLost();
  }

  void CommitBatch(const std::vector<PendingWrite*>& batch) {
    auto start = std::chrono::steady_clock::now();
    metrics::Global().Observe(std::string(kBatchMetric), {}, static_cast<double>(batch.size()));
    Connection& writer = *writer_;
    if (Result<int64_t> begun = writer.Execute("BEGIN IMMEDIATE"); !begun.ok()) {
      for (PendingWrite* write : batch) write->result = begun.error();
      return;
    }
    std::vector<PendingWrite*> succeeded;
    for (PendingWrite* write : batch) {
      if (!writer_->InTransaction()) {  // SQLite gave up the transaction: nothing is left of it
        write->result = TransactionLost();
        continue;
      }
      write->result = RunInSavepoint(*write->work);
      if (write->result.ok()) succeeded.push_back(write);
    }
    if (!writer_->InTransaction()) {
      for (PendingWrite* write : succeeded) write->result = TransactionLost();
      RecordTransaction(start, "error");
      return;
    }
    Result<int64_t> committed = writer.Execute("COMMIT");
    RecordTransaction(start, committed.ok() ? "commit" : "error");
    if (!committed.ok()) {
      (void)writer.Execute("ROLLBACK");
      for (PendingWrite* write : succeeded) write->result = committed.error();
    }
  }

  Result<void> RunInSavepoint(const Work& work) {
    Connection& writer = *writer_;
    MK_RETURN_IF_ERROR(writer.Execute("SAVEPOINT unit"));
    Tx tx(writer, Dialect::kSqlite, cipher());
    Result<void> result = RunUnit(tx, work);
    if (!result.ok() && writer_->InTransaction()) {
      (void)writer.Execute("ROLLBACK TO unit");
    }
    if (writer_->InTransaction()) (void)writer.Execute("RELEASE unit");
    return result;
  }

  static Error TransactionLost() {
    return MakeFact(ErrorCode::kUnavailable, "database_unavailable");
  }

  SqliteConnection* AcquireReader() {
    std::unique_lock lock(readers_mutex_);
    reader_available_.wait(lock, [this] { return !idle_readers_.empty(); });
    SqliteConnection* reader = idle_readers_.back();
    idle_readers_.pop_back();
    return reader;
  }

  void ReleaseReader(SqliteConnection* reader) {
    {
      std::lock_guard lock(readers_mutex_);
      idle_readers_.push_back(reader);
    }
    reader_available_.notify_one();
  }

  const size_t max_batch_;
  std::mutex queue_mutex_;
  std::deque<PendingWrite*> queue_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex readers_mutex_;
  std::condition_variable reader_available_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
  std::vector<SqliteConnection*> idle_readers_;
  std::unique_ptr<Checkpointer> checkpointer_;  // last: stopped before the connections close
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqliteDatabase(const std::string& path, int readers,
                                                     size_t max_batch,
                                                     std::shared_ptr<StatementFaults> faults) {
  MK_ASSIGN_OR_RETURN(auto writer, Connect(path, false, faults));
  std::vector<std::unique_ptr<SqliteConnection>> reader_connections;
  for (int i = 0; i < std::max(1, readers); ++i) {
    MK_ASSIGN_OR_RETURN(auto reader, Connect(path, true, faults));
    reader_connections.push_back(std::move(reader));
  }
  MK_ASSIGN_OR_RETURN(auto checkpointer, Checkpointer::Start(path));
  return std::unique_ptr<Database>(new SqliteDatabase(
      std::move(writer), std::move(reader_connections), max_batch, std::move(checkpointer)));
}

}  // namespace meekijk::store::sqlite
