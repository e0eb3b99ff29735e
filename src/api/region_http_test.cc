// A region sets itself up over HTTP, on both databases: coordinators keep templates, agreements
// and pools; GPs get what the agreements in force offer; the specialist sees the answers; another
// care group sees none of it; every refusal changes nothing.
#include <chrono>

#include "api/api_test_fixture.h"
#include "core/clock.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class RegionHttpTest : public ApiTest {
 protected:
  // The id of the first item of the list at `target` (as `username` sees it) whose JSON holds
  // `text`; 0 when none does.
  int64_t IdIn(const std::string& target, const std::string& text, const std::string& username) {
    testing::HttpResponse listed = client_->Get(target, Token(username));
    EXPECT_EQ(listed.status, 200) << listed.body;
    if (listed.status != 200) return 0;
    json::value body = listed.Json();
    for (const json::value& item : body.at("items").as_array()) {
      if (json::serialize(item).find(text) != std::string::npos) return item.at("id").as_int64();
    }
    return 0;
  }

  int64_t Organisation(const std::string& name) {
    return IdIn("/api/v1/organisations", "\"" + name + "\"", "admin");
  }

  json::object GynaecologyTemplate() {
    return json::object{
        {"specialty", "gynaecologie"},
        {"name", "Cyclusklachten"},
        {"fields",
         json::array{
             json::object{{"key", "cyclusduur"},
                          {"label", "Hoe lang is de cyclus?"},
                          {"type", "number"},
                          {"required", true},
                          {"unit", "dagen"}},
             json::object{{"key", "bloedverlies"},
                          {"label", "Hoe is het bloedverlies?"},
                          {"type", "choice"},
                          {"options", json::array{"Normaal", "Hevig"}}},
             json::object{{"key", "zwanger"}, {"label", "Zwangerschapswens?"}, {"type", "yes_no"}},
         }},
    };
  }

  // Zorggroep Rijnmond Zuid's coordinator makes the template and an agreement with Ikazia's
  // gynaecology pool; returns {template id, agreement id}.
  std::pair<int64_t, int64_t> GynaecologyForZorggroep() {
    std::string coordinator = Token("coordinator.zorggroep");
    testing::HttpResponse made =
        Expect(201, "POST", "/api/v1/templates",
               client_->Post("/api/v1/templates", GynaecologyTemplate(), coordinator));
    int64_t template_id = made.Json().at("id").as_int64();
    json::object agreement{
        {"gp_organisations", json::array{Organisation("Zorggroep Rijnmond Zuid")}},
        {"pool", IdIn("/api/v1/pools", "Gynaecologie Ikazia", "coordinator.zorggroep")},
        {"modes", json::array{"digital"}},
        {"response_days", 4},
        {"template", template_id},
        {"gp_fee_cents", 2500},
        {"specialist_fee_cents", 4500},
        {"valid_from", "2024-01-01"},
    };
    testing::HttpResponse agreed =
        Expect(201, "POST", "/api/v1/agreements",
               client_->Post("/api/v1/agreements", agreement, coordinator));
    return {template_id, agreed.Json().at("id").as_int64()};
  }

  json::object GynaecologyConsult(json::object answers) {
    json::object body = NewConsultBody(true);
    body["specialty"] = "gynaecologie";
    body["icpc"] = "X07";
    body["question"] = "Onregelmatige cyclus: eerst echo of eerst hormonaal onderzoek?";
    body["template_answers"] = std::move(answers);
    return body;
  }
};

