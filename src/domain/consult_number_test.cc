#include "domain/consult_number.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

TEST(ConsultNumberTest, FormatsWithFiveDigitsAndGrowsBeyond) {
  EXPECT_EQ(FormatConsultNumber({2026, 42}), "MK-2026-00042");
  EXPECT_EQ(FormatConsultNumber({2026, 123456}), "MK-2026-123456");
}

TEST(ConsultNumberTest, ParsesWhatPeopleType) {
  auto number = ParseConsultNumber("mk-2026-42");
  ASSERT_TRUE(number.has_value());
  EXPECT_EQ(number->year, 2026);
  EXPECT_EQ(number->sequence, 42);
  EXPECT_EQ(ParseConsultNumber("MK-2026-00042")->sequence, 42);
}

TEST(ConsultNumberTest, RefusesWhatIsNotANumber) {
  for (const char* text : {"", "MK-2026-", "MK-26-00042", "XX-2026-00042", "MK-2026-00x42",
                           "MK-2026-00000", "MK-2026-99999999999999999"}) {
    EXPECT_FALSE(ParseConsultNumber(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace meekijk::domain
