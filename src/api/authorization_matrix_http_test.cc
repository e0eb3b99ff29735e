// The authorization matrix: every route the router serves × every role × a consult of the
// caller's own organisation and one of another → the expected outcome. The routes come from the
// router itself, so a new route without a row here fails the test. Each consult route gets a
// freshly sent consult per cell, so that no cell depends on what another did.
#include <map>

#include "api/api_test_fixture.h"
#include "testing/sample_files.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

// A = allowed (2xx, or 409/422: authorized, and refused for the state or the input only),
// N = 404 (not there for this caller), F = 403, U = 401, P = public: anything but a 5xx (the
// login itself, /healthz).
constexpr std::string_view kAllowedStatuses = "200 201 204 409 422";

char Outcome(int status, char expected) {
  if (expected == 'P') return status < 500 ? 'P' : '?';
  if (status == 401) return 'U';
  if (status == 403) return 'F';
  if (status == 404) return 'N';
  if (kAllowedStatuses.find(std::to_string(status)) != std::string_view::npos) return 'A';
  return '?';
}

// The callers, one per role, all from the demo region; their own organisation's consult is sent
// by Kralingen to dermatology at Maasstad (specialist.smit's pool), the other's by Schiedam-Noord
// (another care group) to ENT at Ikazia.
struct Caller {
  const char* role;
  const char* username;  // empty: no login
};
constexpr Caller kCallers[] = {
    {"gp", "huisarts.devries"},          {"assistant", "assistent.visser"},
    {"specialist", "specialist.smit"},   {"coordinator", "coordinator.zorggroep"},
    {"analyst", "analist.zilverenkruis"}, {"privacy_officer", "privacy.kralingen"},
    {"admin", "admin"},                  {"anonymous", ""},
};

// Per route: the outcomes per caller in the order above, for the own and the other consult
// (routes without a consult have one string for both).
struct Expected {
  std::string own;
  std::string other;
};

