// An insurer's export of approved fee lines, for their declaration: CSV, and a fixed-width file
// with the record structure of Vektis's EI standards (a header record 01, one record 04 per line,
// a closing record 99 with count and total). No patient field: meekijk bills no patient, so the
// insured-person record (02) of a GP-care declaration is left out. docs/fees.md lists the fields.
#pragma once

#include <span>
#include <string>

#include "domain/fee_line.h"

namespace meekijk::domain {

inline constexpr size_t kEiRecordLength = 310;

struct InsurerExportHeader {
  std::string insurer_name;
  std::optional<std::string> insurer_code;  // the insurer's code (its AGB/UZOVI), where stored
  std::string month;                        // YYYY-MM
  std::string created_on;                   // YYYY-MM-DD
};

// The performance code of a line: the side and the mode of the consult.
std::string PerformanceCode(FeeSide side, ConsultMode mode);

std::string InsurerExportCsv(const InsurerExportHeader& header, std::span<const FeeLineView> lines);
// Records of kEiRecordLength characters, each ended by CR LF.
std::string InsurerExportEi(const InsurerExportHeader& header, std::span<const FeeLineView> lines);

}  // namespace meekijk::domain
