// API clients (OAuth 2.0 client credentials with private_key_jwt, RFC 7523): an administrator
// registers a system — a practice's HIS, a hospital's EHR — for one organisation, naming the
// member it acts for and the scopes it may use, with the public half of the system's key. The
// system then trades an assertion it signed for an access token of a few minutes, and calls the
// FHIR API with it as that member, through the same use cases and the same access log as a person
// (the log names the client too). A revoked client's tokens stop at once, on every node.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "service/principal.h"
#include "service/subscription_service.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct ApiClient {
  int64_t id = 0;
  std::string client_id;
  std::string name;
  int64_t organisation_id = 0;
  std::string organisation_name;
  int64_t user_id = 0;
  std::string username;
  std::vector<std::string> scopes;
  std::string public_key;
  TimePoint created_at;
  std::optional<TimePoint> revoked_at;
  // Where it asked to be told of changes (FHIR subscriptions): for the administrator, who answers
  // for where patient data goes.
  std::vector<Subscription> subscriptions;
};

struct NewApiClient {
  std::string name;
  int64_t organisation_id = 0;
  int64_t user_id = 0;  // an active member of the organisation
  std::string scopes;   // space-separated, "system/Task.rus system/Patient.r"
  std::string public_key;  // PEM
};

// A token request as the token endpoint receives it (form fields of RFC 6749 §4.4, RFC 7523 §2.2).
struct TokenRequest {
  std::string grant_type;
  std::string client_assertion_type;
  std::string client_assertion;
  std::string scope;
  std::string token_url;  // the endpoint's own address: an assertion's audience must be it
};

struct IssuedToken {
  std::string access_token;
  std::chrono::seconds expires_in{0};
  std::string scope;
  std::string client_id;
};

inline constexpr std::chrono::minutes kAccessTokenLifetime{5};
// An assertion may be valid this long at most: a longer one could be replayed for longer than the
// server keeps its id.
inline constexpr std::chrono::minutes kMaxAssertionLifetime{5};
inline constexpr std::string_view kJwtBearerAssertion =
    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

class ApiClientService {
 public:
  ApiClientService(store::Database& database, const Clock& clock)
      : database_(database), clock_(clock) {}

  // Administrators only (kForbidden otherwise). kInvalidArgument for a bad key ("public_key"),
  // scopes ("scopes"), or a user who is not an active member of the organisation ("user_id").
  Result<ApiClient> Register(const Principal& principal, const NewApiClient& client);
  Result<std::vector<ApiClient>> List(const Principal& principal);
  // kConflict when it was revoked already.
  Result<ApiClient> Revoke(const Principal& principal, int64_t id);

  // The token endpoint. Every refusal carries its OAuth error code as the reason
  // (unsupported_grant_type, invalid_client, invalid_scope).
  Result<IssuedToken> IssueToken(const TokenRequest& request, const RequestContext& context);

  // The caller behind an access token: the client's user, with only the memberships and pools
  // of the client's organisation, and the client's grant. kUnauthenticated for a token that is
  // not ours, has expired, or whose client was revoked or whose user left.
  Result<Principal> Authenticate(std::string_view access_token, const RequestContext& context);

  // Whether a bearer token is one of these access tokens rather than a login's token.
  static bool IsAccessToken(std::string_view token);

 private:
  Result<std::string> SigningSecret() const;

  store::Database& database_;
  const Clock& clock_;
};

}  // namespace meekijk::service
