// The frame every use case on one consult shares (private to the service layer): load the
// consult → find the caller's role on it (kNotFound when they have none) → run the work → write
// the access-log row, all in one transaction. A refusal is logged in a transaction of its own,
// because the use case's was rolled back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"
#include "domain/consult.h"
#include "service/access_log.h"
#include "service/consult_access.h"
#include "service/principal.h"
#include "store/consults.h"
#include "store/database.h"
#include "store/tx.h"

namespace meekijk::service {

// work: (store::Tx&, domain::Consult&, domain::Role) -> Result<T>.
template <typename T, typename Work>
Result<T> OnConsult(store::Database& database, AccessLog& access_log, const Principal& principal,
                    int64_t consult_id, std::string_view action, Work&& work) {
  std::optional<T> out;
  std::optional<domain::Role> role;
  std::string patient_ref;
  Result<void> done = database.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Consult> consult, tx.consults().Find(consult_id));
    if (!consult) return ConsultNotFound();
    patient_ref = consult->number;
    MK_ASSIGN_OR_RETURN(role, RoleOnConsult(tx, principal, *consult));
    MK_ASSIGN_OR_RETURN(T value, work(tx, *consult, *role));
    MK_RETURN_IF_ERROR(access_log.Record(tx, principal, *role, action, *consult));
    out.emplace(std::move(value));
    return Ok();
  });
  if (!done.ok()) {
    access_log.RecordRefusal(principal, role, action, consult_id, patient_ref, done.error());
    return done.error();
  }
  return std::move(*out);
}

// For a use case that only reads the consult (opening it): the reading runs in a read
// transaction, beside other requests, and only the access-log row and `after` (small writes, such
// as marking its notifications read) go to the writer, durable before anything is answered. On
// SQLite the one writer then does a fraction of the work, and on PostgreSQL the chain's lock is
// held for a moment instead of the whole use case.
template <typename T, typename Read, typename After>
Result<T> ReadConsult(store::Database& database, AccessLog& access_log, const Principal& principal,
                      int64_t consult_id, std::string_view action, Read&& read, After&& after) {
  std::optional<T> out;
  std::optional<domain::Role> role;
  std::optional<domain::Consult> seen;
  std::string patient_ref;
  Result<void> done = database.Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Consult> consult, tx.consults().Find(consult_id));
    if (!consult) return ConsultNotFound();
    patient_ref = consult->number;
    MK_ASSIGN_OR_RETURN(role, RoleOnConsult(tx, principal, *consult));
    MK_ASSIGN_OR_RETURN(T value, read(tx, *consult, *role));
    out.emplace(std::move(value));
    seen = std::move(consult);
    return Ok();
  });
  if (done.ok()) {
    done = database.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(after(tx, *seen));
      return access_log.Record(tx, principal, *role, action, *seen);
    });
  }
  if (!done.ok()) {
    access_log.RecordRefusal(principal, role, action, consult_id, patient_ref, done.error());
    return done.error();
  }
  return std::move(*out);
}

}  // namespace meekijk::service
