// The bulk path: loading many consults and their threads in a few statements each, as the
// dataset generator (`meekijk generate`) does, instead of one call per consult. The caller
// chooses the ids (from NextFreeIds) so that messages can name their consults without reading
// anything back. Meant for an installation that is not serving: on PostgreSQL the tables are
// locked for the transaction.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "core/result.h"
#include "domain/consult.h"

namespace meekijk::store {

class Tx;

struct FreeIds {
  int64_t consult = 1;  // the first id no consult has
  int64_t message = 1;
};

Result<FreeIds> NextFreeIds(Tx& tx);
// Consults with their ids set; pseudonymised ones only (the bulk path seals no identities).
Result<void> InsertConsults(Tx& tx, std::span<const domain::Consult> consults);
Result<void> InsertMessages(Tx& tx, std::span<const domain::ThreadMessage> messages);
// Takes `count` numbers of a sequence (consult numbers per year) at once; returns the last.
Result<int64_t> ReserveInSequence(Tx& tx, std::string_view counter, int64_t count);
// Takes down the consults' and messages' secondary indexes for a long load, remembering them in
// the database (a table of schema 11): building an index once from sorted rows is many times
// faster than keeping nine indexes up to date row by row. Returns how many were taken down.
Result<int> SuspendIndexes(Tx& tx);
// Builds the remembered indexes again; Database::Migrate does so too, at every start.
Result<int> RestoreIndexes(Tx& tx);
// After loading: PostgreSQL's identity sequences move past the ids the caller chose.
Result<void> FinishBulkLoad(Tx& tx);

}  // namespace meekijk::store
