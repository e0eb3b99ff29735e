#include "domain/insurer_export.h"

#include <gtest/gtest.h>

#include <sstream>

namespace meekijk::domain {
namespace {

FeeLineView Line(int64_t id, FeeSide side, int64_t cents, FeeLineKind kind = FeeLineKind::kFee) {
  FeeLineView v;
  v.line.id = id;
  v.line.consult_number = "MK-2026-00042";
  v.line.side = side;
  v.line.kind = kind;
  v.line.amount_cents = cents;
  v.line.month = "2026-11";
  v.line.specialty = "dermatologie";
  v.line.vektis_code = "0310";
  v.line.performed_on = "2026-11-03";
  v.line.practice_agb = "01012345";
  v.line.specialist_agb = "03034567";
  v.insurer_name = "Zilveren Kruis";
  return v;
}

const InsurerExportHeader kHeader{"Zilveren Kruis", "3311", "2026-11", "2026-12-07"};

TEST(InsurerExportTest, EiRecordsHaveAFixedWidthAHeaderAndATotal) {
  std::vector<FeeLineView> lines = {Line(7, FeeSide::kGp, 2500),
                                    Line(8, FeeSide::kSpecialist, -4000, FeeLineKind::kCorrection)};
  std::string ei = InsurerExportEi(kHeader, lines);
  std::vector<std::string> records;
  std::istringstream in(ei);
  for (std::string record; std::getline(in, record);) records.push_back(record);
  ASSERT_EQ(records.size(), 4u);
  for (const std::string& record : records) {
    EXPECT_EQ(record.size(), kEiRecordLength + 1);  // and the CR before the LF
    EXPECT_EQ(record.back(), '\r');
  }
  EXPECT_EQ(records[0].substr(0, 2), "01");
  EXPECT_EQ(records[0].substr(2, 8), "MEEKIJK ");
  EXPECT_EQ(records[0].substr(58, 14), "20261120261207");
  // 04: number, line id, practice AGB, specialist AGB, code, Vektis specialism, date, minutes,
  // amount, debit/credit, kind.
  EXPECT_EQ(records[1].substr(0, 64), std::string("04") + "000000000001" + "000000000007" +
                                         "01012345" + "03034567" + "MKHD  " + "0310" +
                                         "20261103" + "0000");
  EXPECT_EQ(records[1].substr(2 + 12 + 12 + 8 + 8 + 6 + 4 + 8 + 4, 13), "00000002500DN");
  EXPECT_EQ(records[2].substr(2 + 12 + 12 + 8 + 8 + 6 + 4 + 8 + 4, 13), "00000004000CK");
  EXPECT_EQ(records[3].substr(0, 21), "99000000200000001500C");
}

TEST(InsurerExportTest, CsvHasOneRowPerLineWithTheAgbCodesAndNoPatient) {
  std::vector<FeeLineView> lines = {Line(7, FeeSide::kGp, 2500)};
  std::string csv = InsurerExportCsv(kHeader, lines);
  EXPECT_NE(csv.find("\"agb_praktijk\",\"agb_specialist\",\"bedrag_eur\""), std::string::npos);
  EXPECT_NE(csv.find("\"01012345\",\"03034567\",\"25.00\""), std::string::npos);
  EXPECT_NE(csv.find("\"MKHD\""), std::string::npos);
}

}  // namespace
}  // namespace meekijk::domain
