// Rows the store keeps that are not domain values: sessions, access-log entries, list filters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/consult.h"
#include "domain/file_type.h"

namespace meekijk::store {

struct SessionRecord {
  std::string token_hash;  // never the token itself
  int64_t user_id = 0;
  TimePoint created_at;
  TimePoint expires_at;
  std::string client_address;
};

// One row of the NEN 7513 access log: who did what to which patient's data, when, from where.
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
  std::string patient_ref;              // the consult number: identifies the patient's record
  std::string detail;
  std::string client_address;
  std::string request_id;
  std::string outcome;                  // "success", or the refusal's code
};

struct AttachmentRecord {
  int64_t id = 0;
  int64_t consult_id = 0;
  std::string filename;
  domain::FileType file_type = domain::FileType::kPdf;
  int64_t size_bytes = 0;
  std::string sha256;
  int64_t uploaded_by = 0;
  TimePoint uploaded_at;
};

// Which consults a list shows. The service fills the scope from the caller's memberships, so
// the store never decides who may see what; it only filters.
struct ConsultFilter {
  enum class Box { kOutbox, kInbox, kPool };
  Box box = Box::kOutbox;
  std::vector<int64_t> practice_ids;  // outbox: the caller's practices
  int64_t specialist_id = 0;          // inbox: consults claimed by or named to this specialist
  std::vector<int64_t> pool_ids;      // pool: the caller's pools (sent consults unless `status`)
  std::optional<domain::ConsultStatus> status;
  std::optional<std::string> specialty;
  std::optional<std::string> text;  // matches the number or the question
  std::optional<std::string> after;  // the cursor of the previous page
  int limit = 50;
};

struct ConsultPage {
  std::vector<domain::Consult> items;
  std::optional<std::string> next_cursor;
};

}  // namespace meekijk::store
