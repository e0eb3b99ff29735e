// The NEN 7513 access log: who did what to which patient's data, when, from where. Rows are only
// ever appended.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
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
  bool operator==(const AccessLogEntry&) const = default;
};

class AccessLogRepository {
 public:
  explicit AccessLogRepository(Statements& statements) : sql_(statements) {}

  Result<int64_t> Append(const AccessLogEntry& entry);
  // Newest first; all consults when consult_id is empty.
  Result<std::vector<AccessLogEntry>> List(std::optional<int64_t> consult_id, int limit);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
