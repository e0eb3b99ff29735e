// Managed users and password reset links.
#include "service/account_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "auth/password.h"
#include "auth/token.h"
#include "core/log.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/logins.h"
#include "store/password_resets.h"
#include "store/second_factors.h"
#include "store/tx.h"
#include "service/new_user.h"
#include "service/notifier.h"

namespace meekijk::service {
namespace {

using domain::Role;

constexpr size_t kTokenBytes = 32;

Error NotManaged() {
  return MakeError(ErrorCode::kNotFound, "Deze gebruiker bestaat niet of valt niet onder u.",
                   "This user does not exist or is not yours to manage.");
}

Error InvalidLink() {
  return MakeError(ErrorCode::kNotFound,
                   "Deze link is ongeldig, al gebruikt of verlopen. Vraag uw coördinator om een "
                   "nieuwe link.",
                   "This link is invalid, used or expired. Ask your coordinator for a new link.");
}

bool HasRole(const std::vector<domain::Membership>& memberships, Role role) {
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const domain::Membership& m) { return m.role == role; });
}

// Whether `principal` may manage a user with these memberships (not themselves).
bool Manages(const Principal& principal, const std::vector<domain::Membership>& memberships) {
  if (principal.HasRole(Role::kAdmin)) return true;
  if (HasRole(memberships, Role::kAdmin)) return false;
  std::vector<int64_t> coordinated = principal.OrganisationsWithRole(Role::kCoordinator);
  auto coordinated_by_caller = [&](std::optional<int64_t> id) {
    return id && std::find(coordinated.begin(), coordinated.end(), *id) != coordinated.end();
  };
  return std::any_of(memberships.begin(), memberships.end(), [&](const domain::Membership& m) {
    return coordinated_by_caller(m.organisation_id) || coordinated_by_caller(m.parent_id);
  });
}

std::vector<std::string> PersonalWordsOf(const domain::User& user) {
  return {user.username, user.display_name, user.email, "meekijk"};
}

}  // namespace

Result<void> AccountService::RequireManager(const Principal& principal) {
  if (principal.HasRole(Role::kAdmin) || principal.HasRole(Role::kCoordinator)) return Ok();
  return MakeError(ErrorCode::kForbidden,
                   "Alleen coördinatoren en beheerders beheren gebruikers.",
                   "Only coordinators and administrators manage users.");
}

Result<std::vector<ManagedUser>> AccountService::ManagedUsers(const Principal& principal) {
  MK_RETURN_IF_ERROR(RequireManager(principal));
  std::vector<ManagedUser> out;
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    store::DirectoryRepository directory = tx.directory();
    MK_ASSIGN_OR_RETURN(std::vector<domain::User> users, directory.ListUsers());
    MK_ASSIGN_OR_RETURN(std::vector<store::UserMembership> all, directory.AllMemberships());
    MK_ASSIGN_OR_RETURN(std::vector<int64_t> enrolled,
                        tx.second_factors().UsersWithSecondFactor());
    std::map<int64_t, std::vector<domain::Membership>> memberships;
    for (store::UserMembership& m : all) {
      memberships[m.user_id].push_back(std::move(m.membership));
    }
    std::set<int64_t> with_second_factor(enrolled.begin(), enrolled.end());
    for (domain::User& user : users) {
      std::vector<domain::Membership>& of_user = memberships[user.id];
      if (user.id == principal.user.id || !Manages(principal, of_user)) continue;
      user.password_hash.clear();
      out.push_back({std::move(user), std::move(of_user), with_second_factor.contains(user.id)});
    }
    return Ok();
  }));
  return out;
}

Result<Invitation> AccountService::Invite(const Principal& principal, const NewPerson& person) {
  MK_RETURN_IF_ERROR(RequireManager(principal));
  if (person.memberships.empty()) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Kies ten minste één organisatie met een rol.",
                     "Choose at least one organisation with a role.", "memberships");
  }
  TimePoint now = clock_.Now();
  MK_RETURN_IF_ERROR(RequireRecentPassword(principal, now, reauthentication_));
  Invitation invitation;
  invitation.link = {auth::RandomHex(kTokenBytes), now + kPasswordResetLifetime, false};
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    std::vector<domain::Membership> memberships;
    for (const auto& [organisation_id, role] : person.memberships) {
      MK_ASSIGN_OR_RETURN(std::optional<domain::Organisation> organisation,
                          tx.directory().FindOrganisation(organisation_id));
      if (!organisation) {
        return MakeError(ErrorCode::kInvalidArgument, "Deze organisatie bestaat niet of valt niet "
                         "onder u.", "This organisation does not exist or is not yours to manage.",
                         "memberships");
      }
      memberships.push_back({organisation_id, role, organisation->name, organisation->kind,
                             organisation->parent_id});
    }
    if (!Manages(principal, memberships) ||
        !std::all_of(memberships.begin(), memberships.end(), [&](const domain::Membership& m) {
          return Manages(principal, {m});
        })) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "U kunt alleen mensen toevoegen aan organisaties die u beheert, en alleen "
                       "een beheerder maakt beheerders.",
                       "You can only add people to organisations you manage, and only an "
                       "administrator makes administrators.",
                       "memberships");
    }
    // No password works until the person chooses one through the link: this is no Argon2id hash.
    NewUser user{person.username, person.display_name, person.email, person.agb, "",
                 person.memberships};
    MK_ASSIGN_OR_RETURN(invitation.user_id,
                        InsertNewUser(tx, user, "!invited:" + auth::RandomHex(16), now));
    MK_RETURN_IF_ERROR(tx.password_resets().Replace(
        {auth::HashSessionToken(invitation.link.token), invitation.user_id, principal.user.id, now,
         invitation.link.expires_at, std::nullopt, false}));
    // The new person hears of it by mail too, when they have an address.
    return QueueInvitation(tx, invitation.user_id, invitation.link.token, now);
  }));
  log::Info("user_invited", {{"user_id", invitation.user_id},
                             {"invited_by", principal.user.id},
                             {"request_id", principal.request.request_id}});
  return invitation;
}

