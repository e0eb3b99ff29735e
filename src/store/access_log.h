// The NEN 7513 access log: who did what to which patient's data, when, from where. Rows are only
// ever appended.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/dialect.h"
#include "store/statements.h"

namespace meekijk::store {

struct AccessLogEntry {
  int64_t id = 0;
  TimePoint at;
  std::optional<int64_t> user_id;
  std::string username;
  std::string role;
  std::optional<int64_t> organisation_id;
  std::optional<int64_t> on_behalf_of;  // the responsible user, when acting for someone else
  std::string action;                   // "consult.read", "consult.list", "attachment.create", …
  std::optional<int64_t> consult_id;
  std::string patient_ref;  // the consult number: identifies the patient's record
  std::string detail;
  std::string client_address;
  std::string request_id;
  std::string outcome;  // "success", or the refusal's code
  std::string api_client;  // the API client's client_id, when the call came through one
  std::string prev_hash;  // the row_hash of the row before; empty for the first
  std::string row_hash;   // SHA-256 of this row's canonical encoding (service/access_chain.h)
  bool operator==(const AccessLogEntry&) const = default;
};

// What a privacy officer searches by; each set field narrows the search.
struct AccessLogFilter {
  std::optional<int64_t> organisation_id;  // rows by its members or about consults it holds
  std::optional<std::string> patient_ref;
  std::optional<int64_t> user_id;
  std::optional<TimePoint> from;   // inclusive
  std::optional<TimePoint> until;  // exclusive
  std::optional<int64_t> before_id;  // for the next page: rows older than this one
  int limit = 100;
};

struct ChainHead {
  int64_t id = 0;
  std::string row_hash;
  bool operator==(const ChainHead&) const = default;
};

class AccessLogRepository {
 public:
  explicit AccessLogRepository(Statements& statements) : sql_(statements) {}

  // Appending to the chain: take the lock, read the head, append the sealed row, in one
  // transaction (service/access_chain.cc does it).
  Result<void> LockChain(Dialect dialect);
  Result<std::optional<ChainHead>> Head();
  Result<int64_t> Append(const AccessLogEntry& entry);
  // Newest first; all consults when consult_id is empty.
  Result<std::vector<AccessLogEntry>> List(std::optional<int64_t> consult_id, int limit);
  // In id order, from the row after `after_id`: for walking the chain.
  Result<std::vector<AccessLogEntry>> Scan(int64_t after_id, int limit);
  // Newest first.
  Result<std::vector<AccessLogEntry>> Search(const AccessLogFilter& filter);
  // Rows written before the chain began and not yet sealed into it (0: none).
  Result<int64_t> LegacyThrough();
  Result<void> Seal(int64_t id, const std::string& prev_hash, const std::string& row_hash);
  Result<void> EndLegacy();

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
