#include "domain/identifiers.h"

#include <gtest/gtest.h>

#include <string>

namespace meekijk::domain {
namespace {

TEST(IdentifiersTest, AcceptsAgbCodesOfEightDigits) {
  for (std::string_view agb : {"01234567", "12345678", "00000000", "99999999"}) {
    EXPECT_TRUE(ValidateAgb(agb).ok()) << agb;
  }
}

TEST(IdentifiersTest, RefusesMalformedAgbCodes) {
  for (std::string_view agb :
       {"", "1234567", "123456789", "1234567a", " 1234567", "1234-567", "12345678 ", "١٢٣٤٥٦٧٨"}) {
    Result<void> result = ValidateAgb(agb);
    ASSERT_FALSE(result.ok()) << agb;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().field, "agb");
    EXPECT_EQ(result.error().message.nl, "Een AGB-code bestaat uit precies 8 cijfers.");
    EXPECT_EQ(result.error().message.en, "An AGB code consists of exactly 8 digits.");
  }
}

// Each valid number checked by hand: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11.
TEST(IdentifiersTest, AcceptsBsnsThatPassTheElfproef) {
  struct Case {
    std::string_view bsn;
    int sum;  // the elfproef sum, documented for the reader
  };
  for (const Case& c : {Case{"111222333", 66}, Case{"123456782", 154}, Case{"999999990", 396},
                        Case{"100000009", 0}, Case{"012345672", 132}, Case{"12345672", 132}}) {
    EXPECT_TRUE(ValidateBsn(c.bsn).ok()) << c.bsn << " (sum " << c.sum << ")";
  }
}

enum class BsnFault { kShape, kElfproef };

TEST(IdentifiersTest, RefusesInvalidBsnsWithTheSpecificReason) {
  struct Case {
    std::string_view bsn;
    BsnFault fault;
  };
  const Case cases[] = {
      {"", BsnFault::kShape},
      {"1234567", BsnFault::kShape},     // 7 digits
      {"1234567890", BsnFault::kShape},  // 10 digits
      {"12345678a", BsnFault::kShape},
      {"123 456 782", BsnFault::kShape},  // spaces are not stripped here
      {"123.45.678", BsnFault::kShape},
      {"-23456782", BsnFault::kShape},
      {"123456789", BsnFault::kElfproef},  // sum 156
      {"111222334", BsnFault::kElfproef},  // one digit off a valid number
      {"123456783", BsnFault::kElfproef},
      {"12345678", BsnFault::kElfproef},   // read as 012345678
      {"000000000", BsnFault::kElfproef},  // sum 0, but all zeros
      {"00000000", BsnFault::kElfproef},
  };
  for (const Case& c : cases) {
    Result<void> result = ValidateBsn(c.bsn);
    ASSERT_FALSE(result.ok()) << c.bsn;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().field, "patient.bsn");
    if (c.fault == BsnFault::kShape) {
      EXPECT_EQ(result.error().message.nl,
                "Een BSN bestaat uit 9 cijfers (of 8 cijfers zonder de voorloopnul).")
          << c.bsn;
    } else {
      EXPECT_EQ(result.error().message.nl,
                "Dit BSN is ongeldig: het voldoet niet aan de elfproef. Controleer het nummer.")
          << c.bsn;
      EXPECT_NE(result.error().message.en.find("eleven test"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace meekijk::domain