Result<ManagedUser> AccountService::SetActive(const Principal& principal, int64_t user_id,
                                              bool active) {
  MK_RETURN_IF_ERROR(RequireManager(principal));
  if (user_id == principal.user.id) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "U kunt uw eigen account niet (de)activeren.",
                     "You cannot deactivate or reactivate your own account.");
  }
  return store::Transact<ManagedUser>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<ManagedUser> {
        store::DirectoryRepository directory = tx.directory();
        MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, directory.FindUser(user_id));
        if (!user) return NotManaged();
        ManagedUser managed;
        MK_ASSIGN_OR_RETURN(managed.memberships, directory.Memberships(user_id));
        if (!Manages(principal, managed.memberships)) return NotManaged();
        MK_RETURN_IF_ERROR(directory.SetActive(user_id, active));
        if (!active) MK_RETURN_IF_ERROR(tx.logins().DeleteAllOfUser(user_id, ""));
        MK_ASSIGN_OR_RETURN(managed.second_factor, tx.second_factors().HasConfirmed(user_id));
        managed.user = *user;
        managed.user.active = active;
        managed.user.password_hash.clear();
        log::Info(active ? "user_reactivated" : "user_deactivated",
                  {{"user_id", user_id}, {"by", principal.user.id},
                   {"request_id", principal.request.request_id}});
        return managed;
      });
}

Result<PasswordResetLink> AccountService::IssuePasswordReset(const Principal& principal,
                                                            int64_t user_id,
                                                            PasswordResetOptions options) {
  MK_RETURN_IF_ERROR(RequireManager(principal));
  if (options.second_factor && !options.identity_checked) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Controleer eerst wie deze persoon is, zoals bij het eerste instellen (met een "
                     "identiteitsbewijs, of door terug te bellen op een bekend nummer), en bevestig "
                     "dat: met deze link alleen opent men het account.",
                     "First check who this person is, as at the first set-up (with an identity "
                     "document, or by calling back on a known number), and confirm it: this link "
                     "alone opens the account.",
                     "identity_checked");
  }
  if (user_id == principal.user.id) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Uw eigen wachtwoord wijzigt u zelf, op de pagina Beveiliging.",
                     "You change your own password yourself, on the Security page.");
  }
  TimePoint now = clock_.Now();
  MK_RETURN_IF_ERROR(RequireRecentPassword(principal, now, reauthentication_));
  PasswordResetLink link{auth::RandomHex(kTokenBytes), now + kPasswordResetLifetime,
                         options.second_factor};
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    store::DirectoryRepository directory = tx.directory();
    MK_ASSIGN_OR_RETURN(std::optional<domain::User> user, directory.FindUser(user_id));
    if (!user) return NotManaged();
    MK_ASSIGN_OR_RETURN(std::vector<domain::Membership> memberships,
                        directory.Memberships(user_id));
    if (!Manages(principal, memberships)) return NotManaged();
    return tx.password_resets().Replace({auth::HashSessionToken(link.token), user_id,
                                         principal.user.id, now, link.expires_at, std::nullopt,
                                         options.second_factor});
  }));
  log::Info("password_reset_issued", {{"user_id", user_id},
                                      {"issued_by", principal.user.id},
                                      {"second_factor", options.second_factor},
                                      {"request_id", principal.request.request_id}});
  return link;
}

Result<void> AccountService::ResetPassword(std::string_view token, std::string_view password,
                                           const RequestContext& request) {
  if (token.size() != 2 * kTokenBytes) return InvalidLink();
  std::string token_hash = auth::HashSessionToken(token);
  TimePoint now = clock_.Now();
  std::optional<domain::User> user;
  bool second_factor_reset = false;
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(std::optional<store::PasswordResetRecord> reset,
                        tx.password_resets().Find(token_hash));
    if (!reset || reset->used_at || reset->expires_at <= now) return Ok();
    second_factor_reset = reset->second_factor_reset;
    MK_ASSIGN_OR_RETURN(user, tx.directory().FindUser(reset->user_id));
    return Ok();
  }));
  if (!user) return InvalidLink();
  MK_RETURN_IF_ERROR(auth::ValidateNewPassword(password, PersonalWordsOf(*user)));
  if (auth::VerifyPassword(user->password_hash, password)) {
    return MakeError(ErrorCode::kInvalidArgument, "Kies een ander wachtwoord dan het oude.",
                     "Choose a password other than the old one.", "password");
  }
  MK_ASSIGN_OR_RETURN(std::string hash, auth::HashPassword(password));
  MK_RETURN_IF_ERROR(database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(std::optional<int64_t> used, tx.password_resets().Use(token_hash, now));
    if (used != user->id) return InvalidLink();  // used by a request racing this one
    MK_RETURN_IF_ERROR(tx.directory().SetPasswordHash(user->id, hash));
    MK_RETURN_IF_ERROR(tx.logins().DeleteAllOfUser(user->id, ""));
    if (second_factor_reset) MK_RETURN_IF_ERROR(tx.second_factors().Remove(user->id));
    return Ok();
  }));
  log::Info("password_reset_used", {{"user_id", user->id},
                                    {"second_factor_reset", second_factor_reset},
                                    {"client", request.client_address},
                                    {"request_id", request.request_id}});
  return Ok();
}

}  // namespace meekijk::service