TEST_P(RegionHttpTest, ACoordinatorsTemplateReachesTheirGpsAndTheSpecialistSeesTheAnswers) {
  auto [template_id, agreement_id] = GynaecologyForZorggroep();
  std::string gp = Token("huisarts.devries");

  testing::HttpResponse specialties =
      Expect(200, "GET", "/api/v1/specialties", client_->Get("/api/v1/specialties", gp));
  json::value offered = specialties.Json();
  bool found = false;
  for (const json::value& item : offered.at("items").as_array()) {
    if (item.at("code") != "gynaecologie") continue;
    found = true;
    const json::value& pool = item.at("pools").at(0);
    EXPECT_EQ(pool.at("response_days"), 4);
    EXPECT_EQ(pool.at("template").at("id"), template_id);
    EXPECT_EQ(pool.at("template").at("fields").at(0).at("unit"), "dagen");
  }
  EXPECT_TRUE(found) << "the new agreement offers gynaecologie";

  testing::HttpResponse missing = Expect(
      422, "POST", "/api/v1/consults",
      client_->Post("/api/v1/consults", GynaecologyConsult({{"bloedverlies", "Hevig"}}), gp));
  EXPECT_EQ(missing.Json().at("error").at("field"), "template_answers.cyclusduur");
  EXPECT_NE(missing.body.find("Hoe lang is de cyclus?"), std::string::npos) << missing.body;
  for (auto [answers, field] :
       {std::pair{json::object{{"cyclusduur", "lang"}}, "template_answers.cyclusduur"},
        std::pair{json::object{{"cyclusduur", 28}, {"bloedverlies", "Weinig"}},
                  "template_answers.bloedverlies"},
        std::pair{json::object{{"cyclusduur", 28}, {"zwanger", "misschien"}},
                  "template_answers.zwanger"},
        std::pair{json::object{{"cyclusduur", 28}, {"onbekend", 1}}, "template_answers"}}) {
    testing::HttpResponse refused =
        Expect(422, "POST", "/api/v1/consults",
               client_->Post("/api/v1/consults", GynaecologyConsult(answers), gp));
    EXPECT_EQ(refused.Json().at("error").at("field"), field);
  }

  testing::HttpResponse sent = Expect(
      201, "POST", "/api/v1/consults",
      client_->Post(
          "/api/v1/consults",
          GynaecologyConsult({{"cyclusduur", 35}, {"bloedverlies", "Hevig"}, {"zwanger", true}}),
          gp));
  int64_t consult = sent.Json().at("id").as_int64();
  // A blank answer is no answer: it is not kept, and never read back as 0 or "no".
  testing::HttpResponse blank = Expect(
      201, "POST", "/api/v1/consults",
      client_->Post("/api/v1/consults",
                    GynaecologyConsult({{"cyclusduur", 30}, {"bloedverlies", ""}}), gp));
  json::object blank_seen = GetConsult(blank.Json().at("id").as_int64(), "huisarts.devries");
  EXPECT_FALSE(blank_seen.at("template_answers").as_object().contains("bloedverlies"));
  json::object seen = GetConsult(consult, "specialist.koster");
  EXPECT_EQ(seen.at("template").at("name"), "Cyclusklachten");
  EXPECT_EQ(seen.at("template").at("version"), 1);
  EXPECT_EQ(seen.at("template_answers").at("cyclusduur"), 35.0);
  EXPECT_EQ(seen.at("template_answers").at("bloedverlies"), "Hevig");
  EXPECT_EQ(seen.at("template_answers").at("zwanger"), true);
  EXPECT_EQ(seen.at("agreement_version"), 1);

  // The template changes; the consult keeps the version it was written to.
  json::object change{
      {"version", 1},
      {"fields", json::array{json::object{
                     {"key", "klacht"}, {"label", "Wat is de klacht?"}, {"type", "text"}}}}};
  std::string template_path = "/api/v1/templates/" + std::to_string(template_id);
  testing::HttpResponse changed =
      Expect(200, "PATCH", "/api/v1/templates/{id}",
             client_->Patch(template_path, change, Token("coordinator.zorggroep")));
  EXPECT_EQ(changed.Json().at("version"), 2);
  testing::HttpResponse stale =
      Expect(409, "PATCH", "/api/v1/templates/{id}",
             client_->Patch(template_path, change, Token("coordinator.zorggroep")));
  EXPECT_NE(stale.body.find("vragenlijst"), std::string::npos) << stale.body;
  json::object kept = GetConsult(consult, "specialist.koster");
  EXPECT_EQ(kept.at("template").at("version"), 1);
  EXPECT_EQ(kept.at("template").at("fields").at(0).at("label"), "Hoe lang is de cyclus?");
  testing::HttpResponse history =
      Expect(200, "GET", "/api/v1/templates/{id}",
             client_->Get(template_path, Token("coordinator.zorggroep")));
  EXPECT_EQ(history.Json().at("versions").as_array().size(), 2u);

  // The other care group sees none of it.
  std::string other = Token("coordinator.hon");
  std::string agreement_path = "/api/v1/agreements/" + std::to_string(agreement_id);
  Expect(404, "GET", "/api/v1/agreements/{id}", client_->Get(agreement_path, other));
  Expect(404, "GET", "/api/v1/templates/{id}", client_->Get(template_path, other));
  Expect(404, "PATCH", "/api/v1/agreements/{id}",
         client_->Patch(agreement_path, json::object{{"response_days", 1}}, other));
  EXPECT_EQ(IdIn("/api/v1/templates", "Cyclusklachten", "coordinator.hon"), 0);
  EXPECT_EQ(IdIn("/api/v1/agreements", "Cyclusklachten", "coordinator.hon"), 0);
  EXPECT_NE(IdIn("/api/v1/agreements", "Cyclusklachten", "coordinator.zorggroep"), 0);
}