// clang-format off
const std::map<std::string, Expected> kMatrix = {
    //                                          gp asst spec coord anal priv admin anon
    {"POST /api/v1/session",                     {"PPPPPPPP", "PPPPPPPP"}},
    // The second call finds its own session ended by the first.
    {"DELETE /api/v1/session",                   {"AAAAAAAU", "UUUUUUUU"}},
    {"GET /api/v1/me",                           {"AAAAAAAU", "AAAAAAAU"}},
    {"POST /api/v1/me/otp",                      {"AAAAAAAU", "AAAAAAAU"}},
    {"POST /api/v1/me/otp/confirm",              {"AAAAAAAU", "AAAAAAAU"}},
    // With a wrong password: a 401 for everyone, logged in or not.
    {"POST /api/v1/me/reauthenticate",           {"UUUUUUUU", "UUUUUUUU"}},
    {"GET /api/v1/me/sessions",                  {"AAAAAAAU", "AAAAAAAU"}},
    {"DELETE /api/v1/me/sessions",               {"AAAAAAAU", "AAAAAAAU"}},
    {"DELETE /api/v1/me/sessions/{id}",          {"NNNNNNNU", "NNNNNNNU"}},
    {"GET /api/v1/specialties",                  {"AAAAAAAU", "AAAAAAAU"}},
    {"GET /api/v1/icpc",                         {"AAAAAAAU", "AAAAAAAU"}},
    {"GET /api/v1/changes",                      {"AAAAAAAU", "AAAAAAAU"}},
    // The default box is the outbox, which only a practice has (a pool asks for ?box=pool).
    {"GET /api/v1/consults",                     {"AAFFFFFU", "AAFFFFFU"}},
    {"POST /api/v1/consults",                    {"AAFFFFFU", "AAFFFFFU"}},
    {"GET /api/v1/consults/{id}",                {"AAANNNNU", "NNNNNNNU"}},
    {"PUT /api/v1/consults/{id}",                {"AAFNNNNU", "NNNNNNNU"}},
    // Only a GP sends, cancels, asks and closes; an assistant prepares.
    {"POST /api/v1/consults/{id}/send",          {"AFFNNNNU", "NNNNNNNU"}},
    {"POST /api/v1/consults/{id}/claim",         {"FFANNNNU", "NNNNNNNU"}},
    {"POST /api/v1/consults/{id}/cancel",        {"AFFNNNNU", "NNNNNNNU"}},
    {"POST /api/v1/consults/{id}/decline",       {"FFANNNNU", "NNNNNNNU"}},
    {"POST /api/v1/consults/{id}/forward",       {"FFANNNNU", "NNNNNNNU"}},
    // Only the pool's own coordinators (Maasstad's, not the care group's) assign.
    {"POST /api/v1/consults/{id}/assign",        {"FFFNNNNU", "NNNNNNNU"}},
    // A question (the GP's kind of message).
    {"POST /api/v1/consults/{id}/messages",      {"AFFNNNNU", "NNNNNNNU"}},
    {"POST /api/v1/consults/{id}/advice",        {"FFANNNNU", "NNNNNNNU"}},
    {"POST /api/v1/consults/{id}/close",         {"AFFNNNNU", "NNNNNNNU"}},
    {"POST /api/v1/consults/{id}/attachments",   {"AAANNNNU", "NNNNNNNU"}},
    {"GET /api/v1/attachments/{id}",             {"AAANNNNU", "NNNNNNNU"}},
    {"GET /api/v1/access-log",                   {"FFFFFAFU", "FFFFFAFU"}},
    {"GET /api/v1/access-log/export",            {"FFFFFAFU", "FFFFFAFU"}},
    // Without a BSN or consult: a 422 for the privacy officer (subject_access_http_test.cc has
    // the rest).
    {"POST /api/v1/subject-access",              {"FFFFFAFU", "FFFFFAFU"}},
    // A weak new password: a 422 on the field, for every logged-in caller (a wrong current one
    // would count towards the address's throttle, which all callers here share).
    {"POST /api/v1/me/password",                 {"AAAAAAAU", "AAAAAAAU"}},
    {"GET /api/v1/users",                        {"FFFAFFAU", "FFFAFFAU"}},
    // Own: a GP of a practice in the coordinator's care group; other: one of another care group.
    {"POST /api/v1/users/{id}/password-reset",   {"FFFAFFAU", "FFFNFFAU"}},
    // An empty invitation: a 422 for those who may invite (account_http_test.cc has the rest).
    {"POST /api/v1/users",                       {"FFFAFFAU", "FFFAFFAU"}},
    // On other GPs than the ones who make the consults: huisarts.bakker (own) and
    // huisarts.elamrani (other); reactivated in the next row.
    {"POST /api/v1/users/{id}/deactivate",       {"FFFAFFAU", "FFFNFFAU"}},
    {"POST /api/v1/users/{id}/reactivate",       {"FFFAFFAU", "FFFNFFAU"}},
    // An unknown link: a 404 for everyone, logged in or not.
    {"POST /api/v1/password-reset",              {"NNNNNNNN", "NNNNNNNN"}},
    // The region's infrastructure: coordinators and administrators only. Own: Zorggroep Rijnmond
    // Zuid's template or agreement; other: HON's, which coordinator.zorggroep cannot see. An
    // empty body is a 422 for those who may, and a change without changes a new version.
    {"GET /api/v1/organisations",                {"FFFAFFAU", "FFFAFFAU"}},
    {"GET /api/v1/pools",                        {"FFFAFFAU", "FFFAFFAU"}},
    {"POST /api/v1/pools",                       {"FFFAFFAU", "FFFAFFAU"}},
    // Pools of Maasstad and Ikazia: in the coordinator's region, kept by those hospitals.
    {"PATCH /api/v1/pools/{id}",                 {"FFFFFFAU", "FFFFFFAU"}},
    {"GET /api/v1/templates",                    {"FFFAFFAU", "FFFAFFAU"}},
    {"POST /api/v1/templates",                   {"FFFAFFAU", "FFFAFFAU"}},
    {"GET /api/v1/templates/{id}",               {"FFFAFFAU", "FFFNFFAU"}},
    {"PATCH /api/v1/templates/{id}",             {"FFFAFFAU", "FFFNFFAU"}},
    {"GET /api/v1/agreements",                   {"FFFAFFAU", "FFFAFFAU"}},
    {"POST /api/v1/agreements",                  {"FFFAFFAU", "FFFAFFAU"}},
    {"GET /api/v1/agreements/{id}",              {"FFFAFFAU", "FFFNFFAU"}},
    {"PATCH /api/v1/agreements/{id}",            {"FFFAFFAU", "FFFNFFAU"}},
    // A dry run of a file without its columns: a 422 for those who may import.
    {"POST /api/v1/imports/organisations",       {"FFFAFFAU", "FFFAFFAU"}},
    {"POST /api/v1/imports/practitioners",       {"FFFAFFAU", "FFFAFFAU"}},
    // Telling people: everyone their own notifications and choices, and absences (an empty one
    // is a 422 for everyone).
    {"GET /api/v1/notifications",                {"AAAAAAAU", "AAAAAAAU"}},
    {"POST /api/v1/notifications/read",          {"AAAAAAAU", "AAAAAAAU"}},
    {"GET /api/v1/me/notification-settings",     {"AAAAAAAU", "AAAAAAAU"}},
    {"PATCH /api/v1/me/notification-settings",   {"AAAAAAAU", "AAAAAAAU"}},
    {"GET /api/v1/absences",                     {"AAAAAAAU", "AAAAAAAU"}},
    {"POST /api/v1/absences",                    {"AAAAAAAU", "AAAAAAAU"}},
    {"DELETE /api/v1/absences/{id}",             {"NNNNNNNU", "NNNNNNNU"}},
    // Own: Dermatologie Maasstad, specialist.smit's pool; other: KNO Ikazia. Members see the
    // roster; only the pool's own coordinators (not the care group's) and administrators set it.
    {"GET /api/v1/pools/{id}/roster",            {"NNANNNAU", "NNNNNNAU"}},
    {"PUT /api/v1/pools/{id}/roster",            {"NNFNNNAU", "NNNNNNAU"}},
    // Coordinators see the mails to their own people; own: one to specialist.smit (Maasstad's,
    // not the care group's), other: one to specialist.meijer (Ikazia).
    {"GET /api/v1/outbox",                       {"FFFAFFAU", "FFFAFFAU"}},
    {"POST /api/v1/outbox/{id}/retry",           {"FFFNFFAU", "FFFNFFAU"}},
    // The meekijkspreekuur. Own: the demo's session at Kralingen (the GP's, the assistant's and the
    // care group's practices; specialist.smit holds it); other: a session that does not exist.
    // Planning and moving are the coordinators' (an empty body is a 422 for them); the first
    // coordinator cancels, the administrator then finds it cancelled (409).
    {"GET /api/v1/clinic-sessions",              {"AAAAAAAU", "AAAAAAAU"}},
    {"POST /api/v1/clinic-sessions",             {"FFFAFFAU", "FFFAFFAU"}},
    {"GET /api/v1/clinic-sessions/{id}",         {"AAAANNAU", "NNNNNNNU"}},
    {"PATCH /api/v1/clinic-sessions/{id}",       {"FFFAFFAU", "FFFAFFAU"}},
    {"POST /api/v1/clinic-sessions/{id}/cancel", {"FFFAFFAU", "FFFNFFNU"}},
    // The day list and attendance are the session's specialist's (attendance before the day: 409).
    {"GET /api/v1/clinic-sessions/{id}/day-list", {"FFAFNNFU", "NNNNNNNU"}},
    {"PUT /api/v1/clinic-slots/{id}/attendance", {"FFAFNNFU", "NNNNNNNU"}},
    // Booking is the practice's: a digital consult without that advice is a 409.
    {"GET /api/v1/consults/{id}/booking-options", {"AAFNNNNU", "NNNNNNNU"}},
    {"PUT /api/v1/consults/{id}/booking",        {"AAFNNNNU", "NNNNNNNU"}},
    {"DELETE /api/v1/consults/{id}/booking",     {"AAFNNNNU", "NNNNNNNU"}},
    {"GET /api/v1/me/calendar-feed",             {"AAAAAAAU", "AAAAAAAU"}},
    {"POST /api/v1/me/calendar-feed",            {"AAAAAAAU", "AAAAAAAU"}},
    {"DELETE /api/v1/me/calendar-feed",          {"AAAAAAAU", "AAAAAAAU"}},
    // A feed by its secret, without a login: an unknown secret is a 404 for everyone.
    {"GET /api/v1/calendar/{token}",             {"PPPPPPPP", "PPPPPPPP"}},
    // Results and money. Figures for everyone with an organisation (without a period: a 422);
    // referral costs for administrators and region offices; statements and the insurer's export
    // for coordinators (without a month: a 422; a statement that does not exist: a 404).
    {"GET /api/v1/reports/triple-aim",           {"AAAAAAAU", "AAAAAAAU"}},
    {"PATCH /api/v1/specialties/{code}",         {"FFFFFFAU", "FFFFFFAU"}},
    {"GET /api/v1/fee-statements",               {"FFFAFFAU", "FFFAFFAU"}},
    {"GET /api/v1/fee-statements/{organisation}/{month}",         {"FFFNFFNU", "FFFNFFNU"}},
    {"POST /api/v1/fee-statements/{organisation}/{month}/approve", {"FFFNFFNU", "FFFNFFNU"}},
    {"GET /api/v1/insurer-exports/{insurer}",    {"FFFAFFAU", "FFFAFFAU"}},
    // The practice hands out the leaflet; only its GP corrects an outcome (of a sent consult: 409).
    {"POST /api/v1/consults/{id}/leaflet",       {"AAFNNNNU", "NNNNNNNU"}},
    {"GET /api/v1/consults/{id}/record-copy",    {"AAFNNNNU", "NNNNNNNU"}},
    // The referral is the practice's: without the advice "refer" a 409 (the draft's), and only a
    // GP sends it.
    {"GET /api/v1/consults/{id}/referral",       {"AAFNNNNU", "NNNNNNNU"}},
    {"POST /api/v1/consults/{id}/referral",      {"AFFNNNNU", "NNNNNNNU"}},
    {"POST /api/v1/consults/{id}/outcome",       {"AFFNNNNU", "NNNNNNNU"}},
    // The patient's survey, without a login: an unknown code is a 404 (and, guessed often, a 429).
    {"GET /api/v1/surveys/{code}",               {"PPPPPPPP", "PPPPPPPP"}},
    {"POST /api/v1/surveys/{code}",              {"PPPPPPPP", "PPPPPPPP"}},
    // Systems that call the FHIR API: administrators only (a client that does not exist: 404).
    {"GET /api/v1/api-clients",                  {"FFFFFFAU", "FFFFFFAU"}},
    {"POST /api/v1/api-clients",                 {"FFFFFFAU", "FFFFFFAU"}},
    {"POST /api/v1/api-clients/{id}/revoke",     {"FFFFFFNU", "FFFFFFNU"}},
    // Launch from the HIS: an unsigned token is a 401 for everyone; the keys are the
    // coordinators' (of the practice) and administrators' (a key that does not exist: 404).
    {"POST /api/v1/launch",                      {"UUUUUUUU", "UUUUUUUU"}},
    {"GET /api/v1/launch-keys",                  {"FFFAFFAU", "FFFAFFAU"}},
    {"POST /api/v1/launch-keys",                 {"FFFAFFAU", "FFFAFFAU"}},
    {"POST /api/v1/launch-keys/{id}/revoke",     {"FFFNFFNU", "FFFNFFNU"}},
    // FHIR with a person's login: the same use cases, so the same outcomes as the REST routes.
    // The token endpoint, its discovery and the CapabilityStatement are public; a search or a
    // change without the parameters or body it needs is a 422 for every caller.
    {"POST /fhir/R4/auth/token",                 {"PPPPPPPP", "PPPPPPPP"}},
    {"GET /fhir/R4/.well-known/smart-configuration", {"PPPPPPPP", "PPPPPPPP"}},
    {"GET /fhir/R4/metadata",                    {"PPPPPPPP", "PPPPPPPP"}},
    {"POST /fhir/R4",                            {"AAAAAAAU", "AAAAAAAU"}},
    {"GET /fhir/R4/Task",                        {"AAAFFFFU", "AAAFFFFU"}},
    {"GET /fhir/R4/Task/{id}",                   {"AAANNNNU", "NNNNNNNU"}},
    // Cancelling, which only the practice's GP does.
    {"PUT /fhir/R4/Task/{id}",                   {"AFFNNNNU", "NNNNNNNU"}},
    // The copy for the record is the practice's, once closed (409 for the sent consult here).
    {"GET /fhir/R4/Task/{id}/$record-copy",      {"AAFNNNNU", "NNNNNNNU"}},
    {"GET /fhir/R4/ServiceRequest",              {"AAAAAAAU", "AAAAAAAU"}},
    {"GET /fhir/R4/ServiceRequest/{id}",         {"AAANNNNU", "NNNNNNNU"}},
    {"GET /fhir/R4/Patient/{id}",                {"AAANNNNU", "NNNNNNNU"}},
    // The consults here have no template answers, so there is no QuestionnaireResponse for anyone
    // (fhir_http_test.cc reads one).
    {"GET /fhir/R4/QuestionnaireResponse/{id}",  {"NNNNNNNU", "NNNNNNNU"}},
    {"GET /fhir/R4/Communication",               {"AAAAAAAU", "AAAAAAAU"}},
    {"GET /fhir/R4/Communication/{id}",          {"NNNNNNNU", "NNNNNNNU"}},
    {"POST /fhir/R4/Communication",              {"AAAAAAAU", "AAAAAAAU"}},
    {"GET /fhir/R4/Binary/{id}",                 {"AAANNNNU", "NNNNNNNU"}},
    {"GET /fhir/R4/Organization/{id}",           {"NNNNNNNU", "NNNNNNNU"}},
    {"GET /fhir/R4/Practitioner/{id}",           {"NNNNNNNU", "NNNNNNNU"}},
    {"GET /fhir/R4/PractitionerRole",            {"AAAAAAAU", "AAAAAAAU"}},
    // Subscriptions are for API clients only: a person's login is refused whatever the role.
    {"GET /fhir/R4/Subscription",                {"FFFFFFFU", "FFFFFFFU"}},
    {"POST /fhir/R4/Subscription",               {"FFFFFFFU", "FFFFFFFU"}},
    {"GET /fhir/R4/Subscription/{id}",           {"FFFFFFFU", "FFFFFFFU"}},
    {"DELETE /fhir/R4/Subscription/{id}",        {"FFFFFFFU", "FFFFFFFU"}},
    {"GET /healthz",                             {"PPPPPPPP", "PPPPPPPP"}},
    {"GET /metrics",                             {"NNNNNNNN", "NNNNNNNN"}},
};
// clang-format on

