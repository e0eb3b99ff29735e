// One case, also when it becomes a referral: after the advice "refer" the practice gets the letter
// filled in, the GP sends it in one action, and the consult — its number and thread — carries it.
#include "api/api_test_fixture.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class ReferralHttpTest : public ApiTest {
 protected:
  // A consult claimed and advised by specialist.smit with `recommendation`.
  int64_t Advised(const std::string& recommendation) {
    int64_t id = CreateConsult(true);
    Expect(200, "POST", "/api/v1/consults/{id}/claim",
           client_->Post(ConsultPath(id, "claim"), json::object{}, Token("specialist.smit")));
    Expect(200, "POST", "/api/v1/consults/{id}/advice",
           client_->Post(ConsultPath(id, "advice"),
                         json::object{{"recommendation", recommendation},
                                      {"body", "Graag patch-testen op de poli dermatologie."}},
                         Token("specialist.smit")));
    return id;
  }
};

TEST_P(ReferralHttpTest, TheAdviceReferBecomesALetterTheGpSendsInOneAction) {
  int64_t id = Advised("refer");
  testing::HttpResponse draft = Expect(200, "GET", "/api/v1/consults/{id}/referral",
                                       client_->Get(ConsultPath(id, "referral"), Token("assistent.visser")));
  std::string letter(draft.Json().at("letter").as_string());
  std::string number(GetConsult(id, "huisarts.devries").at("number").as_string());
  for (const std::string& part : {number, std::string("Maasstad Ziekenhuis"), std::string("Handeczeem"),
                                  std::string("Graag patch-testen"), std::string("Dr. Eva Smit")}) {
    EXPECT_NE(letter.find(part), std::string::npos) << part << "\n" << letter;
  }
  // The assistant prepares; only the GP sends.
  json::object body{{"letter", letter + "\nAanvulling: graag binnen 4 weken."}, {"learned", true},
                    {"rating", 4}};
  Expect(403, "POST", "/api/v1/consults/{id}/referral",
         client_->Post(ConsultPath(id, "referral"), body, Token("assistent.visser")));
  Expect(200, "POST", "/api/v1/consults/{id}/referral",
         client_->Post(ConsultPath(id, "referral"), body, Token("huisarts.devries")));
  // The hospital's specialist reads the same consult, now a referral, with its letter.
  json::object seen = GetConsult(id, "specialist.smit");
  EXPECT_EQ(seen.at("status"), "closed");
  EXPECT_EQ(seen.at("outcome").at("outcome"), "referred");
  EXPECT_EQ(seen.at("number"), json::value(number));
  EXPECT_NE(std::string(seen.at("referral").at("letter").as_string()).find("binnen 4 weken"),
            std::string::npos);
  EXPECT_EQ(seen.at("referral").at("sent_by"), "Dr. Anna de Vries");
  EXPECT_GE(seen.at("thread").as_array().size(), 1u);
  // Once referred, there is no second letter.
  Expect(409, "GET", "/api/v1/consults/{id}/referral",
         client_->Get(ConsultPath(id, "referral"), Token("huisarts.devries")));
  Expect(409, "POST", "/api/v1/consults/{id}/referral",
         client_->Post(ConsultPath(id, "referral"), body, Token("huisarts.devries")));
}

TEST_P(ReferralHttpTest, WithoutTheAdviceReferThereIsNoReferralAndNothingChanges) {
  int64_t id = Advised("primary_care");
  Expect(409, "GET", "/api/v1/consults/{id}/referral",
         client_->Get(ConsultPath(id, "referral"), Token("huisarts.devries")));
  json::object body{{"letter", "Geachte collega"}, {"learned", true}, {"rating", 4}};
  Expect(409, "POST", "/api/v1/consults/{id}/referral",
         client_->Post(ConsultPath(id, "referral"), body, Token("huisarts.devries")));
  EXPECT_EQ(GetConsult(id, "huisarts.devries").at("status"), "answered");
  EXPECT_TRUE(GetConsult(id, "huisarts.devries").at("referral").is_null());
  body["letter"] = "";
  Expect(422, "POST", "/api/v1/consults/{id}/referral",
         client_->Post(ConsultPath(id, "referral"), body, Token("huisarts.devries")));
}

INSTANTIATE_TEST_SUITE_P(Engines, ReferralHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