TEST_P(RegionHttpTest, CoordinatorsSeeEverySpecialtyToSetUpTheRegion) {
  for (const char* username : {"coordinator.zorggroep", "admin"}) {
    testing::HttpResponse listed = Expect(200, "GET", "/api/v1/specialties",
                                          client_->Get("/api/v1/specialties", Token(username)));
    EXPECT_NE(listed.body.find("\"gynaecologie\""), std::string::npos) << username;
    EXPECT_NE(listed.body.find("\"Gynaecologie\""), std::string::npos) << username;
  }
  testing::HttpResponse gp = Expect(200, "GET", "/api/v1/specialties",
                                    client_->Get("/api/v1/specialties", Token("huisarts.devries")));
  EXPECT_EQ(gp.body.find("\"gynaecologie\""), std::string::npos);  // no agreement offers it
}

TEST_P(RegionHttpTest, AnAgreementChangeIsANewVersionAndAConsultKeepsTheOneItWasSentUnder) {
  std::string coordinator = Token("coordinator.zorggroep");
  int64_t id = IdIn("/api/v1/agreements", "Dermatologie Maasstad", "coordinator.zorggroep");
  std::string path = "/api/v1/agreements/" + std::to_string(id);
  int64_t before = CreateConsult(true);

  testing::HttpResponse changed = Expect(200, "PATCH", "/api/v1/agreements/{id}",
                                         client_->Patch(path,
                                                        json::object{{"version", 1},
                                                                     {"response_days", 5},
                                                                     {"escalate_after_hours", 24},
                                                                     {"valid_to", nullptr}},
                                                        coordinator));
  EXPECT_EQ(changed.Json().at("version"), 2);
  EXPECT_EQ(changed.Json().at("response_days"), 5);
  EXPECT_EQ(changed.Json().at("escalate_after_hours"), 24);
  EXPECT_EQ(changed.Json().at("changed_by").at("name"), "Marieke de Groot");
  Expect(409, "PATCH", "/api/v1/agreements/{id}",
         client_->Patch(path, json::object{{"version", 1}, {"response_days", 6}}, coordinator));
  Expect(422, "PATCH", "/api/v1/agreements/{id}",
         client_->Patch(path,
                        json::object{{"pool", IdIn("/api/v1/pools", "Cardiologie Maasstad",
                                                   "coordinator.zorggroep")}},
                        coordinator));

  testing::HttpResponse detail =
      Expect(200, "GET", "/api/v1/agreements/{id}", client_->Get(path, coordinator));
  json::value versions = detail.Json().at("versions");
  ASSERT_EQ(versions.as_array().size(), 2u);
  EXPECT_EQ(versions.at(0).at("response_days"), 3);
  EXPECT_EQ(versions.at(1).at("response_days"), 5);

  int64_t after = CreateConsult(true);
  EXPECT_EQ(GetConsult(before, "huisarts.devries").at("agreement_version"), 1);
  EXPECT_EQ(GetConsult(after, "huisarts.devries").at("agreement_version"), 2);
}

