// Refusals name a field as the screen names it, in the caller's language, and which answers are
// required comes from the form field catalogue (domain/form_fields.tsv) the web app reads too.
#include "api/api_test_fixture.h"
#include "domain/form_fields.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;

class FieldLabelsHttpTest : public ApiTest {
 protected:
  testing::HttpResponse PostAs(const std::string& path, const json::object& body,
                               const std::string& username, const std::string& language) {
    return client_->Send("POST", path, json::serialize(body),
                         {{"Authorization", "Bearer " + Token(username)},
                          {"Content-Type", "application/json"},
                          {"Accept-Language", language}});
  }

  static std::string Message(const testing::HttpResponse& response) {
    return std::string(response.Json().at("error").at("message").as_string());
  }
};

TEST_P(FieldLabelsHttpTest, ClosingWithoutAnAnswerNamesTheQuestionAsTheGpReadsIt) {
  int64_t id = CreateConsult();
  json::object body{{"outcome", "primary_care"}, {"rating", 4}};
  testing::HttpResponse dutch = Expect(422, "POST", "/api/v1/consults/{id}/close",
                                       PostAs(ConsultPath(id, "close"), body, "huisarts.devries", "nl"));
  EXPECT_EQ(Message(dutch), "‘Heeft u er iets van geleerd?’ is verplicht.");
  EXPECT_EQ(dutch.Json().at("error").at("field"), "learned");
  testing::HttpResponse english = PostAs(ConsultPath(id, "close"), body, "huisarts.devries", "en");
  EXPECT_EQ(Message(english), "‘Did you learn something from it?’ is required.");
}

// Every answer the catalogue requires is refused when absent, named by its label; an answer of
// the wrong kind is named the same way.
TEST_P(FieldLabelsHttpTest, EveryRequiredAnswerOfEveryActionIsRefusedByItsLabel) {
  int64_t id = CreateConsult();
  struct Form {
    const char* form;
    const char* action;
    const char* user;
    json::object complete;
  };
  const Form forms[] = {
      {"close", "close", "huisarts.devries", {{"outcome", "referred"}, {"learned", true}, {"rating", 3}}},
      {"advice", "advice", "specialist.smit", {{"recommendation", "refer"}, {"body", "Verwijs."}}},
      {"decline", "decline", "specialist.smit", {{"reason", "Buiten ons vak."}}},
      {"forward", "forward", "specialist.smit", {{"pool_id", 1}}},
      {"message", "messages", "specialist.smit", {{"kind", "info_request"}, {"body", "Foto?"}}},
  };
  for (const Form& form : forms) {
    for (const domain::FormField* field : domain::FormFieldsOf(form.form)) {
      if (field->requirement != domain::Requirement::kAlways) continue;
      json::object body = form.complete;
      body.erase(field->name);
      testing::HttpResponse response = PostAs(ConsultPath(id, form.action), body, form.user, "nl");
      EXPECT_EQ(response.status, 422) << form.form << "." << field->name;
      EXPECT_EQ(Message(response), "‘" + field->label.nl + "’ is verplicht.") << form.form;
      EXPECT_EQ(response.Json().at("error").at("field").as_string(), field->name);
    }
  }
  // A message's text is named by what the message is.
  testing::HttpResponse reply = PostAs(ConsultPath(id, "messages"), json::object{{"kind", "reply"}},
                                       "huisarts.devries", "nl");
  EXPECT_EQ(Message(reply), "‘Uw antwoord op het informatieverzoek’ is verplicht.");
  json::object wrong_kind{{"outcome", "referred"}, {"learned", "ja"}, {"rating", 3}};
  testing::HttpResponse wrong = PostAs(ConsultPath(id, "close"), wrong_kind, "huisarts.devries", "en");
  EXPECT_EQ(Message(wrong), "‘Did you learn something from it?’ must be true or false.");
  json::object bad_choice{{"outcome", "weet niet"}, {"learned", true}, {"rating", 3}};
  testing::HttpResponse choice = PostAs(ConsultPath(id, "close"), bad_choice, "huisarts.devries", "nl");
  EXPECT_EQ(Message(choice).rfind("Ongeldige keuze bij ‘Hoe is het afgelopen?’; kies uit: ", 0), 0u)
      << Message(choice);
}

TEST_P(FieldLabelsHttpTest, ANewConsultAndALoginNameTheirMissingFieldsByLabel) {
  json::object consult = NewConsultBody(false);
  consult.erase("question");
  testing::HttpResponse question = Expect(422, "POST", "/api/v1/consults",
                                          PostAs("/api/v1/consults", consult, "huisarts.devries", "nl"));
  EXPECT_EQ(Message(question), "‘Vraag aan de specialist’ is verplicht.");
  consult = NewConsultBody(false);
  consult["patient"].as_object().erase("birth_year");
  testing::HttpResponse year = PostAs("/api/v1/consults", consult, "huisarts.devries", "en");
  EXPECT_EQ(Message(year), "‘Year of birth’ is required.");
  EXPECT_EQ(year.Json().at("error").at("field"), "patient.birth_year");
  testing::HttpResponse login = Expect(
      422, "POST", "/api/v1/session",
      client_->Post("/api/v1/session", json::object{{"username", "huisarts.devries"}}));
  EXPECT_EQ(Message(login), "‘Wachtwoord’ is verplicht.");
}

INSTANTIATE_TEST_SUITE_P(Engines, FieldLabelsHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
