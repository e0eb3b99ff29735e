// Registering API clients, trading their signed assertions for access tokens, and turning an
// access token back into the caller.
#include "service/api_client_service.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "auth/jwt.h"
#include "auth/token.h"
#include "core/log.h"
#include "domain/api_scope.h"
#include "service/client_principal.h"
#include "service/jwt_claims.h"
#include "store/api_clients.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

namespace json = boost::json;
using domain::Role;

constexpr std::string_view kIssuer = "meekijk";
constexpr std::string_view kAudience = "meekijk-fhir";
constexpr size_t kMaxTokenIdLength = 200;

Error OAuthError(std::string_view code, std::string nl, std::string en) {
  Error error = MakeError(code == "invalid_client" ? ErrorCode::kUnauthenticated
                                                   : ErrorCode::kInvalidArgument,
                          std::move(nl), std::move(en));
  error.reason = std::string(code);
  return error;
}

Error BadAccessToken() {
  return MakeError(ErrorCode::kUnauthenticated,
                   "Het toegangstoken is ongeldig, verlopen of ingetrokken.",
                   "The access token is invalid, expired or revoked.", "token");
}

Result<void> RequireAdministrator(const Principal& principal) {
  if (principal.HasRole(Role::kAdmin)) return Ok();
  return MakeError(ErrorCode::kForbidden,
                   "Alleen een beheerder registreert en trekt API-clients in.",
                   "Only an administrator registers and revokes API clients.");
}




Result<json::object> ParseClaims(std::string_view text) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec || !value.is_object()) {
    return MakeError(ErrorCode::kUnauthenticated, "Het token is geen JWT.", "The token is not a JWT.");
  }
  return std::move(value.as_object());
}

std::vector<std::string> SplitScopes(std::string_view text) {
  Result<std::vector<std::string>> scopes = domain::ParseScopes(text);
  return scopes.ok() ? *scopes : std::vector<std::string>{};
}

Result<ApiClient> ViewOf(store::Tx& tx, const store::ApiClientRecord& record) {
  ApiClient client{record.id, record.client_id, record.name, record.organisation_id, "",
                   record.user_id, "", SplitScopes(record.scopes), record.public_key,
                   record.created_at, record.revoked_at, {}};
  MK_ASSIGN_OR_RETURN(auto organisation, tx.directory().FindOrganisation(record.organisation_id));
  if (organisation) client.organisation_name = organisation->name;
  MK_ASSIGN_OR_RETURN(auto user, tx.directory().FindUser(record.user_id));
  if (user) client.username = user->username;
  MK_ASSIGN_OR_RETURN(client.subscriptions, SubscriptionsOfClient(tx, record.id));
  return client;
}

// What the client presents: checked against everything the assertion must say (RFC 7523 §3).
Result<store::ApiClientRecord> VerifiedAssertionClient(store::Tx& tx, const TokenRequest& request,
                                                        TimePoint now) {
  if (request.client_assertion_type != kJwtBearerAssertion || request.client_assertion.empty()) {
    return OAuthError("invalid_client",
                      "Deze server kent clients alleen aan een ondertekende bewering "
                      "(private_key_jwt).",
                      "This server knows clients only by a signed assertion (private_key_jwt).");
  }
  auto unknown = [] {
    return OAuthError("invalid_client", "De client of zijn handtekening is onbekend.",
                      "The client or its signature is unknown.");
  };
  Result<std::string> unverified = auth::UnverifiedClaims(request.client_assertion);
  if (!unverified.ok()) return unknown();
  Result<json::object> said = ParseClaims(*unverified);
  if (!said.ok()) return unknown();
  std::optional<std::string> issuer = StringClaim(*said, "iss");
  if (!issuer) return unknown();
  MK_ASSIGN_OR_RETURN(std::optional<store::ApiClientRecord> client,
                      tx.api_clients().FindByClientId(*issuer));
  if (!client || client->revoked_at) return unknown();
  Result<std::string> verified = auth::VerifyWithPublicKey(request.client_assertion,
                                                           client->public_key);
  if (!verified.ok()) return unknown();
  MK_ASSIGN_OR_RETURN(json::object claims, ParseClaims(*verified));
  if (StringClaim(claims, "sub") != client->client_id) {
    return OAuthError("invalid_client", "De bewering moet iss en sub gelijk hebben: de client zelf.",
                      "The assertion's iss and sub must both be the client itself.");
  }
  if (!HasAudience(claims, request.token_url)) {
    return OAuthError("invalid_client",
                      "De bewering is niet voor dit token-adres (aud moet " + request.token_url +
                          " zijn).",
                      "The assertion is not for this token endpoint (aud must be " +
                          request.token_url + ").");
  }
  std::optional<int64_t> expires = NumberClaim(claims, "exp");
  int64_t now_s = ToUnixMillis(now) / 1000;
  int64_t longest = std::chrono::duration_cast<std::chrono::seconds>(kMaxAssertionLifetime).count();
  if (!expires || *expires <= now_s) {
    return OAuthError("invalid_client", "De bewering is verlopen.", "The assertion has expired.");
  }
  if (*expires > now_s + longest) {
    return OAuthError("invalid_client", "De bewering is te lang geldig (ten hoogste 5 minuten).",
                      "The assertion is valid for too long (at most 5 minutes).");
  }
  std::optional<std::string> token_id = StringClaim(claims, "jti");
  if (!token_id || token_id->empty() || token_id->size() > kMaxTokenIdLength) {
    return OAuthError("invalid_client", "De bewering mist een jti.", "The assertion lacks a jti.");
  }
  MK_ASSIGN_OR_RETURN(bool first_use,
                      tx.api_clients().UseTokenId("assertion:" + client->client_id + ":" + *token_id,
                                                  FromUnixMillis(*expires * 1000)));
  if (!first_use) {
    return OAuthError("invalid_client", "Deze bewering is al eens gebruikt.",
                      "This assertion has been used before.");
  }
  return *client;
}

}  // namespace

