// The physical meekijkconsult over HTTP, on both databases: a coordinator plans a session, a GP
// books a physical consult into it (and loses the race for a taken slot with a clear 409), the
// specialist reads the day list and advises, the GP closes; bad input changes nothing; the
// calendar feed opens in a real iCalendar library (Debian's python3-icalendar).
#include <cstdio>
#include <fstream>

#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

// The first weekday at least `days` ahead, so that the session lies in the future.
std::string WeekDayAhead(int days) {
  std::time_t now = std::time(nullptr) + days * 24 * 3600;
  std::tm day{};
  gmtime_r(&now, &day);
  while (day.tm_wday == 0 || day.tm_wday == 6) {
    now += 24 * 3600;
    gmtime_r(&now, &day);
  }
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d", &day);
  return text;
}

class ClinicHttpTest : public ApiTest {
 protected:
  int64_t DermaAgreement() {
    json::value agreements = client_->Get("/api/v1/agreements", Token("coordinator.maasstad")).Json();
    for (const json::value& a : agreements.at("items").as_array()) {
      if (a.at("pool").at("name").as_string() == "Dermatologie Maasstad") return a.at("id").as_int64();
    }
    ADD_FAILURE() << "no dermatology agreement";
    return 0;
  }

  int64_t UserId(const std::string& username) {
    return client_->Get("/api/v1/me", Token(username)).Json().at("id").as_int64();
  }

  int64_t PracticeOf(const std::string& username) {
    return client_->Get("/api/v1/me", Token(username))
        .Json().at("memberships").at(0).at("organisation_id").as_int64();
  }

  json::object SessionBody(const std::string& day) {
    return json::object{{"agreement_id", DermaAgreement()},
                        {"specialist_id", UserId("specialist.mulder")},
                        {"practice_ids", json::array{PracticeOf("huisarts.devries"),
                                                     PracticeOf("huisarts.bakker")}},
                        {"location", "Gezondheidscentrum Kralingen, kamer 4"},
                        {"day", day},
                        {"starts_at", "09:00"},
                        {"ends_at", "10:00"}};
  }

  int64_t PhysicalConsult(const std::string& gp) {
    json::object body = NewConsultBody(true);
    body["mode"] = "physical";
    testing::HttpResponse created = client_->Post("/api/v1/consults", body, Token(gp));
    EXPECT_EQ(created.status, 201) << created.body;
    return created.status == 201 ? created.Json().at("id").as_int64() : 0;
  }

  // The sessions of the coming eight weeks.
  size_t SessionCount() {
    return client_->Get("/api/v1/clinic-sessions", Token("admin")).Json().at("items").as_array().size();
  }

  // Plans the session on the first working day from a week ahead that is no public holiday.
  testing::HttpResponse PlanAhead(std::string& day) {
    testing::HttpResponse planned;
    for (int ahead = 8; ahead < 20; ++ahead) {
      day = WeekDayAhead(ahead);
      planned = client_->Post("/api/v1/clinic-sessions", SessionBody(day), Token("coordinator.maasstad"));
      if (planned.status != 422) break;
    }
    return planned;
  }

  // Lines of the feed as python3-icalendar reads it: UID, start, end, status, summary, location.
  static std::vector<std::string> ParsedEvents(const std::string& calendar) {
    std::string file = ::testing::TempDir() + "meekijk-feed.ics";
    std::ofstream(file, std::ios::binary) << calendar;
    std::string command = std::string("/usr/bin/python3 ") + MEEKIJK_SOURCE_DIR +
                          "/src/api/ical_check.py " + file;
    std::vector<std::string> lines;
    FILE* out = popen(command.c_str(), "r");
    if (!out) return lines;
    char buffer[4096];
    while (fgets(buffer, sizeof buffer, out)) lines.emplace_back(buffer);
    EXPECT_EQ(pclose(out), 0) << "python3-icalendar could not read the feed";
    return lines;
  }
};