class AuthorizationMatrixHttpTest : public ApiTest {
 protected:
  // A consult just sent: by Kralingen to dermatology (own) or by Schiedam-Noord to ENT (other).
  int64_t SentConsult(bool own) {
    json::object body = NewConsultBody(true);
    if (!own) {
      body["specialty"] = "kno";
      body["icpc"] = "H71";
    }
    testing::HttpResponse created = client_->Post(
        "/api/v1/consults", body, Token(own ? "huisarts.devries" : "huisarts.jansen"));
    EXPECT_EQ(created.status, 201) << created.body;
    return created.status == 201 ? created.Json().at("id").as_int64() : 0;
  }

  int64_t AttachmentOn(int64_t consult, const std::string& gp) {
    testing::HttpResponse uploaded = client_->Send(
        "POST", ConsultPath(consult, "attachments"), testing::SampleJpeg(),
        {{"Authorization", "Bearer " + Token(gp)}, {"Content-Type", "application/octet-stream"},
         {"X-Filename", "foto.jpg"}});
    EXPECT_EQ(uploaded.status, 201) << uploaded.body;
    return uploaded.status == 201 ? uploaded.Json().at("id").as_int64() : 0;
  }

  // The id of the first item of `list` (as the administrator sees it) whose `field` holds `text`.
  int64_t IdOf(const std::string& list, const std::string& text) {
    testing::HttpResponse listed = client_->Get(list, Token("admin"));
    EXPECT_EQ(listed.status, 200) << listed.body;
    if (listed.status != 200) return 0;
    json::value body = listed.Json();
    for (const json::value& item : body.at("items").as_array()) {
      if (json::serialize(item).find(text) != std::string::npos) return item.at("id").as_int64();
    }
    ADD_FAILURE() << "nothing with " << text << " in " << list;
    return 0;
  }

