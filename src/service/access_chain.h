// The access log as a hash chain (NEN 7513: a log patients and privacy officers can rely on).
// Each row's hash is SHA-256 over its canonical encoding, which includes the hash of the row
// before it: changing a row changes its hash, and removing or inserting one breaks the link of
// the row after it. Cutting off the newest rows leaves a valid but shorter chain; that is caught
// by comparing with a head anchored outside the database (AuditService::Anchor). Private to the
// service layer.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "service/audit_service.h"
#include "store/access_log.h"
#include "store/tx.h"

namespace meekijk::service {

// A stored row as the privacy officer sees it.
AccessLogRecord RecordOfEntry(const store::AccessLogEntry& entry);

// Every field but the id and the row's own hash, each as name, length and value, so that no two
// different rows encode alike.
std::string CanonicalEncoding(const store::AccessLogEntry& entry);

// The row_hash `entry` must have, given its prev_hash.
std::string ChainHash(const store::AccessLogEntry& entry);

// Links `entry` to the chain's head and appends it, all inside `tx` (PostgreSQL: under an
// advisory lock held to the commit, so that concurrent writers take turns; SQLite: its one
// writer).
Result<int64_t> AppendToChain(store::Tx& tx, store::AccessLogEntry entry);

// Links several entries, in order, with one lock and one read of the head: a page of a list
// logs a row for every consult on it.
Result<void> AppendAllToChain(store::Tx& tx, std::vector<store::AccessLogEntry> entries);

}  // namespace meekijk::service
