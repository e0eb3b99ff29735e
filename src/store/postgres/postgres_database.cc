// libpq connections and the Database that pools them.
#include "store/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <vector>

#include "core/log.h"
#include "store/sql_text_map.h"

namespace meekijk::store::postgres {
namespace {

// Type oids from pg_type.h, for turning text results into typed cells.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

Error ContainsNul() {
  return MakeFact(ErrorCode::kInvalidArgument, "text_contains_nul");
}

Error EngineError(PGconn* connection, const PGresult* result) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string detail = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  // Class 23: integrity constraint violation (unique, foreign key, not null, check).
  if (state != nullptr && std::strncmp(state, "23", 2) == 0) {
    log::Warn("postgres_constraint", {{"sqlstate", state}, {"detail", detail}});
    return MakeFact(ErrorCode::kConflict, "duplicate_or_missing_reference");
  }
  log::Error("postgres_error", {{"sqlstate", state != nullptr ? state : ""}, {"detail", detail}});
  return MakeFact(ErrorCode::kUnavailable, "database_unavailable");
}

std::string DecodeHexBytea(const char* text, size_t length) {
  // The server's default bytea_output is hex: "\x" followed by two hex digits a byte.
  if (length < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text, length);
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
  };
  std::string bytes;
  bytes.reserve((length - 2) / 2);
  for (size_t i = 2; i + 1 < length; i += 2) {
    bytes.push_back(static_cast<char>(nibble(text[i]) << 4 | nibble(text[i + 1])));
  }
  return bytes;
}

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(PGconn* connection, std::shared_ptr<StatementFaults> faults)
      : connection_(connection), faults_(std::move(faults)) {}
  ~PostgresConnection() override { PQfinish(connection_); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  // Reusable: connected, and not left inside a transaction (after a failed COMMIT, say).
  bool healthy() const {
    return PQstatus(connection_) == CONNECTION_OK && PQtransactionStatus(connection_) == PQTRANS_IDLE;
  }

  Result<Rows> Query(std::string_view sql, std::span<const SqlValue> params) override {
    MK_ASSIGN_OR_RETURN(PgResult result, Run(sql, params));
    return ReadRows(result.get());
  }

  Result<int64_t> Execute(std::string_view sql, std::span<const SqlValue> params) override {
    MK_ASSIGN_OR_RETURN(PgResult result, Run(sql, params));
    const char* tuples = PQcmdTuples(result.get());
    return tuples[0] == '\0' ? int64_t{0} : std::stoll(tuples);
  }

 private:
  using PgResult = std::unique_ptr<PGresult, void (*)(PGresult*)>;

  Result<PgResult> Run(std::string_view sql, std::span<const SqlValue> params) {
    if (faults_) {
      if (std::optional<Error> injected = faults_->Before(sql)) return *injected;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlValue& value = params[i];
      if (auto* n = std::get_if<int64_t>(&value)) {
        texts[i] = std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&value)) {
        texts[i] = std::to_string(*d);
      } else if (auto* s = std::get_if<std::string>(&value)) {
        // Text parameters end at a NUL byte in libpq, and PostgreSQL text cannot hold one: refuse
        // rather than store less than was given (SQLite would keep it all).
        if (s->find('\0') != std::string::npos) return ContainsNul();
        texts[i] = *s;
      } else if (auto* b = std::get_if<Blob>(&value)) {
        values[i] = b->bytes.data();
        lengths[i] = static_cast<int>(b->bytes.size());
        formats[i] = 1;  // binary: bytes go as they are, without escaping
        continue;
      } else {
        continue;  // NULL
      }
      values[i] = texts[i].c_str();
      lengths[i] = static_cast<int>(texts[i].size());
    }
    MK_ASSIGN_OR_RETURN(const std::string* name, Prepare(sql, static_cast<int>(params.size())));
    // Once the cache is full, a statement not kept runs unnamed (parsed for this call only).
    PgResult result(name != nullptr
                        ? PQexecPrepared(connection_, name->c_str(), static_cast<int>(params.size()),
                                         values.data(), lengths.data(), formats.data(), 0)
                        : PQexecParams(connection_, NumberPlaceholders(sql).c_str(),
                                       static_cast<int>(params.size()), nullptr, values.data(),
                                       lengths.data(), formats.data(), 0),
                    PQclear);
    ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return EngineError(connection_, result.get());
    }
    return result;
  }

  // A server-side prepared statement per SQL text, kept for the connection's life, so that the
  // server parses and plans each statement once per connection instead of on every call.
  // PostgreSQL plans a kept statement again by itself when a table it reads changes. nullptr once
  // the cache is full (statements whose text varies, such as IN lists of many lengths): the
  // statements kept stay the ones used all the time.
  Result<const std::string*> Prepare(std::string_view sql, int param_count) {
    if (auto found = prepared_.find(sql); found != prepared_.end()) return &found->second;
    if (prepared_.size() >= kMaxPrepared) return static_cast<const std::string*>(nullptr);
    std::string name("s");  // built in two steps: g++ 12 misreads "s" + to_string as overlapping
    name += std::to_string(++prepared_count_);
    std::string numbered = NumberPlaceholders(sql);
    PgResult result(PQprepare(connection_, name.c_str(), numbered.c_str(), param_count, nullptr),
                    PQclear);
    if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      return EngineError(connection_, result.get());
    }
    return &prepared_.emplace(std::string(sql), std::move(name)).first->second;
  }

  static Rows ReadRows(const PGresult* result) {
    int row_count = PQntuples(result);
    int columns = PQnfields(result);
    Rows rows;
    rows.reserve(row_count);
    auto names = std::make_shared<std::vector<std::string>>();
    for (int c = 0; c < columns; ++c) names->emplace_back(PQfname(result, c));
    for (int r = 0; r < row_count; ++r) {
      std::vector<SqlValue> cells;
      cells.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result, r, c)) {
          cells.emplace_back(std::monostate{});
          continue;
        }
        const char* text = PQgetvalue(result, r, c);
        size_t length = static_cast<size_t>(PQgetlength(result, r, c));
        switch (PQftype(result, c)) {
          case kInt2Oid:
          case kInt4Oid:
          case kInt8Oid: cells.emplace_back(int64_t{std::stoll(text)}); break;
          case kBoolOid: cells.emplace_back(int64_t{text[0] == 't'}); break;
          case kFloat4Oid:
          case kFloat8Oid:
          case kNumericOid: cells.emplace_back(std::stod(text)); break;
          case kByteaOid: cells.emplace_back(Blob{DecodeHexBytea(text, length)}); break;
          default: cells.emplace_back(std::string(text, length));
        }
      }
      rows.emplace_back(std::move(cells), names);
    }
    return rows;
  }

  static constexpr size_t kMaxPrepared = 512;

  PGconn* connection_;
  SqlTextMap<std::string> prepared_;  // SQL text -> the statement's name on this connection
  uint64_t prepared_count_ = 0;
  std::shared_ptr<StatementFaults> faults_;
};