bool ApiClientService::IsAccessToken(std::string_view token) {
  return std::count(token.begin(), token.end(), '.') == 2;
}

Result<std::string> ApiClientService::SigningSecret() const {
  const FieldCipher* cipher = database_.cipher();
  if (cipher == nullptr) {
    return MakeError(ErrorCode::kUnavailable,
                     "Deze server heeft geen sleutels en geeft daarom geen toegangstokens uit.",
                     "This server has no keys and so issues no access tokens.");
  }
  // A keyed hash of a fixed label under the installation's own key: every node derives the same
  // secret, nothing outside the key file can, and rotating the keys ends every token.
  return cipher->BlindIndex("meekijk access token signing key, version 1");
}

Result<ApiClient> ApiClientService::Register(const Principal& principal,
                                             const NewApiClient& client) {
  MK_RETURN_IF_ERROR(RequireAdministrator(principal));
  std::string name = client.name;
  if (name.empty() || name.size() > 200) {
    return MakeError(ErrorCode::kInvalidArgument, "Geef de client een naam (ten hoogste 200 tekens).",
                     "Give the client a name (at most 200 characters).", "name");
  }
  MK_ASSIGN_OR_RETURN(std::vector<std::string> scopes, domain::ParseScopes(client.scopes));
  if (client.public_key.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Plak de publieke sleutel (PEM) van het systeem.",
                     "Paste the system's public key (PEM).", "public_key");
  }
  MK_RETURN_IF_ERROR(auth::CheckPublicKey(client.public_key));
  TimePoint now = clock_.Now();
  return store::Transact<ApiClient>(database_, store::Access::kWrite,
                                    [&](store::Tx& tx) -> Result<ApiClient> {
    MK_ASSIGN_OR_RETURN(auto organisation, tx.directory().FindOrganisation(client.organisation_id));
    if (!organisation) {
      return MakeError(ErrorCode::kInvalidArgument, "Deze organisatie bestaat niet.",
                       "This organisation does not exist.", "organisation_id");
    }
    MK_ASSIGN_OR_RETURN(auto user, tx.directory().FindUser(client.user_id));
    MK_ASSIGN_OR_RETURN(std::vector<domain::Membership> memberships,
                        tx.directory().Memberships(client.user_id));
    bool member = std::any_of(memberships.begin(), memberships.end(), [&](const auto& m) {
      return m.organisation_id == client.organisation_id;
    });
    if (!user || !user->active || !member) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Een client handelt namens een actief lid van zijn organisatie.",
                       "A client acts for an active member of its organisation.", "user_id");
    }
    store::ApiClientRecord record{0, "mk-" + auth::RandomHex(12), name, client.organisation_id,
                                  client.user_id, domain::JoinScopes(scopes), client.public_key,
                                  principal.user.id, now, std::nullopt};
    MK_ASSIGN_OR_RETURN(record.id, tx.api_clients().Insert(record));
    log::Info("api_client_registered", {{"client_id", record.client_id},
                                        {"organisation_id", record.organisation_id},
                                        {"by", principal.user.username}});
    return ViewOf(tx, record);
  });
}

Result<std::vector<ApiClient>> ApiClientService::List(const Principal& principal) {
  MK_RETURN_IF_ERROR(RequireAdministrator(principal));
  return store::Transact<std::vector<ApiClient>>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<std::vector<ApiClient>> {
        MK_ASSIGN_OR_RETURN(auto records, tx.api_clients().List({}));
        std::vector<ApiClient> clients;
        for (const store::ApiClientRecord& record : records) {
          MK_ASSIGN_OR_RETURN(ApiClient client, ViewOf(tx, record));
          clients.push_back(std::move(client));
        }
        return clients;
      });
}

