#include "domain/icpc.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace meekijk::domain {
namespace {

TEST(IcpcTest, FindsKnownCodesWithTheirDutchDescription) {
  struct Case {
    std::string_view code;
    std::string_view description;
  };
  const Case cases[] = {
      {"A01", "Pijn/gevoeligheid gegeneraliseerd/meerdere plaatsen"},
      {"A03", "Koorts"},
      {"D01", "Buikpijn/buikkrampen gegeneraliseerd"},
      {"K86", "Hypertensie zonder orgaanbeschadiging"},
      {"L03", "Lage rugpijn zonder uitstraling"},
      {"R96", "Astma"},
      {"S87", "Eczeem/dermatitis constitutioneel"},
      {"S88", "Contacteczeem/andere eczeem"},
      {"T90", "Diabetes mellitus"},
      {"T90.02", "Diabetes mellitus type 2"},
      {"Z29", "Andere sociale problemen"},
  };
  for (const Case& c : cases) {
    const IcpcCode* entry = FindIcpc(c.code);
    ASSERT_NE(entry, nullptr) << c.code;
    EXPECT_EQ(entry->code, c.code);
    EXPECT_EQ(entry->description_nl, c.description);
  }
}

TEST(IcpcTest, NormalisesCaseAndSurroundingSpace) {
  for (std::string_view input : {"s87", " S87 ", "S87", "\tS87\n", "s87 "}) {
    const IcpcCode* entry = FindIcpc(input);
    ASSERT_NE(entry, nullptr) << '"' << input << '"';
    EXPECT_EQ(entry->code, "S87");
  }
  ASSERT_NE(FindIcpc("t90.02"), nullptr);
  EXPECT_EQ(FindIcpc("t90.02")->code, "T90.02");
}

TEST(IcpcTest, FindReturnsNullForCodesNotInTheList) {
  for (std::string_view input : {"", "X98", "K50", "C01", "S8", "S 87", "S87.99", "S870", "K86."}) {
    EXPECT_EQ(FindIcpc(input), nullptr) << '"' << input << '"';
  }
}

TEST(IcpcTest, ValidateReturnsTheEntry) {
  Result<const IcpcCode*> result = ValidateIcpc(" k86");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ((*result)->code, "K86");
  EXPECT_EQ(*result, FindIcpc("K86"));
}

TEST(IcpcTest, ValidateRefusesUnknownCodesNamingTheCode) {
  for (std::string_view input : {"X98", "x98", "K50", "C01", "T90.99"}) {
    Result<const IcpcCode*> result = ValidateIcpc(input);
    ASSERT_FALSE(result.ok()) << input;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().field, "icpc");
  }
  Result<const IcpcCode*> unknown = ValidateIcpc("x98");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message.nl,
            "Onbekende ICPC-code „X98“. Kies een code uit de ICPC-1-lijst van het NHG.");
  EXPECT_EQ(unknown.error().message.en,
            "Unknown ICPC code “X98”. Choose a code from the NHG's ICPC-1 list.");
}

TEST(IcpcTest, ValidateRefusesMalformedCodesWithoutEchoingThem) {
  for (std::string_view input :
       {"K8", "K866", "86K", "KK86", "K86.1", "K86.001", "K86-02", "Ä86", "K 86", "\xFF\xFE"}) {
    Result<const IcpcCode*> result = ValidateIcpc(input);
    ASSERT_FALSE(result.ok()) << input;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().field, "icpc");
    EXPECT_EQ(result.error().message.nl.rfind("Dit is geen ICPC-code.", 0), 0u) << input;
  }
}

TEST(IcpcTest, ValidateRefusesABlankCode) {
  for (std::string_view input : {"", "   "}) {
    Result<const IcpcCode*> result = ValidateIcpc(input);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, "icpc");
    EXPECT_EQ(result.error().message.nl, "Vul een ICPC-code in.");
  }
}

std::vector<std::string> Codes(const std::vector<const IcpcCode*>& entries) {
  std::vector<std::string> codes;
  for (const IcpcCode* entry : entries) codes.push_back(entry->code);
  return codes;
}