Result<std::unique_ptr<PostgresConnection>> Connect(const std::string& url,
                                                    const std::shared_ptr<StatementFaults>& faults) {
  PGconn* raw = PQconnectdb(url.c_str());
  auto connection = std::make_unique<PostgresConnection>(raw, faults);
  if (!connection->healthy()) {
    log::Error("postgres_connect_failed", {{"detail", PQerrorMessage(raw)}});
    return MakeFact(ErrorCode::kUnavailable, "database_unreachable");
  }
  // Quiet NOTICEs (e.g. "relation already exists, skipping") that would otherwise go to stderr.
  PQsetNoticeProcessor(raw, [](void*, const char*) {}, nullptr);
  return connection;
}

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, int pool_size, std::shared_ptr<StatementFaults> faults)
      : url_(std::move(url)), pool_size_(pool_size), faults_(std::move(faults)) {}

  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<void> Run(Access access, const Work& work) override {
    MK_ASSIGN_OR_RETURN(std::unique_ptr<PostgresConnection> connection, Acquire());
    std::string_view begin = access == Access::kRead ? "BEGIN READ ONLY" : "BEGIN";
    Result<void> result = RunTransaction(*connection, Dialect::kPostgres, begin, work);
    Release(std::move(connection));
    return result;
  }

  Result<void> Warm() {
    MK_ASSIGN_OR_RETURN(std::unique_ptr<PostgresConnection> connection, Acquire());
    Release(std::move(connection));
    return Ok();
  }

 private:
  Result<std::unique_ptr<PostgresConnection>> Acquire() {
    {
      std::unique_lock lock(mutex_);
      available_.wait(lock, [this] { return !idle_.empty() || open_ < pool_size_; });
      if (!idle_.empty()) {
        std::unique_ptr<PostgresConnection> connection = std::move(idle_.back());
        idle_.pop_back();
        return connection;
      }
      ++open_;  // reserve a slot, then connect outside the lock
    }
    Result<std::unique_ptr<PostgresConnection>> connection = Connect(url_, faults_);
    if (!connection.ok()) {
      std::lock_guard lock(mutex_);
      --open_;
      available_.notify_one();
    }
    return connection;
  }

  // A connection the server dropped is closed rather than pooled; the next Acquire reconnects.
  void Release(std::unique_ptr<PostgresConnection> connection) {
    {
      std::lock_guard lock(mutex_);
      if (connection->healthy()) {
        idle_.push_back(std::move(connection));
      } else {
        --open_;
      }
    }
    available_.notify_one();
  }

  std::string url_;
  int pool_size_;
  std::shared_ptr<StatementFaults> faults_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<PostgresConnection>> idle_;
  int open_ = 0;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgresDatabase(const std::string& url, int pool_size,
                                                       std::shared_ptr<StatementFaults> faults) {
  auto database = std::make_unique<PostgresDatabase>(url, std::max(1, pool_size), std::move(faults));
  MK_RETURN_IF_ERROR(database->Warm());
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace meekijk::store::postgres