TEST_P(ClinicHttpTest, APhysicalConsultFromPlanningToClosing) {
  std::string day;
  testing::HttpResponse planned = PlanAhead(day);
  Expect(201, "POST", "/api/v1/clinic-sessions", planned);
  json::object session = planned.Json().at("items").as_array().at(0).as_object();
  int64_t session_id = session.at("id").as_int64();
  EXPECT_EQ(session.at("slot_count").as_int64(), 3);  // 20-minute slots from the agreement
  EXPECT_EQ(session.at("start_time").as_string(), "09:00");

  int64_t consult = PhysicalConsult("huisarts.devries");
  testing::HttpResponse options = Expect(
      200, "GET", "/api/v1/consults/{id}/booking-options",
      client_->Get(ConsultPath(consult, "booking-options"), Token("huisarts.devries")));
  int64_t slot = 0;
  json::value offered_sessions = options.Json();
  for (const json::value& offered : offered_sessions.at("items").as_array()) {
    if (offered.at("id").as_int64() == session_id) {
      slot = offered.at("slots").as_array().at(0).at("id").as_int64();
    }
  }
  ASSERT_NE(slot, 0) << options.body;
  testing::HttpResponse booked =
      Expect(200, "PUT", "/api/v1/consults/{id}/booking",
             client_->Put(ConsultPath(consult, "booking"),
                               json::object{{"slot_id", slot}}, Token("huisarts.devries")));
  EXPECT_EQ(booked.Json().at("slot_id").as_int64(), slot);
  json::object detail = GetConsult(consult, "huisarts.devries");
  EXPECT_EQ(detail.at("booking").at("location").as_string(), "Gezondheidscentrum Kralingen, kamer 4");
  EXPECT_EQ(detail.at("status").as_string(), "claimed");

  // Another practice's GP finds the slot taken.
  int64_t late = PhysicalConsult("huisarts.bakker");
  testing::HttpResponse taken =
      Expect(409, "PUT", "/api/v1/consults/{id}/booking",
             client_->Put(ConsultPath(late, "booking"), json::object{{"slot_id", slot}},
                               Token("huisarts.bakker")));
  EXPECT_NE(taken.body.find("geboekt"), std::string::npos) << taken.body;

  // The specialist reads the day list, advises; the GP closes as with a digital consult.
  testing::HttpResponse day_list =
      Expect(200, "GET", "/api/v1/clinic-sessions/{id}/day-list",
             client_->Get("/api/v1/clinic-sessions/" + std::to_string(session_id) + "/day-list",
                          Token("specialist.mulder")));
  ASSERT_EQ(day_list.Json().at("patients").as_array().size(), 1u);
  EXPECT_EQ(day_list.Json().at("patients").at(0).at("consult_id").as_int64(), consult);
  Expect(403, "GET", "/api/v1/clinic-sessions/{id}/day-list",
         client_->Get("/api/v1/clinic-sessions/" + std::to_string(session_id) + "/day-list",
                      Token("huisarts.devries")));
  Expect(409, "PUT", "/api/v1/clinic-slots/{id}/attendance",
         client_->Put("/api/v1/clinic-slots/" + std::to_string(slot) + "/attendance",
                           json::object{{"attendance", "no_show"}}, Token("specialist.mulder")));
  Expect(200, "POST", "/api/v1/consults/{id}/advice",
         client_->Post(ConsultPath(consult, "advice"),
                       json::object{{"recommendation", "primary_care"},
                                    {"body", "Gezien op het spreekuur: start met zalf."}},
                       Token("specialist.mulder")));
  Expect(200, "POST", "/api/v1/consults/{id}/close",
         client_->Post(ConsultPath(consult, "close"),
                       json::object{{"outcome", "primary_care"}, {"learned", true}, {"rating", 5}},
                       Token("huisarts.devries")));
  EXPECT_EQ(GetConsult(consult, "huisarts.devries").at("status").as_string(), "closed");

  // The coordinator moves the session; the booking moves with it.
  testing::HttpResponse moved = Expect(
      200, "PATCH", "/api/v1/clinic-sessions/{id}",
      client_->Patch("/api/v1/clinic-sessions/" + std::to_string(session_id),
                     json::object{{"version", session.at("version")}, {"starts_at", "10:00"}},
                     Token("coordinator.maasstad")));
  EXPECT_EQ(moved.Json().at("start_time").as_string(), "10:00");
  EXPECT_EQ(moved.Json().at("booked").as_int64(), 1);
}

