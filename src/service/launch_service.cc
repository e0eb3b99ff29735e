// Launch links from the HIS, and the keys they are signed with.
#include "service/launch_service.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <map>

#include "auth/jwt.h"
#include "auth/token.h"
#include "core/log.h"
#include "service/coordinator_reach.h"
#include "service/jwt_claims.h"
#include "store/api_clients.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/launch_keys.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

namespace json = boost::json;
using domain::Role;

// One answer for every bad link, so that a prober learns nothing about which check failed; the
// structured log says which.
Error BadLink(std::string_view why) {
  log::Warn("launch_refused", {{"why", why}});
  Error error = MakeError(ErrorCode::kUnauthenticated,
                          "Deze koppeling uit het HIS is ongeldig, verlopen of al gebruikt. Open "
                          "meekijk opnieuw vanuit het HIS.",
                          "This link from the HIS is invalid, expired or used. Open meekijk again "
                          "from the HIS.",
                          "token");
  error.reason = "launch_invalid";
  return error;
}




// The patient context of the link as a draft's content; nothing in it is trusted beyond what the
// draft's own rules allow (they check it again on sending).
domain::ConsultContent ContentOf(const json::object& claims) {
  domain::ConsultContent content;
  if (const json::value* p = claims.if_contains("patient"); p != nullptr && p->is_object()) {
    const json::object& patient = p->get_object();
    content.patient.birth_year = static_cast<int>(NumberClaim(patient, "birth_year").value_or(0));
    content.patient.sex = domain::Parse<domain::Sex>(StringClaim(patient, "sex").value_or("unknown"))
                              .value_or(domain::Sex::kUnknown);
    content.patient.name = StringClaim(patient, "name");
    content.patient.birth_date = StringClaim(patient, "birth_date");
    content.patient.bsn = StringClaim(patient, "bsn");
    if (content.patient.birth_year == 0 && content.patient.birth_date &&
        content.patient.birth_date->size() >= 4) {
      content.patient.birth_year = std::atoi(content.patient.birth_date->substr(0, 4).c_str());
    }
  }
  content.icpc = StringClaim(claims, "icpc").value_or("");
  content.clinical_summary = StringClaim(claims, "summary").value_or("");
  content.question = StringClaim(claims, "question").value_or("");
  content.specialty = StringClaim(claims, "specialty").value_or("");
  content.mode = domain::Parse<domain::ConsultMode>(StringClaim(claims, "mode").value_or("digital"))
                     .value_or(domain::ConsultMode::kDigital);
  return content;
}

Result<void> RequireKeyManager(const Principal& principal) {
  if (principal.HasRole(Role::kAdmin) || principal.HasRole(Role::kCoordinator)) return Ok();
  return MakeError(ErrorCode::kForbidden,
                   "Alleen coördinatoren en beheerders registreren sleutels van een HIS.",
                   "Only coordinators and administrators register a HIS's keys.");
}

Result<CoordinatorReach> ReachOf(store::Tx& tx, const Principal& principal) {
  MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> all, tx.directory().ListOrganisations());
  std::map<int64_t, domain::Organisation> organisations;
  for (domain::Organisation& o : all) organisations.emplace(o.id, std::move(o));
  return CoordinatorReach::Of(principal, organisations);
}

Result<LaunchKey> ViewOf(store::Tx& tx, const store::LaunchKeyRecord& record) {
  LaunchKey key{record.id, record.key_id, record.organisation_id, "", record.name,
                record.public_key, record.created_at, record.revoked_at};
  MK_ASSIGN_OR_RETURN(auto organisation, tx.directory().FindOrganisation(record.organisation_id));
  if (organisation) key.organisation_name = organisation->name;
  return key;
}

}  // namespace