  // The first slot of a clinic session, as the administrator sees it.
  int64_t FirstSlotOf(int64_t session_id) {
    testing::HttpResponse session =
        client_->Get("/api/v1/clinic-sessions/" + std::to_string(session_id), Token("admin"));
    EXPECT_EQ(session.status, 200) << session.body;
    if (session.status != 200) return 0;
    return session.Json().at("slots").as_array().at(0).at("id").as_int64();
  }

  int64_t UserId(const std::string& username) {
    testing::HttpResponse me = client_->Get("/api/v1/me", Token(username));
    EXPECT_EQ(me.status, 200) << me.body;
    return me.status == 200 ? me.Json().at("id").as_int64() : 0;
  }

  static json::value BodyFor(const std::string& route, const std::string& path,
                             const ApiTest& test) {
    if (route == "PUT /fhir/R4/Task/{id}") {
      return json::object{{"resourceType", "Task"},
                          {"id", path.substr(path.rfind('/') + 1)},
                          {"status", "cancelled"}};
    }
    if (route == "POST /api/v1/session") return json::object{{"username", "niemand"}, {"password", "x"}};
    if (route == "POST /api/v1/consults" || route == "PUT /api/v1/consults/{id}") {
      return test.NewConsultBody(false);
    }
    if (route.ends_with("/decline")) return json::object{{"reason", "Past niet bij ons."}};
    if (route.ends_with("/forward")) return json::object{{"pool_id", 1}};
    if (route.ends_with("/assign")) return json::object{{"specialist_id", 1}};
    if (route.ends_with("/messages")) return json::object{{"kind", "question"}, {"body", "Vraag."}};
    if (route.ends_with("/advice")) {
      return json::object{{"recommendation", "primary_care"}, {"body", "Behandel zelf."}};
    }
    if (route.ends_with("/close")) {
      return json::object{{"outcome", "primary_care"}, {"learned", true}, {"rating", 4}};
    }
    if (route.ends_with("/referral")) {
      return json::object{{"letter", "Geachte collega, graag verwijs ik …"}, {"learned", true},
                          {"rating", 4}};
    }
    if (route.ends_with("/outcome")) {
      return json::object{{"outcome", "referred"}, {"reason", "Toch verwezen."}};
    }
    if (route.ends_with("/otp/confirm")) return json::object{{"otp", "000000"}};
    if (route == "POST /api/v1/launch") return json::object{{"token", "a.b.c"}, {"otp", "000000"}};
    if (route.ends_with("/roster")) {
      return json::object{{"week", "2026-W50"}, {"user_ids", json::array{}}};
    }
    if (route.ends_with("/attendance")) return json::object{{"attendance", "seen"}};
    if (route.ends_with("/reauthenticate")) return json::object{{"password", "fout-wachtwoord"}};
    if (route.ends_with("/me/password")) {
      return json::object{{"current_password", kDemoPassword}, {"new_password", "password1234"}};
    }
    if (route == "POST /api/v1/password-reset") {
      return json::object{{"token", std::string(64, '0')},
                          {"password", "een lange zin van ongewone woorden"}};
    }
    return json::object{};
  }
};