bool Has(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

TEST(IcpcTest, SearchesDescriptions) {
  std::vector<std::string> found = Codes(SearchIcpc("eczeem", 20));
  for (std::string_view code : {"S86", "S87", "S88", "S89"}) EXPECT_TRUE(Has(found, code)) << code;
  // Where "eczeem" starts a word it ranks above "Luiereczeem".
  auto position = [&](std::string_view code) {
    return std::find(found.begin(), found.end(), code) - found.begin();
  };
  EXPECT_LT(position("S87"), position("S89"));
  EXPECT_LT(position("S88"), position("S89"));
}

TEST(IcpcTest, SearchIgnoresCaseAndAccents) {
  struct Case {
    std::string_view query;
    std::string_view expected;
  };
  const Case cases[] = {
      {"HYPERTENSIE", "K86"},    {"hemorroiden", "K96"}, {"Hemorroïden", "K96"},
      {"sarcoidosis", "B99.02"}, {"meniere", "H82"},     {"  diabetes  ", "T90"},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(Has(Codes(SearchIcpc(c.query, 50)), c.expected)) << c.query;
  }
}

TEST(IcpcTest, SearchPutsCodePrefixMatchesFirst) {
  std::vector<std::string> found = Codes(SearchIcpc("k8", 100));
  ASSERT_GE(found.size(), 10u);
  for (size_t i = 0; i < 10; ++i) EXPECT_EQ(found[i], "K8" + std::to_string(i));
  std::vector<std::string> diabetes = Codes(SearchIcpc("T90", 10));
  EXPECT_EQ(diabetes, (std::vector<std::string>{"T90", "T90.01", "T90.02"}));
}

TEST(IcpcTest, SearchHonoursTheLimit) {
  EXPECT_EQ(SearchIcpc("a", 5).size(), 5u);
  EXPECT_TRUE(SearchIcpc("a", 0).empty());
  EXPECT_TRUE(SearchIcpc("", 10).empty());
  EXPECT_TRUE(SearchIcpc("   ", 10).empty());
  EXPECT_TRUE(SearchIcpc("geen-bestaande-term", 10).empty());
}

// A chapter letter, two digits, and optionally "." and two digits; written out because
// std::regex trips -Wmaybe-uninitialized in optimised g++ 12 builds.
bool HasCodeFormat(std::string_view code) {
  auto digit = [&](size_t i) { return code[i] >= '0' && code[i] <= '9'; };
  bool rubric = code.size() >= 3 &&
                std::string_view("ABDFHKLNPRSTUWXYZ").find(code[0]) != std::string_view::npos &&
                digit(1) && digit(2);
  if (!rubric || code.size() == 3) return rubric;
  return code.size() == 6 && code[3] == '.' && digit(4) && digit(5);
}

TEST(IcpcTest, ListIsCompleteAndWellFormed) {
  const std::vector<IcpcCode>& codes = AllIcpcCodes();
  EXPECT_GT(codes.size(), 600u);
  std::set<std::string> seen;
  std::set<char> chapters;
  for (const IcpcCode& entry : codes) {
    EXPECT_TRUE(HasCodeFormat(entry.code)) << entry.code;
    EXPECT_TRUE(seen.insert(entry.code).second) << "duplicate " << entry.code;
    EXPECT_FALSE(entry.description_nl.empty()) << entry.code;
    int number = std::stoi(entry.code.substr(1, 2));
    EXPECT_TRUE(number <= 29 || number >= 70) << "process code " << entry.code;
    chapters.insert(entry.code[0]);
  }
  EXPECT_EQ(chapters.size(), 17u);
}

TEST(IcpcTest, ListIsInChapterOrder) {
  const std::vector<IcpcCode>& codes = AllIcpcCodes();
  EXPECT_EQ(codes.front().code, "A01");
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end(),
                             [](const IcpcCode& a, const IcpcCode& b) { return a.code < b.code; }));
}

TEST(IcpcTest, SubcodesBelongToAListedRubric) {
  for (const IcpcCode& entry : AllIcpcCodes()) {
    if (entry.code.size() > 3) {
      EXPECT_NE(FindIcpc(entry.code.substr(0, 3)), nullptr) << entry.code;
    }
  }
}

}  // namespace
}  // namespace meekijk::domain
