// Managing other people's accounts: the users a coordinator or administrator looks after, and
// the one-time link with which such a user chooses a new password (ASVS 2.5). A password never
// travels by mail, and the link leaves the second factor in place: the link alone opens nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/directory.h"
#include "service/principal.h"
#include "service/reauthentication.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

inline constexpr std::chrono::hours kPasswordResetLifetime{24};

struct ManagedUser {
  domain::User user;  // without its password hash
  std::vector<domain::Membership> memberships;
  bool second_factor = false;
};

struct PasswordResetLink {
  std::string token;  // give to the user once; only its hash is stored
  TimePoint expires_at;
  bool second_factor = false;  // using it also removes the user's second factor
};

struct PasswordResetOptions {
  // Also remove the second factor, for someone who lost their phone and their recovery codes: the
  // link alone then opens the account, so the caller must have checked who the person is as at
  // their first enrolment (ASVS 2.5.7), and says so.
  bool second_factor = false;
  bool identity_checked = false;
};

// Someone a coordinator brings in: they choose their own password through the invitation link.
struct NewPerson {
  std::string username;
  std::string display_name;
  std::string email;
  std::optional<std::string> agb;  // the practitioner's own AGB code, where they have one
  std::vector<std::pair<int64_t, domain::Role>> memberships;  // organisation id, role
};

struct Invitation {
  int64_t user_id = 0;
  PasswordResetLink link;  // valid as long as a reset link, used the same way
};

class AccountService {
 public:
  AccountService(store::Database& database, const Clock& clock,
                 std::chrono::minutes reauthentication = kDefaultReauthenticationWindow)
      : database_(database), clock_(clock), reauthentication_(reauthentication) {}

  // A 403 unless the caller is a coordinator or an administrator; the calls below check it too,
  // and a handler asks it before reading a body, so that others learn nothing from its checks.
  static Result<void> RequireManager(const Principal& principal);

  // Administrators manage everyone; a coordinator the members of their organisation and of the
  // practices under it, except administrators. kForbidden for anyone else.
  Result<std::vector<ManagedUser>> ManagedUsers(const Principal& principal);
  // A new link for a user the caller manages (kNotFound for anyone else, so that ids reveal no
  // one), voiding the user's earlier links. Needs a recent re-authentication: whoever holds the
  // link chooses the password. The caller's own password is changed on the security page.
  Result<PasswordResetLink> IssuePasswordReset(const Principal& principal, int64_t user_id,
                                               PasswordResetOptions options = {});
  // A new account in organisations the caller manages (kNotFound for others; only an
  // administrator gives the administrator role), with a one-time link to choose a password and
  // no usable password before that. Needs a recent re-authentication, as a reset link does.
  Result<Invitation> Invite(const Principal& principal, const NewPerson& person);

  // Deactivating ends every login of the user at once and refuses new ones; the account and its
  // name stay, for the history (consults, the access log). Not for oneself.
  Result<ManagedUser> SetActive(const Principal& principal, int64_t user_id, bool active);

  // Without a login: sets the password of the link's user when the link is unused and unexpired
  // (kNotFound otherwise) and the password is strong enough, ends all the user's logins, and
  // removes the second factor when the link says so.
  Result<void> ResetPassword(std::string_view token, std::string_view password,
                             const RequestContext& request);

 private:
  store::Database& database_;
  const Clock& clock_;
  std::chrono::minutes reauthentication_;
};

}  // namespace meekijk::service
