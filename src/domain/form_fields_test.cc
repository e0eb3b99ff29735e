#include "domain/form_fields.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "domain/consult_validation.h"

namespace meekijk::domain {
namespace {

TEST(FormFieldsTest, EveryFieldHasADutchAndAnEnglishLabelAndIsListedOnce) {
  std::set<std::pair<std::string, std::string>> seen;
  ASSERT_FALSE(AllFormFields().empty());
  for (const FormField& field : AllFormFields()) {
    EXPECT_FALSE(field.label.nl.empty()) << field.form << "." << field.name;
    EXPECT_FALSE(field.label.en.empty()) << field.form << "." << field.name;
    EXPECT_TRUE(seen.emplace(field.form, field.name).second) << field.form << "." << field.name;
  }
}

TEST(FormFieldsTest, FindsFieldsByFormAndNameInScreenOrder) {
  const FormField* learned = FindFormField("close", "learned");
  ASSERT_NE(learned, nullptr);
  EXPECT_EQ(learned->label.nl, "Heeft u er iets van geleerd?");
  EXPECT_EQ(learned->label.en, "Did you learn something from it?");
  EXPECT_EQ(learned->requirement, Requirement::kAlways);
  std::vector<const FormField*> close = FormFieldsOf("close");
  ASSERT_EQ(close.size(), 3u);
  EXPECT_EQ(close[0]->name, "outcome");
  EXPECT_EQ(close[2]->name, "rating");
  EXPECT_TRUE(FormFieldsOf("no such form").empty());
  EXPECT_EQ(FindFormField("close", "no_such_field"), nullptr);
}

TEST(FormFieldsTest, TheSameNameIsLabelledByItsForm) {
  EXPECT_EQ(FieldLabel("advice", "body").nl, "Uw advies");
  EXPECT_EQ(FieldLabel("reply", "body").nl, "Uw antwoord op het informatieverzoek");
  EXPECT_EQ(FieldLabel("question", "body").en, "Your follow-up question");
}

TEST(FormFieldsTest, AnUnknownFieldIsLabelledByItsName) {
  EXPECT_EQ(FieldLabel("close", "colour").nl, "colour");
}

TEST(FormFieldsTest, AMissingAnswerIsNamedAsTheScreenNamesIt) {
  Error error = MissingAnswer("close", "learned");
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.field, "learned");
  EXPECT_EQ(error.message.nl, "‘Heeft u er iets van geleerd?’ is verplicht.");
  EXPECT_EQ(error.message.en, "‘Did you learn something from it?’ is required.");
}

// The web app marks these answers as required before sending; the server must refuse to send
// without each of them, and without nothing else of the kind.
TEST(FormFieldsTest, AnswersRequiredToSendAreTheOnesSendingRefusesWithout) {
  ConsultContent complete;
  complete.consent = true;
  complete.intended_referral = false;
  ASSERT_TRUE(ValidateReadyToSend(complete).ok());
  std::set<std::string> catalogue;
  for (const FormField* field : FormFieldsOf("consult")) {
    if (field->requirement == Requirement::kToSend) catalogue.insert(field->name);
  }
  ConsultContent without_consent = complete;
  without_consent.consent = false;
  ConsultContent without_intention = complete;
  without_intention.intended_referral.reset();
  std::set<std::string> refused{ValidateReadyToSend(without_consent).error().field,
                                ValidateReadyToSend(without_intention).error().field};
  EXPECT_EQ(catalogue, refused);
}

}  // namespace
}  // namespace meekijk::domain
