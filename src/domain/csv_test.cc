#include "domain/csv.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

std::vector<std::vector<std::string>> Cells(std::string_view text) {
  Result<std::vector<CsvRow>> rows = ParseCsv(text);
  EXPECT_TRUE(rows.ok()) << (rows.ok() ? "" : rows.error().message.en);
  std::vector<std::vector<std::string>> out;
  if (rows.ok())
    for (const CsvRow& row : *rows) out.push_back(row.cells);
  return out;
}

TEST(CsvTest, ReadsQuotedCellsWithCommasQuotesAndLineBreaks) {
  EXPECT_EQ(Cells("agb,name\r\n01012345,\"Praktijk \"\"De Linde\"\", Noord\"\r\n"),
            (std::vector<std::vector<std::string>>{{"agb", "name"},
                                                   {"01012345", "Praktijk \"De Linde\", Noord"}}));
  EXPECT_EQ(Cells("a,b\n\"twee\nregels\",x\n"),
            (std::vector<std::vector<std::string>>{{"a", "b"}, {"twee\nregels", "x"}}));
}

TEST(CsvTest, TakesTheSemicolonOfDutchSpreadsheetsAndSkipsEmptyLinesAndTheByteOrderMark) {
  EXPECT_EQ(
      Cells("\xEF\xBB\xBF"
            "agb;naam\n\n01012345;Kralingen, Oost\n"),
      (std::vector<std::vector<std::string>>{{"agb", "naam"}, {"01012345", "Kralingen, Oost"}}));
  EXPECT_EQ(Cells("a,b\n,\n"), (std::vector<std::vector<std::string>>{{"a", "b"}, {"", ""}}));
}

TEST(CsvTest, KnowsTheLineEachRowStartsOn) {
  Result<std::vector<CsvRow>> rows = ParseCsv("a,b\n\n\"x\ny\",1\n2,3\n");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(rows->at(1).line, 3);
  EXPECT_EQ(rows->at(2).line, 5);
}

TEST(CsvTest, RefusesAMalformedFileNamingTheLine) {
  for (auto [text, line] :
       {std::pair{"a,b\n1,2,3\n", "Line 2"}, std::pair{"a,b\n\"open,2\n", "Line 2"},
        std::pair{"a,b\n1,\"x\"y\n", "Line 2"}, std::pair{"a,b\n1,2\n3\n", "Line 3"}}) {
    Result<std::vector<CsvRow>> rows = ParseCsv(text);
    ASSERT_FALSE(rows.ok()) << text;
    EXPECT_EQ(rows.error().code, ErrorCode::kMalformed);
    EXPECT_EQ(rows.error().message.en.rfind(line, 0), 0u) << rows.error().message.en;
  }
  EXPECT_FALSE(ParseCsv("a,b\n\xff,1\n").ok());
}

}  // namespace
}  // namespace meekijk::domain

namespace meekijk::domain {
namespace {

TEST(CsvWriteTest, QuotesEveryCellAndDefusesFormulasButNotNegativeNumbers) {
  EXPECT_EQ(CsvCell("Huisartsenpraktijk \"De Linde\""), "\"Huisartsenpraktijk \"\"De Linde\"\"\"");
  EXPECT_EQ(CsvCell("=SUM(A1)"), "\"'=SUM(A1)\"");
  EXPECT_EQ(CsvCell("-12.50"), "\"-12.50\"");
  EXPECT_EQ(CsvCell("-1+2"), "\"'-1+2\"");
  EXPECT_EQ(CsvDocument({{"a", "b"}, {"1", ""}}), "\"a\",\"b\"\r\n\"1\",\"\"\r\n");
}

}  // namespace
}  // namespace meekijk::domain