Result<LaunchKey> LaunchService::RegisterKey(const Principal& principal, const NewLaunchKey& key) {
  MK_RETURN_IF_ERROR(RequireKeyManager(principal));
  if (key.name.empty() || key.name.size() > 200) {
    return MakeError(ErrorCode::kInvalidArgument, "Geef de sleutel een naam (ten hoogste 200 tekens).",
                     "Give the key a name (at most 200 characters).", "name");
  }
  if (key.public_key.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Plak de publieke sleutel (PEM) van het HIS.",
                     "Paste the HIS's public key (PEM).", "public_key");
  }
  MK_RETURN_IF_ERROR(auth::CheckPublicKey(key.public_key));
  TimePoint now = clock_.Now();
  return store::Transact<LaunchKey>(database_, store::Access::kWrite,
                                    [&](store::Tx& tx) -> Result<LaunchKey> {
    MK_ASSIGN_OR_RETURN(auto organisation, tx.directory().FindOrganisation(key.organisation_id));
    MK_ASSIGN_OR_RETURN(CoordinatorReach reach, ReachOf(tx, principal));
    if (!organisation || organisation->kind != domain::OrgKind::kGpPractice ||
        !reach.Covers(organisation->id)) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Kies een huisartsenpraktijk die u coördineert.",
                       "Choose a GP practice you coordinate.", "organisation_id");
    }
    store::LaunchKeyRecord record{0, "his-" + auth::RandomHex(8), key.organisation_id, key.name,
                                  key.public_key, principal.user.id, now, std::nullopt};
    MK_ASSIGN_OR_RETURN(record.id, tx.launch_keys().Insert(record));
    log::Info("launch_key_registered", {{"key_id", record.key_id},
                                        {"organisation_id", record.organisation_id},
                                        {"by", principal.user.username}});
    return ViewOf(tx, record);
  });
}

Result<std::vector<LaunchKey>> LaunchService::ListKeys(const Principal& principal) {
  MK_RETURN_IF_ERROR(RequireKeyManager(principal));
  return store::Transact<std::vector<LaunchKey>>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<std::vector<LaunchKey>> {
        MK_ASSIGN_OR_RETURN(CoordinatorReach reach, ReachOf(tx, principal));
        MK_ASSIGN_OR_RETURN(auto records, tx.launch_keys().List({}));
        std::vector<LaunchKey> keys;
        for (const store::LaunchKeyRecord& record : records) {
          if (!reach.Covers(record.organisation_id)) continue;
          MK_ASSIGN_OR_RETURN(LaunchKey key, ViewOf(tx, record));
          keys.push_back(std::move(key));
        }
        return keys;
      });
}

Result<LaunchKey> LaunchService::RevokeKey(const Principal& principal, int64_t id) {
  MK_RETURN_IF_ERROR(RequireKeyManager(principal));
  TimePoint now = clock_.Now();
  return store::Transact<LaunchKey>(database_, store::Access::kWrite,
                                    [&](store::Tx& tx) -> Result<LaunchKey> {
    MK_ASSIGN_OR_RETURN(auto record, tx.launch_keys().Find(id));
    MK_ASSIGN_OR_RETURN(CoordinatorReach reach, ReachOf(tx, principal));
    if (!record || !reach.Covers(record->organisation_id)) {
      return MakeError(ErrorCode::kNotFound, "Deze sleutel bestaat niet.",
                       "This key does not exist.");
    }
    MK_ASSIGN_OR_RETURN(bool revoked, tx.launch_keys().Revoke(id, now));
    if (!revoked) {
      return MakeError(ErrorCode::kConflict, "Deze sleutel is al ingetrokken.",
                       "This key has been revoked already.");
    }
    record->revoked_at = now;
    return ViewOf(tx, *record);
  });
}