TEST_P(RegionHttpTest, TheGpChoosesBetweenThePoolsOfAgreementsInForce) {
  std::string gp = Token("huisarts.jansen");
  auto dermatology_pools = [&] {
    testing::HttpResponse specialties =
        Expect(200, "GET", "/api/v1/specialties", client_->Get("/api/v1/specialties", gp));
    json::value body = specialties.Json();
    for (const json::value& item : body.at("items").as_array()) {
      if (item.at("code") == "dermatologie") return item.at("pools").as_array();
    }
    return json::array();
  };
  json::array pools = dermatology_pools();
  ASSERT_EQ(pools.size(), 2u);  // HON chooses between the ZBC and Maasstad
  int64_t maasstad = 0;
  for (const json::value& pool : pools) {
    EXPECT_EQ(pool.at("response_days"), 2);
    if (pool.at("name") == "Dermatologie Maasstad") maasstad = pool.at("id").as_int64();
  }
  json::object body = NewConsultBody(true);
  body["pool_id"] = maasstad;
  testing::HttpResponse sent =
      Expect(201, "POST", "/api/v1/consults", client_->Post("/api/v1/consults", body, gp));
  EXPECT_EQ(GetConsult(sent.Json().at("id").as_int64(), "huisarts.jansen").at("pool").at("name"),
            "Dermatologie Maasstad");

  // The ZBC's agreement has ended: one pool is left, and routing goes there.
  int64_t zbc = IdIn("/api/v1/agreements", "Huidkliniek", "coordinator.hon");
  Expect(200, "PATCH", "/api/v1/agreements/{id}",
         client_->Patch("/api/v1/agreements/" + std::to_string(zbc),
                        json::object{{"valid_to", "2024-12-31"}}, Token("coordinator.hon")));
  EXPECT_EQ(dermatology_pools().size(), 1u);

  // Where the agreement lets the pool choose, the GP names no specialist.
  int64_t zorggroep = IdIn("/api/v1/agreements", "Dermatologie Maasstad", "coordinator.zorggroep");
  Expect(200, "PATCH", "/api/v1/agreements/{id}",
         client_->Patch("/api/v1/agreements/" + std::to_string(zorggroep),
                        json::object{{"named_specialist_allowed", false}},
                        Token("coordinator.zorggroep")));
  json::object named = NewConsultBody(true);
  testing::HttpResponse me = client_->Get("/api/v1/me", Token("specialist.smit"));
  named["specialist_id"] = me.Json().at("id");
  testing::HttpResponse refused =
      Expect(422, "POST", "/api/v1/consults",
             client_->Post("/api/v1/consults", named, Token("huisarts.devries")));
  EXPECT_EQ(refused.Json().at("error").at("field"), "specialist_id");
}

