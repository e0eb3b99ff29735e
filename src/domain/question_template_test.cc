#include "domain/question_template.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

TemplateField Field(std::string key, std::string label, FieldType type, bool required = false) {
  TemplateField field;
  field.key = std::move(key);
  field.label = std::move(label);
  field.type = type;
  field.required = required;
  return field;
}

// The dermatology template of the examples: duration, a choice, photos.
QuestionTemplate Dermatology() {
  QuestionTemplate t;
  t.name = "Huidafwijking";
  t.specialty = "dermatologie";
  TemplateField weeks =
      Field("duur_weken", "Hoe lang bestaat de afwijking?", FieldType::kNumber, true);
  weeks.unit = "weken";
  TemplateField where = Field("locatie", "Waar zit de afwijking?", FieldType::kChoice, true);
  where.options = {"Gelaat", "Romp", "Extremiteiten"};
  t.fields = {weeks,
              where,
              Field("jeuk", "Jeukt het?", FieldType::kYesNo),
              Field("sinds", "Sinds wanneer?", FieldType::kDate),
              Field("toelichting", "Toelichting", FieldType::kText),
              Field("fotos", "Overzichts- en detailfoto", FieldType::kPhoto, true)};
  return t;
}

std::string FieldOfTemplateError(const QuestionTemplate& t) {
  Result<void> checked = ValidateTemplate(t);
  return checked.ok() ? "" : checked.error().field;
}

TEST(QuestionTemplateTest, AWellFormedTemplateIsAccepted) {
  EXPECT_TRUE(ValidateTemplate(Dermatology()).ok());
}

TEST(QuestionTemplateTest, RefusesWhatAGpCouldNotFillIn) {
  QuestionTemplate t = Dermatology();
  t.name = "  ";
  EXPECT_EQ(FieldOfTemplateError(t), "name");
  t = Dermatology();
  t.fields.clear();
  EXPECT_EQ(FieldOfTemplateError(t), "fields");
  t = Dermatology();
  t.fields[1].key = "Locatie";
  EXPECT_EQ(FieldOfTemplateError(t), "fields.1.key");
  t = Dermatology();
  t.fields[1].key = "duur_weken";
  EXPECT_EQ(FieldOfTemplateError(t), "fields.1.key");
  t = Dermatology();
  t.fields[2].label = "";
  EXPECT_EQ(FieldOfTemplateError(t), "fields.2.label");
  t = Dermatology();
  t.fields[1].options = {"Romp"};
  EXPECT_EQ(FieldOfTemplateError(t), "fields.1.options");
  t = Dermatology();
  t.fields[1].options = {"Romp", "Romp"};
  EXPECT_EQ(FieldOfTemplateError(t), "fields.1.options");
  t = Dermatology();
  t.fields[2].options = {"ja", "nee"};
  EXPECT_EQ(FieldOfTemplateError(t), "fields.2.options");
  t = Dermatology();
  t.fields[2].unit = "cm";
  EXPECT_EQ(FieldOfTemplateError(t), "fields.2.unit");
  t = Dermatology();
  t.fields.resize(kMaxTemplateFields + 1, Field("x", "x", FieldType::kText));
  EXPECT_EQ(FieldOfTemplateError(t), "fields");
}

struct AnswerCase {
  std::vector<TemplateAnswer> answers;
  bool ready_to_send;
  size_t attachments;
  std::string field;  // empty: accepted
};

TEST(QuestionTemplateTest, AnswersAreCheckedByTypeAndRequiredOnlyWhenSending) {
  const std::vector<TemplateAnswer> complete{{"duur_weken", "6"}, {"locatie", "Romp"}};
  const AnswerCase cases[] = {
      {{}, false, 0, ""},  // a draft may be empty
      {complete, true, 1, ""},
      {complete, true, 0, "template_answers.fotos"},
      {{{"locatie", "Romp"}}, true, 1, "template_answers.duur_weken"},
      {{{"duur_weken", ""}, {"locatie", "Romp"}}, true, 1, "template_answers.duur_weken"},
      {{{"duur_weken", "zes"}}, false, 0, "template_answers.duur_weken"},
      {{{"duur_weken", "2.5"}}, false, 0, ""},
      {{{"duur_weken", "inf"}}, false, 0, "template_answers.duur_weken"},
      {{{"locatie", "Hoofd"}}, false, 0, "template_answers.locatie"},
      {{{"jeuk", "ja"}}, false, 0, "template_answers.jeuk"},
      {{{"jeuk", "false"}}, false, 0, ""},
      {{{"sinds", "2026-02-30"}}, false, 0, "template_answers.sinds"},
      {{{"sinds", "2026-02-28"}}, false, 0, ""},
      {{{"fotos", "foto.jpg"}}, false, 0, "template_answers.fotos"},
      {{{"toelichting", std::string(kMaxAnswerChars + 1, 'a')}},
       false,
       0,
       "template_answers.toelichting"},
      {{{"bestaat_niet", "1"}}, false, 0, "template_answers"},
      {{{"jeuk", "true"}, {"jeuk", "false"}}, false, 0, "template_answers.jeuk"},
  };
  QuestionTemplate t = Dermatology();
  for (const AnswerCase& c : cases) {
    Result<void> checked = ValidateTemplateAnswers(t, c.answers, c.ready_to_send, c.attachments);
    EXPECT_EQ(checked.ok() ? "" : checked.error().field, c.field)
        << (c.answers.empty() ? "(none)" : c.answers.front().key + "=" + c.answers.front().value);
  }
}

TEST(QuestionTemplateTest, ErrorsNameTheQuestionByItsLabel) {
  Result<void> checked = ValidateTemplateAnswers(Dermatology(), {}, true, 1);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().message.nl, "„Hoe lang bestaat de afwijking?” is verplicht.");
  EXPECT_EQ(checked.error().message.en, "\"Hoe lang bestaat de afwijking?\" is required.");
}

}  // namespace
}  // namespace meekijk::domain
