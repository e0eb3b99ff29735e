#include "domain/consult_validation.h"

#include <gtest/gtest.h>

#include <functional>

namespace meekijk::domain {
namespace {

constexpr int kYear = 2026;

ConsultContent ValidContent() {
  ConsultContent content;
  content.specialty = "dermatologie";
  content.patient.birth_year = 1961;
  content.patient.sex = Sex::kFemale;
  content.icpc = "S87";
  content.question = "Graag uw advies over dit eczeem.";
  content.clinical_summary = "Sinds 3 maanden jeukende plekken.";
  content.intended_referral = true;
  content.consent = true;
  return content;
}

TEST(ConsultValidationTest, AcceptsACompleteConsult) {
  EXPECT_TRUE(ValidateConsultContent(ValidContent(), kYear).ok());
  EXPECT_TRUE(ValidateReadyToSend(ValidContent()).ok());
}

struct Case {
  const char* name;
  std::function<void(ConsultContent&)> change;
  const char* field;
};

TEST(ConsultValidationTest, RefusesEachInvalidFieldNamingIt) {
  const Case cases[] = {
      {"blank specialty", [](auto& c) { c.specialty = std::string(3, ' '); }, "specialty"},
      {"born in the future", [](auto& c) { c.patient.birth_year = 2027; }, "patient.birth_year"},
      {"older than 120", [](auto& c) { c.patient.birth_year = 1905; }, "patient.birth_year"},
      {"unknown icpc", [](auto& c) { c.icpc = "Q99"; }, "icpc"},
      {"blank question", [](auto& c) { c.question = "  \n"; }, "question"},
      {"question of no-break and em spaces", [](auto& c) { c.question = "\u00a0\u2003"; },
       "question"},
      {"specialty of a zero-width space", [](auto& c) { c.specialty = "\u200b"; }, "specialty"},
      {"name of ideographic spaces", [](auto& c) { c.patient.name = "\u3000\u3000"; },
       "patient.name"},
      {"long question", [](auto& c) { c.question = std::string(4001, 'x'); }, "question"},
      {"invalid bsn", [](auto& c) { c.patient.bsn = "123456789"; }, "patient.bsn"},
      {"impossible birth date", [](auto& c) { c.patient.birth_date = "1961-02-30"; },
       "patient.birth_date"},
      {"birth date of another year", [](auto& c) { c.patient.birth_date = "1962-01-01"; },
       "patient.birth_date"},
      {"blank name", [](auto& c) { c.patient.name = ""; }, "patient.name"},
      {"NUL in the question", [](auto& c) { c.question = std::string("eczeem\0x", 8); }, "question"},
      {"escape in the summary", [](auto& c) { c.clinical_summary = "a\x1b[2Jb"; },
       "clinical_summary"},
  };
  for (const Case& test : cases) {
    ConsultContent content = ValidContent();
    test.change(content);
    Result<void> result = ValidateConsultContent(content, kYear);
    ASSERT_FALSE(result.ok()) << test.name;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument) << test.name;
    EXPECT_EQ(result.error().field, test.field) << test.name;
    EXPECT_FALSE(result.error().message.nl.empty()) << test.name;
  }
}

TEST(ConsultValidationTest, AcceptsIdentifyingDataThatIsValid) {
  ConsultContent content = ValidContent();
  content.patient.name = "J. de Vries";
  content.patient.birth_date = "1961-07-14";
  content.patient.bsn = "111222333";
  EXPECT_TRUE(ValidateConsultContent(content, kYear).ok());
}

TEST(ConsultValidationTest, SendingNeedsConsentAndTheReferralQuestion) {
  ConsultContent content = ValidContent();
  content.consent = false;
  EXPECT_EQ(ValidateReadyToSend(content).error().field, "consent");
  content = ValidContent();
  content.intended_referral.reset();
  EXPECT_EQ(ValidateReadyToSend(content).error().field, "intended_referral");
}

TEST(ConsultValidationTest, MessagesAndRatings) {
  EXPECT_TRUE(ValidateMessageBody("Graag een foto.", "advice", "body").ok());
  EXPECT_EQ(ValidateMessageBody(" ", "advice", "body").error().field, "body");
  // White space of every Unicode kind, and invisible characters, count as empty.
  for (const char* blank : {"\u00a0\u2003", "\u2028\u2029", "\u200b\ufeff", "\u3000 \u202f"}) {
    EXPECT_FALSE(ValidateMessageBody(blank, "advice", "body").ok()) << blank;
  }
  EXPECT_TRUE(ValidateMessageBody("\u00a0ja\u2003", "advice", "body").ok());
  EXPECT_FALSE(ValidateMessageBody(std::string(10001, 'a'), "advice", "body").ok());
  EXPECT_TRUE(ValidateMessageBody(std::string(10000, 'a'), "advice", "body").ok());
  EXPECT_TRUE(ValidateMessageBody("regel 1\r\n\tregel 2", "advice", "body").ok());
  EXPECT_EQ(ValidateMessageBody(std::string("a\0b", 3), "decline", "reason").error().field, "reason");
  EXPECT_FALSE(ValidateRating(0).ok());
  EXPECT_TRUE(ValidateRating(5).ok());
  EXPECT_FALSE(ValidateRating(6).ok());
}

TEST(ConsultValidationTest, NamesTheFieldByItsLabelNotItsApiName) {
  ConsultContent content = ValidContent();
  content.clinical_summary = "a\x1b[2Jb";
  Error error = ValidateConsultContent(content, kYear).error();
  EXPECT_EQ(error.field, "clinical_summary");
  EXPECT_EQ(error.message.nl, "‘Klinische samenvatting’ bevat een onzichtbaar stuurteken; verwijder het.");
  EXPECT_EQ(error.message.en.find("clinical_summary"), std::string::npos);
  Error reply = ValidateMessageBody(std::string("a\0b", 3), "reply", "body").error();
  EXPECT_NE(reply.message.nl.find("‘Uw antwoord op het informatieverzoek’"), std::string::npos);
  EXPECT_EQ(ValidateMessageBody(" ", "decline", "reason").error().message.nl,
            "‘Reden van afwijzing’ is leeg.");
}

TEST(ConsultValidationTest, IsoDates) {
  EXPECT_TRUE(IsValidIsoDate("2024-02-29"));
  EXPECT_FALSE(IsValidIsoDate("2023-02-29"));
  EXPECT_FALSE(IsValidIsoDate("2023-2-01"));
  EXPECT_FALSE(IsValidIsoDate("abcd-ef-gh"));
}

}  // namespace
}  // namespace meekijk::domain
