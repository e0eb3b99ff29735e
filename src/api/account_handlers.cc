// User management by coordinators and administrators: GET /api/v1/users, POST
// /api/v1/users/{id}/password-reset (a one-time link), and POST /api/v1/password-reset, with which
// the user, not logged in, chooses a new password through that link.
#include <boost/json/array.hpp>

#include "api/api.h"
#include "api/authenticate.h"
#include "api/json_body.h"
#include "api/responses.h"
#include "domain/enum_names.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

// The web app's page; the token goes after '#', so that it reaches no server log or Referer.
constexpr std::string_view kResetPage = "/wachtwoord-herstellen#";

json::object ManagedUserJson(const service::ManagedUser& managed) {
  json::array memberships;
  for (const domain::Membership& m : managed.memberships) {
    memberships.push_back(json::object{{"organisation_id", m.organisation_id},
                                       {"organisation_name", m.organisation_name},
                                       {"role", domain::Name(m.role)}});
  }
  return json::object{{"id", managed.user.id},
                      {"username", managed.user.username},
                      {"display_name", managed.user.display_name},
                      {"email", managed.user.email},
                      {"agb", managed.user.agb ? json::value(*managed.user.agb) : json::value(nullptr)},
                      {"active", managed.user.active},
                      {"second_factor", managed.second_factor},
                      {"memberships", std::move(memberships)}};
}

http::Response ListUsers(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<std::vector<service::ManagedUser>> users = services.accounts.ManagedUsers(principal);
    if (!users.ok()) return ErrorResponse(request, users.error());
    json::array items;
    for (const service::ManagedUser& user : *users) items.push_back(ManagedUserJson(user));
    return JsonResponse(200, json::object{{"items", std::move(items)}});
  });
}

http::Response IssueReset(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<std::optional<bool>> second_factor =
        OptionalBool(*body, {"password_reset_options", "second_factor"});
    if (!second_factor.ok()) return ErrorResponse(request, second_factor.error());
    Result<std::optional<bool>> identity_checked =
        OptionalBool(*body, {"password_reset_options", "identity_checked"});
    if (!identity_checked.ok()) return ErrorResponse(request, identity_checked.error());
    Result<service::PasswordResetLink> link = services.accounts.IssuePasswordReset(
        principal, *id, {second_factor->value_or(false), identity_checked->value_or(false)});
    if (!link.ok()) return ErrorResponse(request, link.error());
    return JsonResponse(201, json::object{{"token", link->token},
                                          {"path", std::string(kResetPage) + link->token},
                                          {"expires_at", FormatIso8601(link->expires_at)},
                                          {"second_factor", link->second_factor}});
  });
}

Result<service::NewPerson> NewPersonFromJson(const json::object& body) {
  constexpr std::string_view kForm = "invitation";
  MK_RETURN_IF_ERROR(CheckRequiredAnswers(kForm, body));
  service::NewPerson person;
  MK_ASSIGN_OR_RETURN(person.username, RequiredString(body, {kForm, "username"}));
  MK_ASSIGN_OR_RETURN(person.display_name, RequiredString(body, {kForm, "display_name"}));
  MK_ASSIGN_OR_RETURN(std::optional<std::string> email, OptionalString(body, {kForm, "email"}));
  person.email = email.value_or("");
  MK_ASSIGN_OR_RETURN(person.agb, OptionalString(body, {kForm, "agb"}));
  MK_ASSIGN_OR_RETURN(auto memberships, OptionalObjectList(body, {kForm, "memberships"}, 20));
  for (const json::object* membership : memberships.value_or(std::vector<const json::object*>())) {
    MK_ASSIGN_OR_RETURN(int64_t organisation,
                        RequiredInt(*membership, {"membership", "organisation_id"}));
    MK_ASSIGN_OR_RETURN(domain::Role role,
                        RequiredEnum<domain::Role>(*membership, {"membership", "role"}));
    person.memberships.emplace_back(organisation, role);
  }
  return person;
}

http::Response Invite(Services& services, http::Request& request) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    if (Result<void> manager = service::AccountService::RequireManager(principal); !manager.ok()) {
      return ErrorResponse(request, manager.error());
    }
    Result<json::object> body = ParseObject(request.body);
    if (!body.ok()) return ErrorResponse(request, body.error());
    Result<service::NewPerson> person = NewPersonFromJson(*body);
    if (!person.ok()) return ErrorResponse(request, person.error());
    Result<service::Invitation> invitation = services.accounts.Invite(principal, *person);
    if (!invitation.ok()) return ErrorResponse(request, invitation.error());
    return JsonResponse(201, json::object{{"id", invitation->user_id},
                                          {"token", invitation->link.token},
                                          {"path", std::string(kResetPage) + invitation->link.token},
                                          {"expires_at", FormatIso8601(invitation->link.expires_at)}});
  });
}

http::Response SetActive(Services& services, http::Request& request, bool active) {
  return WithPrincipal(services, request, [&](const service::Principal& principal) {
    Result<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(request, id.error());
    Result<service::ManagedUser> user = services.accounts.SetActive(principal, *id, active);
    if (!user.ok()) return ErrorResponse(request, user.error());
    return JsonResponse(200, ManagedUserJson(*user));
  });
}

http::Response ResetPassword(Services& services, http::Request& request) {
  Result<json::object> body = ParseObject(request.body);
  if (!body.ok()) return ErrorResponse(request, body.error());
  Result<std::string> token = RequiredString(*body, {"password_reset", "token"});
  if (!token.ok()) return ErrorResponse(request, token.error());
  Result<std::string> password = RequiredString(*body, {"password_reset", "password"});
  if (!password.ok()) return ErrorResponse(request, password.error());
  Result<void> done = services.accounts.ResetPassword(
      *token, *password, {request.client_address, request.request_id});
  if (!done.ok()) return ErrorResponse(request, done.error());
  http::Response response;
  response.status = 204;
  return response;
}

}  // namespace

void AddAccountRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/api/v1/users", [&](http::Request& r) { return ListUsers(services, r); });
  router.Add("POST", "/api/v1/users", [&](http::Request& r) { return Invite(services, r); });
  router.Add("POST", "/api/v1/users/{id}/deactivate",
             [&](http::Request& r) { return SetActive(services, r, false); });
  router.Add("POST", "/api/v1/users/{id}/reactivate",
             [&](http::Request& r) { return SetActive(services, r, true); });
  router.Add("POST", "/api/v1/users/{id}/password-reset",
             [&](http::Request& r) { return IssueReset(services, r); });
  router.Add("POST", "/api/v1/password-reset",
             [&](http::Request& r) { return ResetPassword(services, r); });
}

}  // namespace meekijk::api
