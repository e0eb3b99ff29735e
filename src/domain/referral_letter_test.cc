// The referral letter carries the consult that came first.
#include "domain/referral_letter.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

TEST(ReferralLetterTest, TheLetterCarriesTheConsultsNumberQuestionAnswersAndAdvice) {
  Consult consult;
  consult.number = "MK-2026-00042";
  consult.content.question = "Basaalcelcarcinoom?";
  consult.content.clinical_summary = "Plek op de rug, 6 weken.";
  consult.content.icpc = "S80";
  consult.content.patient = {1961, Sex::kMale, std::string("J. Jansen"), std::string("1961-04-01"), {}};
  consult.advice = Advice{Recommendation::kRefer, "Graag excisie op de poli.", 7, {}};
  std::string letter = ReferralLetter({&consult, "Praktijk Kralingen", "Dr. A. de Vries",
                                       "Maasstad Ziekenhuis", "Dr. E. Smit",
                                       {{"Hoe lang bestaat de afwijking?", "6"}}});
  for (const char* part : {"MK-2026-00042", "Aan: Maasstad Ziekenhuis", "J. Jansen, geboren 1961-04-01, man",
                           "Basaalcelcarcinoom?", "Plek op de rug", "ICPC: S80",
                           "- Hoe lang bestaat de afwijking?: 6", "Graag excisie op de poli.",
                           "Dr. E. Smit"}) {
    EXPECT_NE(letter.find(part), std::string::npos) << part << "\n" << letter;
  }
}

TEST(ReferralLetterTest, APseudonymisedPatientIsNamedByBirthYearOnly) {
  Consult consult;
  consult.number = "MK-2026-00001";
  consult.content.patient = {1979, Sex::kFemale, {}, {}, {}};
  std::string letter = ReferralLetter({&consult, "P", "G", "H", "S", {}});
  EXPECT_NE(letter.find("geboortejaar 1979, vrouw"), std::string::npos);
  EXPECT_EQ(letter.find("BSN"), std::string::npos);
}

}  // namespace
}  // namespace meekijk::domain
