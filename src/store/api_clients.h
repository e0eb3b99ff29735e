// API clients: the systems (a practice's HIS, a hospital's EHR) that call the FHIR API with the
// OAuth 2.0 client-credentials grant. Only the public half of a client's key is kept; the ids of
// signed tokens already used are kept until they expire, so that a token cannot be replayed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/statements.h"

namespace meekijk::store {

struct ApiClientRecord {
  int64_t id = 0;
  std::string client_id;  // what the client names itself by (iss and sub of its assertions)
  std::string name;
  int64_t organisation_id = 0;
  int64_t user_id = 0;      // the member it acts for: its calls are that user's, through it
  std::string scopes;       // space-separated, SMART v2 style: "system/Task.rs system/Patient.r"
  std::string public_key;   // PEM (SubjectPublicKeyInfo), RSA or EC P-256
  int64_t created_by = 0;
  TimePoint created_at;
  std::optional<TimePoint> revoked_at;
  bool operator==(const ApiClientRecord&) const = default;
};

class ApiClientRepository {
 public:
  explicit ApiClientRepository(Statements& statements) : sql_(statements) {}

  Result<int64_t> Insert(const ApiClientRecord& client);
  Result<std::optional<ApiClientRecord>> Find(int64_t id);
  Result<std::optional<ApiClientRecord>> FindByClientId(std::string_view client_id);
  // Newest first; every client when `organisation_ids` is empty.
  Result<std::vector<ApiClientRecord>> List(const std::vector<int64_t>& organisation_ids);
  // Marks the client revoked at `at` unless it was already; whether this call revoked it.
  Result<bool> Revoke(int64_t id, TimePoint at);

  // Records a signed token's id as used until `expires_at`; false when it was used before (and
  // has not expired): a replay. One INSERT decides, so two nodes cannot both accept it.
  Result<bool> UseTokenId(std::string_view token_id, TimePoint expires_at);
  // Whether the id has been used by a token that has not expired at `now`.
  Result<bool> IsTokenIdUsed(std::string_view token_id, TimePoint now);
  // Forgets used ids whose tokens have expired: they would be refused for their age anyway.
  Result<int64_t> ForgetExpiredTokenIds(TimePoint now);

 private:
  Statements& sql_;
};

}  // namespace meekijk::store
