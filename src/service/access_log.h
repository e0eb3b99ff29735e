// The access log (NEN 7513): every read or change of patient data writes one row, in the same
// transaction as the use case, so that no access happens unlogged. Refusals are logged too, in a
// transaction of their own because the use case's was rolled back. Only the service layer writes
// here.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "domain/consult.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
class Tx;
struct AccessLogEntry;
}  // namespace meekijk::store

namespace meekijk::service {

class AccessLog {
 public:
  AccessLog(store::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  // Records a successful access to `consult` by `principal` acting as `role`, inside `tx`.
  Result<void> Record(store::Tx& tx, const Principal& principal, domain::Role role,
                      std::string_view action, const domain::Consult& consult,
                      std::string detail = {});

  // Records one access per consult, as Record does, with one turn at the chain: a list's page.
  Result<void> RecordEach(store::Tx& tx, const Principal& principal, domain::Role role,
                          std::string_view action, std::span<const domain::Consult> consults);

  // Records a refused access in its own transaction. Never fails the caller: a refusal stays a
  // refusal even when the log cannot be written (which the structured log then reports).
  void RecordRefusal(const Principal& principal, std::optional<domain::Role> role,
                     std::string_view action, int64_t consult_id, std::string_view patient_ref,
                     const Error& error);

 private:
  store::AccessLogEntry EntryForConsult(const Principal& principal, domain::Role role,
                                        std::string_view action, const domain::Consult& consult,
                                        std::string detail) const;

  store::Database& database_;
  const Clock& clock_;
};

}  // namespace meekijk::service