TEST_P(ClinicHttpTest, BadInputIsRefusedAndChangesNothing) {
  std::string day;  // a working day: the first session planned there shows it is one
  ASSERT_EQ(PlanAhead(day).status, 201);
  size_t before = SessionCount();
  struct Case {
    const char* field;
    json::value value;
    const char* expected_field;
  };
  const Case cases[] = {
      {"starts_at", "25:00", "starts_at"},
      {"ends_at", "08:00", "ends_at"},
      {"day", "2026-02-30", "day"},
      {"location", "", "location"},
      {"specialist_id", "zeven", "specialist_id"},
      {"repeat", json::object{{"every_weeks", 9}, {"count", 2}}, "repeat.every_weeks"},
  };
  for (const Case& c : cases) {
    json::object body = SessionBody(day);
    body[c.field] = c.value;
    testing::HttpResponse refused = Expect(
        422, "POST", "/api/v1/clinic-sessions",
        client_->Post("/api/v1/clinic-sessions", body, Token("coordinator.maasstad")));
    EXPECT_EQ(refused.Json().at("error").at("field").as_string(), c.expected_field) << c.field;
  }
  Expect(400, "POST", "/api/v1/clinic-sessions",
         client_->Send("POST", "/api/v1/clinic-sessions", "{\"day\":",
                       {{"Authorization", "Bearer " + Token("coordinator.maasstad")},
                        {"Content-Type", "application/json"}}));
  Expect(403, "POST", "/api/v1/clinic-sessions",
         client_->Post("/api/v1/clinic-sessions", SessionBody(day), Token("huisarts.devries")));
  Expect(422, "GET", "/api/v1/clinic-sessions",
         client_->Get("/api/v1/clinic-sessions?from=2026-01-01", Token("huisarts.devries")));
  Expect(422, "PUT", "/api/v1/consults/{id}/booking",
         client_->Put(ConsultPath(PhysicalConsult("huisarts.devries"), "booking"),
                           json::object{}, Token("huisarts.devries")));
  EXPECT_EQ(SessionCount(), before);
}

TEST_P(ClinicHttpTest, TheCalendarFeedOpensInACalendarLibraryWithoutPatientData) {
  testing::HttpResponse made = Expect(
      201, "POST", "/api/v1/me/calendar-feed",
      client_->Post("/api/v1/me/calendar-feed", json::object{}, Token("specialist.smit")));
  std::string path(made.Json().at("path").as_string());
  testing::HttpResponse feed = client_->Get(path);  // no login: a calendar program
  ASSERT_EQ(feed.status, 200) << feed.body;
  std::vector<std::string> events = ParsedEvents(feed.body);
  // The demo's sessions (three, fewer when a public holiday falls on one).
  json::value sessions = client_->Get("/api/v1/clinic-sessions", Token("specialist.smit")).Json();
  size_t held = 0;
  for (const json::value& session : sessions.at("items").as_array()) {
    if (session.at("holds").as_bool()) ++held;
  }
  EXPECT_GE(held, 2u);
  ASSERT_EQ(events.size(), held) << feed.body;
  EXPECT_NE(events[0].find("Meekijkspreekuur Dermatologie"), std::string::npos) << events[0];
  EXPECT_NE(events[0].find("Huisartsenpraktijk Kralingen"), std::string::npos) << events[0];
  EXPECT_NE(events[0].find("CONFIRMED"), std::string::npos) << events[0];
  EXPECT_EQ(feed.body.find("wratten"), std::string::npos);  // the questions stay out

  Expect(200, "GET", "/api/v1/me/calendar-feed",
         client_->Get("/api/v1/me/calendar-feed", Token("specialist.smit")));
  Expect(204, "DELETE", "/api/v1/me/calendar-feed",
         client_->Delete("/api/v1/me/calendar-feed", Token("specialist.smit")));
  EXPECT_EQ(client_->Get(path).status, 404);

  // The GP's feed: their patients' bookings, by consult number and practice only.
  testing::HttpResponse gp_made = client_->Post("/api/v1/me/calendar-feed", json::object{},
                                                Token("huisarts.devries"));
  testing::HttpResponse gp_feed = client_->Get(std::string(gp_made.Json().at("path").as_string()));
  std::vector<std::string> bookings = ParsedEvents(gp_feed.body);
  ASSERT_FALSE(bookings.empty()) << gp_feed.body;
  for (const std::string& line : bookings) {
    EXPECT_NE(line.find("Meekijkconsult MK-"), std::string::npos) << line;
  }
}

TEST_P(ClinicHttpTest, ListsSeparateTheModes) {
  testing::HttpResponse physical =
      Expect(200, "GET", "/api/v1/consults",
             client_->Get("/api/v1/consults?mode=physical", Token("huisarts.devries")));
  json::value listed = physical.Json();
  EXPECT_EQ(listed.at("items").as_array().size(), 3u);  // the demo's, at Kralingen
  for (const json::value& item : listed.at("items").as_array()) {
    EXPECT_EQ(item.at("mode").as_string(), "physical");
  }
  json::value digital = client_->Get("/api/v1/consults?mode=digital", Token("huisarts.devries")).Json();
  for (const json::value& item : digital.at("items").as_array()) {
    EXPECT_EQ(item.at("mode").as_string(), "digital");
  }
  Expect(422, "GET", "/api/v1/consults",
         client_->Get("/api/v1/consults?mode=telepathic", Token("huisarts.devries")));
}

INSTANTIATE_TEST_SUITE_P(Engines, ClinicHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