TEST_P(RegionHttpTest, RefusalsNameTheFieldAndChangeNothing) {
  std::string zorggroep = Token("coordinator.zorggroep");
  std::string maasstad_coordinator = Token("coordinator.maasstad");
  auto count = [&](const std::string& target) {
    testing::HttpResponse listed = client_->Get(target, Token("admin"));
    return listed.Json().at("items").as_array().size();
  };
  size_t agreements = count("/api/v1/agreements");
  size_t templates = count("/api/v1/templates");
  size_t pools = count("/api/v1/pools");
  int64_t maasstad = Organisation("Maasstad Ziekenhuis");
  int64_t hon = Organisation("Huisartsenorganisatie Nieuwe Waterweg");
  int64_t zorggroep_id = Organisation("Zorggroep Rijnmond Zuid");
  int64_t derma_pool = IdIn("/api/v1/pools", "Dermatologie Maasstad", "admin");
  int64_t cardio_template = IdIn("/api/v1/templates", "Hartklachten", "coordinator.zorggroep");

  struct Case {
    std::string what;
    std::string route;
    json::object body;
    std::string token;
    int status;
    std::string field;
  };
  std::vector<Case> cases = {
      {"a pool of another organisation",
       "/api/v1/pools",
       {{"organisation_id", maasstad}, {"specialty", "kno"}, {"name", "KNO"}},
       zorggroep,
       422,
       "organisation_id"},
      {"a pool with a GP in it",
       "/api/v1/pools",
       {{"organisation_id", maasstad},
        {"specialty", "kno"},
        {"name", "KNO Maasstad"},
        {"member_ids",
         json::array{client_->Get("/api/v1/me", Token("huisarts.devries")).Json().at("id")}}},
       maasstad_coordinator,
       422,
       "member_ids"},
      {"a pool of an unknown specialty",
       "/api/v1/pools",
       {{"organisation_id", maasstad}, {"specialty", "astrologie"}, {"name", "Sterren"}},
       maasstad_coordinator,
       422,
       "specialty"},
      {"an agreement for neither side of the caller",
       "/api/v1/agreements",
       {{"gp_organisations", json::array{hon}},
        {"pool", derma_pool},
        {"modes", json::array{"digital"}},
        {"response_days", 3},
        {"valid_from", "2026-01-01"}},
       zorggroep,
       403,
       ""},
      {"a template for another specialty",
       "/api/v1/agreements",
       {{"gp_organisations", json::array{zorggroep_id}},
        {"pool", derma_pool},
        {"modes", json::array{"digital"}},
        {"response_days", 3},
        {"valid_from", "2026-01-01"},
        {"template", cardio_template}},
       zorggroep,
       422,
       "template"},
      {"an end before the start",
       "/api/v1/agreements",
       {{"gp_organisations", json::array{zorggroep_id}},
        {"pool", derma_pool},
        {"modes", json::array{"digital"}},
        {"response_days", 3},
        {"valid_from", "2026-01-01"},
        {"valid_to", "2025-01-01"}},
       zorggroep,
       422,
       "valid_to"},
      {"a response time of 99 days",
       "/api/v1/agreements",
       {{"gp_organisations", json::array{zorggroep_id}},
        {"pool", derma_pool},
        {"modes", json::array{"digital"}},
        {"response_days", 99},
        {"valid_from", "2026-01-01"}},
       zorggroep,
       422,
       "response_days"},
      {"an unknown mode",
       "/api/v1/agreements",
       {{"gp_organisations", json::array{zorggroep_id}},
        {"pool", derma_pool},
        {"modes", json::array{"telepathic"}},
        {"response_days", 3},
        {"valid_from", "2026-01-01"}},
       zorggroep,
       422,
       "modes"},
      {"a hospital as GP side",
       "/api/v1/agreements",
       {{"gp_organisations", json::array{maasstad}},
        {"pool", derma_pool},
        {"modes", json::array{"digital"}},
        {"response_days", 3},
        {"valid_from", "2026-01-01"}},
       maasstad_coordinator,
       422,
       "gp_organisations"},
      {"two questions with one key",
       "/api/v1/templates",
       {{"specialty", "kno"},
        {"name", "Oorklachten"},
        {"fields",
         json::array{json::object{{"key", "duur"}, {"label", "Hoe lang?"}, {"type", "number"}},
                     json::object{{"key", "duur"}, {"label", "Sinds?"}, {"type", "date"}}}}},
       zorggroep,
       422,
       "fields.1.key"},
      {"an unknown kind of answer",
       "/api/v1/templates",
       {{"specialty", "kno"},
        {"name", "Oorklachten"},
        {"fields",
         json::array{json::object{{"key", "geluid"}, {"label", "Geluid"}, {"type", "audio"}}}}},
       zorggroep,
       422,
       "fields.0.type"},
      {"a template without questions",
       "/api/v1/templates",
       {{"specialty", "kno"}, {"name", "Leeg"}, {"fields", json::array{}}},
       zorggroep,
       422,
       "fields"},
      {"a template by a GP", "/api/v1/templates", GynaecologyTemplate(), Token("huisarts.devries"),
       403, ""},
  };
  for (const Case& c : cases) {
    testing::HttpResponse refused =
        Expect(c.status, "POST", c.route, client_->Post(c.route, c.body, c.token));
    if (!c.field.empty()) {
      EXPECT_EQ(refused.Json().at("error").at("field").as_string(), c.field)
          << c.what << ": " << refused.body;
    }
    EXPECT_FALSE(refused.Json().at("error").at("message").as_string().empty()) << c.what;
  }
  testing::HttpResponse malformed = client_->Send(
      "POST", "/api/v1/agreements", "{\"pool\": ",
      {{"Authorization", "Bearer " + zorggroep}, {"Content-Type", "application/json"}});
  Expect(400, "POST", "/api/v1/agreements", malformed);
  Expect(403, "PATCH", "/api/v1/pools/{id}",
         client_->Patch("/api/v1/pools/" + std::to_string(derma_pool),
                        json::object{{"name", "Van ons"}}, zorggroep));
  Expect(404, "PATCH", "/api/v1/pools/{id}",
         client_->Patch("/api/v1/pools/999999", json::object{{"name", "Niemand"}}, zorggroep));
  EXPECT_EQ(count("/api/v1/agreements"), agreements);
  EXPECT_EQ(count("/api/v1/templates"), templates);
  EXPECT_EQ(count("/api/v1/pools"), pools);

  // The hospital keeps its own pool: a new name and members.
  testing::HttpResponse members = Expect(
      200, "PATCH", "/api/v1/pools/{id}",
      client_->Patch(
          "/api/v1/pools/" + std::to_string(derma_pool),
          json::object{
              {"name", "Huidziekten Maasstad"},
              {"member_ids",
               json::array{client_->Get("/api/v1/me", Token("specialist.smit")).Json().at("id")}}},
          maasstad_coordinator));
  EXPECT_EQ(members.Json().at("name"), "Huidziekten Maasstad");
  EXPECT_EQ(members.Json().at("members").as_array().size(), 1u);
}

