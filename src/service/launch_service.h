// Launch from the HIS with the patient filled in. A practice's HIS signs a short-lived launch link
// (a JWT, with a key whose public half a coordinator registered for the practice) naming the GP by
// AGB and carrying the patient context: birth year and sex (and identifying data where the
// agreement requires it), the ICPC episode, a clinical summary and optionally the question and
// specialty. Opening it logs that GP in — with their second factor, as any login — and opens a
// new draft consult with everything filled in. Expired, replayed, unsigned or foreign links are
// refused, and a link is worth one login.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "service/consult_service.h"
#include "service/login_service.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct LaunchKey {
  int64_t id = 0;
  std::string key_id;  // the iss the HIS puts in its links
  int64_t organisation_id = 0;
  std::string organisation_name;
  std::string name;
  std::string public_key;
  TimePoint created_at;
  std::optional<TimePoint> revoked_at;
};

struct NewLaunchKey {
  int64_t organisation_id = 0;  // a GP practice
  std::string name;             // "Medicom, Huisartsenpraktijk Kralingen"
  std::string public_key;       // PEM
};

// A verified link, before the login: whom it is for and what it fills in.
struct LaunchPreview {
  int64_t user_id = 0;
  std::string display_name;
  int64_t practice_id = 0;
  std::string practice_name;
  NewConsult consult;  // a draft in the practice
};

struct Launched {
  LoginResult login;
  int64_t consult_id = 0;
};

inline constexpr std::chrono::minutes kMaxLaunchLifetime{5};

class LaunchService {
 public:
  // `public_url` (serve --public-url): a link's audience must be its /launch; without it, the
  // origin the request came to.
  LaunchService(store::Database& database, const Clock& clock, LoginService& logins,
                ConsultService& consults, std::string public_url = {})
      : database_(database), clock_(clock), logins_(logins), consults_(consults),
        public_url_(std::move(public_url)) {
    while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
  }

  // Coordinators whose reach covers the practice, and administrators.
  Result<LaunchKey> RegisterKey(const Principal& principal, const NewLaunchKey& key);
  Result<std::vector<LaunchKey>> ListKeys(const Principal& principal);
  Result<LaunchKey> RevokeKey(const Principal& principal, int64_t id);

  // Checks the link (signature, audience, age, the GP) without using it up. `origin`: where the
  // request came to ("https://meekijk.example"), when no public URL is configured.
  Result<LaunchPreview> Preview(std::string_view token, std::string_view origin);
  // Logs the GP in with `otp` (reason "otp_required" without one, as a login), uses the link up
  // and creates the draft. kUnauthenticated for every kind of bad link, with one message.
  Result<Launched> Launch(std::string_view token, std::string_view otp,
                          std::string_view origin, std::string_view user_agent,
                          const RequestContext& context);

 private:
  struct Verified {
    LaunchPreview preview;
    std::string token_id;  // "<key>:<jti>"
    TimePoint expires_at;
  };
  Result<Verified> Verify(std::string_view token, std::string_view origin);

  store::Database& database_;
  const Clock& clock_;
  LoginService& logins_;
  ConsultService& consults_;
  std::string public_url_;
};

}  // namespace meekijk::service