Result<LaunchService::Verified> LaunchService::Verify(std::string_view token,
                                                      std::string_view origin) {
  std::string launch_url = (public_url_.empty() ? std::string(origin) : public_url_) + "/launch";
  Result<std::string> unverified = auth::UnverifiedClaims(token);
  if (!unverified.ok()) return BadLink("not_a_jwt");
  boost::system::error_code ec;
  json::value said = json::parse(*unverified, ec);
  if (ec || !said.is_object()) return BadLink("not_a_jwt");
  std::optional<std::string> issuer = StringClaim(said.get_object(), "iss");
  if (!issuer) return BadLink("no_issuer");
  TimePoint now = clock_.Now();
  return store::Transact<Verified>(database_, store::Access::kRead,
                                   [&](store::Tx& tx) -> Result<Verified> {
    MK_ASSIGN_OR_RETURN(auto key, tx.launch_keys().FindByKeyId(*issuer));
    if (!key || key->revoked_at) return BadLink("unknown_key");
    Result<std::string> verified = auth::VerifyWithPublicKey(token, key->public_key);
    if (!verified.ok()) return BadLink("signature");
    json::value parsed = json::parse(*verified, ec);
    if (ec || !parsed.is_object()) return BadLink("claims");
    const json::object& claims = parsed.get_object();
    if (!HasAudience(claims, launch_url)) return BadLink("audience");
    std::optional<int64_t> expires = NumberClaim(claims, "exp");
    int64_t now_s = ToUnixMillis(now) / 1000;
    int64_t longest = std::chrono::duration_cast<std::chrono::seconds>(kMaxLaunchLifetime).count();
    if (!expires || *expires <= now_s) return BadLink("expired");
    if (*expires > now_s + longest) return BadLink("too_long");
    std::optional<std::string> token_id = StringClaim(claims, "jti");
    if (!token_id || token_id->empty() || token_id->size() > 200) return BadLink("no_jti");
    // A used link is refused at once, before anyone types a code for it.
    MK_ASSIGN_OR_RETURN(bool used,
                        tx.api_clients().IsTokenIdUsed("launch:" + key->key_id + ":" + *token_id, now));
    if (used) return BadLink("replayed");
    std::optional<std::string> agb = StringClaim(claims, "agb");
    if (!agb) return BadLink("no_agb");
    MK_ASSIGN_OR_RETURN(auto user, tx.directory().FindUserByAgb(*agb));
    if (!user || !user->active) return BadLink("unknown_gp");
    MK_ASSIGN_OR_RETURN(std::vector<domain::Membership> memberships,
                        tx.directory().Memberships(user->id));
    const domain::Membership* in_practice = nullptr;
    for (const domain::Membership& m : memberships) {
      if (m.organisation_id == key->organisation_id && m.role == Role::kGp) in_practice = &m;
    }
    if (in_practice == nullptr) return BadLink("not_this_practice");
    Verified out;
    out.preview.user_id = user->id;
    out.preview.display_name = user->display_name;
    out.preview.practice_id = key->organisation_id;
    out.preview.practice_name = in_practice->organisation_name;
    out.preview.consult.content = ContentOf(claims);
    out.preview.consult.practice_id = key->organisation_id;
    out.preview.consult.send = false;
    out.token_id = "launch:" + key->key_id + ":" + *token_id;
    out.expires_at = FromUnixMillis(*expires * 1000);
    return out;
  });
}

Result<LaunchPreview> LaunchService::Preview(std::string_view token, std::string_view origin) {
  MK_ASSIGN_OR_RETURN(Verified verified, Verify(token, origin));
  return verified.preview;
}

Result<Launched> LaunchService::Launch(std::string_view token, std::string_view otp,
                                       std::string_view origin, std::string_view user_agent,
                                       const RequestContext& context) {
  MK_ASSIGN_OR_RETURN(Verified verified, Verify(token, origin));
  MK_ASSIGN_OR_RETURN(LoginResult login,
                      logins_.LoginVouched(verified.preview.user_id, otp, user_agent, context));
  if (login.principal.login.second_factor_required) {
    // Without a second factor the login reaches nothing; the link stays for after the set-up.
    MK_RETURN_IF_ERROR(logins_.Logout(login.token));
    return MakeError(ErrorCode::kForbidden,
                     "Stel eerst uw tweede factor in: log één keer gewoon in bij meekijk.",
                     "Set up your second factor first: log in to meekijk the usual way once.");
  }
  // Used up only now, after the code: a mistyped code leaves the link for a second try, and of two
  // tabs racing with one link only one gets in.
  MK_ASSIGN_OR_RETURN(bool first_use,
                      store::Transact<bool>(database_, store::Access::kWrite,
                                            [&](store::Tx& tx) -> Result<bool> {
                        MK_RETURN_IF_ERROR(tx.api_clients().ForgetExpiredTokenIds(clock_.Now()));
                        return tx.api_clients().UseTokenId(verified.token_id, verified.expires_at);
                      }));
  if (!first_use) {
    MK_RETURN_IF_ERROR(logins_.Logout(login.token));
    return BadLink("replayed");
  }
  Principal principal = login.principal;
  principal.request = context;
  Result<domain::Consult> draft = consults_.Create(principal, verified.preview.consult);
  if (!draft.ok()) {
    MK_RETURN_IF_ERROR(logins_.Logout(login.token));
    return draft.error();
  }
  log::Info("launch", {{"user_id", verified.preview.user_id},
                       {"consult_id", draft->id},
                       {"request_id", context.request_id}});
  return Launched{std::move(login), draft->id};
}

}  // namespace meekijk::service