TEST_P(RegionHttpTest, AnAgreementKeepsItsOwnOfficeHoursAndRefusesImpossibleOnes) {
  std::string coordinator = Token("coordinator.zorggroep");
  int64_t id = IdIn("/api/v1/agreements", "Zorggroep Rijnmond Zuid", "coordinator.zorggroep");
  std::string path = "/api/v1/agreements/" + std::to_string(id);
  json::value before = client_->Get(path, coordinator).Json();
  EXPECT_EQ(before.at("office_hours_from"), "08:00");
  EXPECT_EQ(before.at("office_hours_until"), "17:00");
  int64_t version = before.at("version").as_int64();
  for (auto [from, until, field] : {std::tuple{"7:30", "16:00", "office_hours_from"},
                                    std::tuple{"07:30", "25:00", "office_hours_until"},
                                    std::tuple{"17:00", "16:30", "office_hours_until"},
                                    std::tuple{"08:00", "08:30", "office_hours_until"}}) {
    testing::HttpResponse refused = Expect(
        422, "PATCH", "/api/v1/agreements/{id}",
        client_->Patch(path,
                       json::object{{"version", version},
                                    {"office_hours_from", from},
                                    {"office_hours_until", until}},
                       coordinator));
    EXPECT_EQ(refused.Json().at("error").at("field"), field) << from << "-" << until;
  }
  EXPECT_EQ(client_->Get(path, coordinator).Json().at("version"), version);
  testing::HttpResponse changed = Expect(
      200, "PATCH", "/api/v1/agreements/{id}",
      client_->Patch(path,
                     json::object{{"version", version},
                                  {"office_hours_from", "07:30"},
                                  {"office_hours_until", "16:00"}},
                     coordinator));
  EXPECT_EQ(changed.Json().at("office_hours_from"), "07:30");
  EXPECT_EQ(changed.Json().at("office_hours_until"), "16:00");
  EXPECT_EQ(changed.Json().at("version"), version + 1);
  // HON's agreements count from 08:30, as its coordinator set them up.
  int64_t hon = IdIn("/api/v1/agreements", "Huisartsenorganisatie Nieuwe Waterweg", "coordinator.hon");
  EXPECT_EQ(client_->Get("/api/v1/agreements/" + std::to_string(hon), Token("coordinator.hon"))
                .Json()
                .at("office_hours_from"),
            "08:30");
}

TEST_P(RegionHttpTest, AHospitalCoordinatorOverseesTheOpenConsultsOfItsPoolsSoonestDueFirst) {
  int64_t first = CreateConsult(true);   // to dermatology at Maasstad
  int64_t second = CreateConsult(true);
  CreateConsult(false);                  // a draft is no one's business yet
  std::string coordinator = Token("coordinator.maasstad");
  testing::HttpResponse listed =
      Expect(200, "GET", "/api/v1/consults",
             client_->Get("/api/v1/consults?box=coordination", coordinator));
  json::value body = listed.Json();
  // What needs the coordinator (unclaimed, or overdue) first, then the soonest due: the demo's
  // booked physical consults are claimed and come after the unclaimed ones.
  std::vector<int64_t> ids;
  std::string now = FormatIso8601(std::chrono::system_clock::now());
  std::pair<int, std::string> previous{0, ""};
  for (const json::value& item : body.at("items").as_array()) {
    ids.push_back(item.at("id").as_int64());
    EXPECT_NE(item.at("status"), "draft");
    EXPECT_NE(item.at("status"), "closed");
    EXPECT_FALSE(item.at("pool_id").is_null());
    std::string due(item.at("due_at").as_string());
    std::pair<int, std::string> key{item.at("status") == "sent" || due < now ? 0 : 1, due};
    EXPECT_LE(previous, key) << json::serialize(item);
    previous = key;
  }
  EXPECT_NE(std::find(ids.begin(), ids.end(), first), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), second), ids.end());
  // The care group's coordinator keeps no pools; a GP has no such overview.
  testing::HttpResponse care_group =
      Expect(200, "GET", "/api/v1/consults",
             client_->Get("/api/v1/consults?box=coordination", Token("coordinator.zorggroep")));
  EXPECT_TRUE(care_group.Json().at("items").as_array().empty());
  Expect(403, "GET", "/api/v1/consults",
         client_->Get("/api/v1/consults?box=coordination", Token("huisarts.devries")));
  // Opened from the overview, the consult shows the caller as its pool's coordinator.
  json::object consult = GetConsult(first, "coordinator.maasstad");
  EXPECT_EQ(consult.at("viewer_role"), "coordinator");
}

INSTANTIATE_TEST_SUITE_P(Engines, RegionHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
