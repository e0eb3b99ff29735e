// The store's entry point: a use case hands the database one unit of work, which runs in one
// transaction and commits only if the work succeeds. Because a write is a function handed over,
// not a lock held by a caller, an engine may later run many units in one durable commit.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "core/clock.h"
#include "core/field_cipher.h"
#include "core/result.h"
#include "store/connection.h"
#include "store/dialect.h"

namespace meekijk::store {

class Tx;

enum class Access { kRead, kWrite };

using Work = std::function<Result<void>(Tx&)>;

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Runs `work` in one transaction; commits when it returns ok, rolls back and returns its
  // error otherwise. kRead work must not write. Thread-safe.
  virtual Result<void> Run(Access access, const Work& work) = 0;
  // Brings the schema to the newest version; safe to call from several nodes at once. The clock
  // dates each applied version.
  Result<void> Migrate(const Clock& clock);
  // The schema version in the database (0 when empty).
  Result<int> SchemaVersion();
  // The keys the patient's identity is sealed with (auth/key_ring.h); set once, before use.
  void SetFieldCipher(std::shared_ptr<const FieldCipher> cipher) { cipher_ = std::move(cipher); }
  const FieldCipher* cipher() const { return cipher_.get(); }

 protected:
  // Runs one transaction on a connection the engine chose, timing it for the metrics.
  Result<void> RunTransaction(Connection& connection, Dialect dialect,
                              std::string_view begin_statement, const Work& work);
  // Runs a unit of work inside an open transaction, turning an escaped exception (a bug) into
  // kInternal so that the transaction is never left half-done.
  static Result<void> RunUnit(Tx& tx, const Work& work);
  // Adds a transaction's duration to the database-time metric.
  static void RecordTransaction(std::chrono::steady_clock::time_point start, const char* outcome);

 private:
  std::shared_ptr<const FieldCipher> cipher_;
};

// Runs work that returns a value: Transact<int>(db, Access::kRead, [&](Tx& tx) -> Result<int>).
template <typename T, typename F>
Result<T> Transact(Database& database, Access access, F&& work) {
  std::optional<T> out;
  Result<void> done = database.Run(access, [&](Tx& tx) -> Result<void> {
    Result<T> value = work(tx);
    if (!value.ok()) return value.error();
    out.emplace(std::move(value).value());
    return Ok();
  });
  if (!done.ok()) return done.error();
  return std::move(*out);
}

}  // namespace meekijk::store