TEST_P(AuthorizationMatrixHttpTest, EveryRouteRoleAndOrganisationGetsTheExpectedOutcome) {
  std::vector<std::string> routes;  // as the server's router registers them
  for (const auto& [method, pattern] : ServedOperations(*database_)) {
    routes.push_back(method + " " + pattern);
  }
  // The ones that end sessions go last, so that the caller's token serves every other row; and
  // the GP, whose sessions make the consults, is the last caller.
  std::stable_partition(routes.begin(), routes.end(), [](const std::string& route) {
    return route != "DELETE /api/v1/session" && route != "DELETE /api/v1/me/sessions";
  });
  std::sort(routes.end() - 2, routes.end());  // …/me/sessions, then …/session
  int64_t own_attachment = AttachmentOn(SentConsult(true), "huisarts.devries");
  int64_t other_attachment = AttachmentOn(SentConsult(false), "huisarts.jansen");
  int64_t own_user = UserId("huisarts.devries");
  int64_t other_user = UserId("huisarts.jansen");
  int64_t colleague_user = UserId("huisarts.bakker");
  int64_t other_colleague_user = UserId("huisarts.elamrani");
  std::map<std::string, std::pair<int64_t, int64_t>> region_ids = {
      {"/pools/{id}", {IdOf("/api/v1/pools", "Dermatologie Maasstad"),
                       IdOf("/api/v1/pools", "KNO Ikazia")}},
      {"/templates/{id}", {IdOf("/api/v1/templates", "Zorggroep Rijnmond Zuid"),
                           IdOf("/api/v1/templates", "Huisartsenorganisatie Nieuwe Waterweg")}},
      {"/agreements/{id}", {IdOf("/api/v1/agreements", "Zorggroep Rijnmond Zuid"),
                            IdOf("/api/v1/agreements", "Huisartsenorganisatie Nieuwe Waterweg")}},
      {"/pools/{id}/roster", {IdOf("/api/v1/pools", "Dermatologie Maasstad"),
                              IdOf("/api/v1/pools", "KNO Ikazia")}},
      {"/outbox/{id}/retry", {IdOf("/api/v1/outbox", "specialist.smit@example.nl"),
                              IdOf("/api/v1/outbox", "specialist.meijer@example.nl")}},
  };
  constexpr int64_t kNoSuchId = 999999;
  int64_t session = IdOf("/api/v1/clinic-sessions", "Kralingen");
  for (const char* path : {"/clinic-sessions/{id}", "/clinic-sessions/{id}/cancel",
                           "/clinic-sessions/{id}/day-list"}) {
    region_ids[path] = {session, kNoSuchId};
  }
  region_ids["/clinic-slots/{id}/attendance"] = {FirstSlotOf(session), kNoSuchId};
  region_ids["/api-clients/{id}/revoke"] = {kNoSuchId, kNoSuchId};
  region_ids["/launch-keys/{id}/revoke"] = {kNoSuchId, kNoSuchId};
  for (size_t index : {1, 2, 3, 4, 5, 6, 7, 0}) {
    const Caller& caller = kCallers[index];
    std::string token = *caller.username ? LogIn(*client_, caller.username) : "";
    ASSERT_TRUE(!*caller.username || !token.empty()) << caller.username;
    for (const std::string& route : routes) {
      auto row = kMatrix.find(route);
      if (row == kMatrix.end()) {
        ADD_FAILURE() << "no row in the authorization matrix for " << route;
        continue;
      }
      size_t space = route.find(' ');
      std::string method = route.substr(0, space);
      for (bool own : {true, false}) {
        char expected = (own ? row->second.own : row->second.other).at(index);
        std::string path = route.substr(space + 1);
        bool fhir_consult = path.starts_with("/fhir/R4/") && path.find("/{id}") != std::string::npos &&
                            !path.starts_with("/fhir/R4/Organization") &&
                            !path.starts_with("/fhir/R4/Practitioner") &&
                            !path.starts_with("/fhir/R4/Communication") &&
                            !path.starts_with("/fhir/R4/Binary");
        if (path.find("/consults/{id}") != std::string::npos || fhir_consult) {
          path.replace(path.find("{id}"), 4, std::to_string(SentConsult(own)));
        } else if (path.ends_with("activate")) {
          path.replace(path.find("{id}"), 4,
                       std::to_string(own ? colleague_user : other_colleague_user));
        } else if (path.find("/users/{id}") != std::string::npos) {
          path.replace(path.find("{id}"), 4, std::to_string(own ? own_user : other_user));
        } else if (path.find("/attachments/{id}") != std::string::npos ||
                   path.starts_with("/fhir/R4/Binary/")) {
          path.replace(path.find("{id}"), 4, std::to_string(own ? own_attachment : other_attachment));
        } else if (auto ids = std::find_if(region_ids.begin(), region_ids.end(),
                                           [&](const auto& e) { return path.ends_with(e.first); });
                   ids != region_ids.end()) {
          path.replace(path.find("{id}"), 4,
                       std::to_string(own ? ids->second.first : ids->second.second));
        } else if (path.find("{organisation}") != std::string::npos) {
          path.replace(path.find("{organisation}"), 14, std::to_string(kNoSuchId));
          path.replace(path.find("{month}"), 7, "2026-11");
        } else if (path.find("{insurer}") != std::string::npos) {
          path.replace(path.find("{insurer}"), 9, std::to_string(kNoSuchId));
        } else if (path.find("{code}") != std::string::npos) {
          path.replace(path.find("{code}"), 6,
                       path.starts_with("/api/v1/specialties/") ? "dermatologie" : "ABCD-EFGH");
        } else if (path.find("{id}") != std::string::npos) {
          path.replace(path.find("{id}"), 4, "not-a-session-of-yours");
        }
        std::vector<std::pair<std::string, std::string>> auth;
        if (!token.empty()) auth.emplace_back("Authorization", "Bearer " + token);
        bool csv = path.starts_with("/api/v1/imports/");
        if (csv) path += "?dry_run=true";
        testing::HttpResponse response =
            csv ? client_->Send(method, path, "agb\n",
                                [&] {
                                  auto headers = auth;
                                  headers.emplace_back("Content-Type", "text/csv");
                                  return headers;
                                }())
            : route.ends_with("/attachments") && method == "POST"
                ? client_->Send(method, path, testing::SampleJpeg(),
                                [&] {
                                  auto headers = auth;
                                  headers.emplace_back("Content-Type", "application/octet-stream");
                                  headers.emplace_back("X-Filename", "foto.jpg");
                                  return headers;
                                }())
            : method == "GET" || method == "DELETE"
                ? client_->Send(method, path, "",
                                token.empty() ? std::vector<std::pair<std::string, std::string>>{}
                                              : std::vector<std::pair<std::string, std::string>>{
                                                    {"Authorization", "Bearer " + token}})
                : client_->Send(method, path, json::serialize(BodyFor(route, path, *this)),
                                token.empty()
                                    ? std::vector<std::pair<std::string, std::string>>{
                                          {"Content-Type", "application/json"}}
                                    : std::vector<std::pair<std::string, std::string>>{
                                          {"Authorization", "Bearer " + token},
                                          {"Content-Type", "application/json"}});
        EXPECT_EQ(Outcome(response.status, expected), expected)
            << route << " as " << caller.role << " on " << (own ? "own" : "another")
            << " organisation's: " << response.status << " " << response.body.substr(0, 200);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthorizationMatrixHttpTest,
                         ::testing::ValuesIn(testing::TestEngines()), TestName);

}  // namespace
}  // namespace meekijk::api
