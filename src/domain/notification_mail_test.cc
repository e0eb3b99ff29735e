#include "domain/notification_mail.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

TEST(NotificationMailTest, AnEventMailNamesTheConsultTheSpecialtyAndTheLinkInTheChosenLanguage) {
  MailFacts facts{EventKind::kAdviceGiven, Language::kNl, "MK-2026-00042", "Dermatologie",
                  "https://meekijk.example.nl/consults/42", {}};
  MailText nl = RenderMail(facts);
  EXPECT_EQ(nl.subject, "meekijk MK-2026-00042: Advies ontvangen");
  EXPECT_NE(nl.text.find("De specialist heeft advies gegeven bij consultatie MK-2026-00042 "
                         "(Dermatologie)."),
            std::string::npos);
  EXPECT_NE(nl.text.find("https://meekijk.example.nl/consults/42"), std::string::npos);
  EXPECT_NE(nl.text.find("geen patiëntgegevens"), std::string::npos);
  EXPECT_NE(nl.html.find("<a href=\"https://meekijk.example.nl/consults/42\">"), std::string::npos);
  facts.language = Language::kEn;
  facts.specialty_name = "Dermatology";
  MailText en = RenderMail(facts);
  EXPECT_EQ(en.subject, "meekijk MK-2026-00042: Advice given");
  EXPECT_NE(en.text.find("(Dermatology)"), std::string::npos);
}

TEST(NotificationMailTest, EveryEventHasItsOwnWordsInBothLanguages) {
  for (const auto& [kind, name] : EnumNames<EventKind>::kNames) {
    for (Language language : {Language::kNl, Language::kEn}) {
      EXPECT_FALSE(EventTitle(kind, language).empty()) << name;
      MailText mail = RenderMail({kind, language, "MK-2026-00001", "KNO", "http://x/", {}});
      EXPECT_FALSE(mail.text.empty()) << name;
    }
    EXPECT_NE(EventTitle(kind, Language::kNl), EventTitle(kind, Language::kEn)) << name;
  }
}

TEST(NotificationMailTest, HtmlIsEscaped) {
  MailText mail = RenderMail({EventKind::kClosed, Language::kEn, "MK-<b>", "A&B",
                              "http://x/?a=1&b=\"2\"", {}});
  EXPECT_EQ(mail.html.find("<b>"), std::string::npos);
  EXPECT_NE(mail.html.find("MK-&lt;b&gt;"), std::string::npos);
  EXPECT_NE(mail.html.find("A&amp;B"), std::string::npos);
  EXPECT_NE(mail.html.find("href=\"http://x/?a=1&amp;b=&quot;2&quot;\""), std::string::npos);
}

TEST(NotificationMailTest, TheDigestListsEachEventAndRoundTripsThroughTheOutbox) {
  std::vector<DigestLine> lines{{EventKind::kConsultClaimed, "MK-2026-00001", "dermatologie"},
                                {EventKind::kClosed, "MK-2026-00002", "cardiologie"}};
  EXPECT_EQ(DecodeDigestLines(EncodeDigestLines(lines)), lines);
  EXPECT_TRUE(DecodeDigestLines("garbage\nnot_a_kind\ta\tb\n").empty());
  lines[0].specialty = "Dermatologie";
  lines[1].specialty = "Cardiologie";
  MailText mail = RenderMail({EventKind::kDigest, Language::kNl, "", "", "http://x/meldingen",
                              lines});
  EXPECT_EQ(mail.subject, "meekijk: Uw dagelijks overzicht (2)");
  EXPECT_NE(mail.text.find("- MK-2026-00001 (Dermatologie): In behandeling genomen"),
            std::string::npos);
  EXPECT_NE(mail.text.find("- MK-2026-00002 (Cardiologie): Afgesloten"), std::string::npos);
  EXPECT_NE(mail.html.find("<li>MK-2026-00002 (Cardiologie): Afgesloten</li>"), std::string::npos);
}

}  // namespace
}  // namespace meekijk::domain