Result<ApiClient> ApiClientService::Revoke(const Principal& principal, int64_t id) {
  MK_RETURN_IF_ERROR(RequireAdministrator(principal));
  TimePoint now = clock_.Now();
  return store::Transact<ApiClient>(database_, store::Access::kWrite,
                                    [&](store::Tx& tx) -> Result<ApiClient> {
    MK_ASSIGN_OR_RETURN(auto record, tx.api_clients().Find(id));
    if (!record) {
      return MakeError(ErrorCode::kNotFound, "Deze client bestaat niet.",
                       "This client does not exist.");
    }
    MK_ASSIGN_OR_RETURN(bool revoked, tx.api_clients().Revoke(id, now));
    if (!revoked) {
      return MakeError(ErrorCode::kConflict, "Deze client is al ingetrokken.",
                       "This client has been revoked already.");
    }
    record->revoked_at = now;
    log::Info("api_client_revoked",
              {{"client_id", record->client_id}, {"by", principal.user.username}});
    return ViewOf(tx, *record);
  });
}

Result<IssuedToken> ApiClientService::IssueToken(const TokenRequest& request,
                                                 const RequestContext& context) {
  if (request.grant_type != "client_credentials") {
    return OAuthError("unsupported_grant_type",
                      "Deze server geeft tokens alleen voor grant_type=client_credentials.",
                      "This server issues tokens only for grant_type=client_credentials.");
  }
  MK_ASSIGN_OR_RETURN(std::string secret, SigningSecret());
  TimePoint now = clock_.Now();
  Result<IssuedToken> issued = store::Transact<IssuedToken>(
      database_, store::Access::kWrite, [&](store::Tx& tx) -> Result<IssuedToken> {
        MK_ASSIGN_OR_RETURN(store::ApiClientRecord client,
                            VerifiedAssertionClient(tx, request, now));
        MK_ASSIGN_OR_RETURN(std::vector<std::string> scopes,
                            domain::NarrowScopes(SplitScopes(client.scopes), request.scope));
        // Now and then, rather than in a job of its own: ids whose tokens expired are refused
        // for their age anyway.
        MK_RETURN_IF_ERROR(tx.api_clients().ForgetExpiredTokenIds(now));
        int64_t now_s = ToUnixMillis(now) / 1000;
        json::object claims{
            {"iss", kIssuer},
            {"aud", kAudience},
            {"sub", client.client_id},
            {"scope", domain::JoinScopes(scopes)},
            {"iat", now_s},
            {"exp", now_s + std::chrono::duration_cast<std::chrono::seconds>(kAccessTokenLifetime)
                                .count()},
            {"jti", auth::RandomHex(16)}};
        return IssuedToken{auth::SignHs256(json::serialize(claims), secret),
                           std::chrono::duration_cast<std::chrono::seconds>(kAccessTokenLifetime),
                           domain::JoinScopes(scopes), client.client_id};
      });
  if (issued.ok()) {
    log::Info("api_token_issued", {{"client_id", issued->client_id},
                                   {"scope", issued->scope},
                                   {"client", context.client_address},
                                   {"request_id", context.request_id}});
  } else {
    log::Warn("api_token_refused", {{"reason", issued.error().reason},
                                    {"client", context.client_address},
                                    {"request_id", context.request_id}});
  }
  return issued;
}

Result<Principal> ApiClientService::Authenticate(std::string_view access_token,
                                                 const RequestContext& context) {
  MK_ASSIGN_OR_RETURN(std::string secret, SigningSecret());
  Result<std::string> verified = auth::VerifyHs256(access_token, secret);
  if (!verified.ok()) return BadAccessToken();
  Result<json::object> claims = ParseClaims(*verified);
  if (!claims.ok() || StringClaim(*claims, "iss") != kIssuer || !HasAudience(*claims, kAudience)) {
    return BadAccessToken();
  }
  std::optional<int64_t> expires = NumberClaim(*claims, "exp");
  if (!expires || *expires <= ToUnixMillis(clock_.Now()) / 1000) return BadAccessToken();
  std::optional<std::string> client_id = StringClaim(*claims, "sub");
  std::vector<std::string> scopes = SplitScopes(StringClaim(*claims, "scope").value_or(""));
  if (!client_id || scopes.empty()) return BadAccessToken();
  return store::Transact<Principal>(database_, store::Access::kRead,
                                    [&](store::Tx& tx) -> Result<Principal> {
    // Looked up on every call, so that revoking a client ends its tokens at once.
    MK_ASSIGN_OR_RETURN(auto client, tx.api_clients().FindByClientId(*client_id));
    if (!client) return BadAccessToken();
    Result<Principal> principal =
        ClientPrincipal(tx, client->id, std::move(scopes), clock_.Now(), context);
    if (!principal.ok() && principal.error().code == ErrorCode::kUnauthenticated) {
      return BadAccessToken();
    }
    return principal;
  });
}

}  // namespace meekijk::service
