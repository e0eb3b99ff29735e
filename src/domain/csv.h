// Reading CSV files as people export them (RFC 4180, from Excel or a care group's register):
// quoted cells with "" for a quote, CRLF or LF, and a comma or — as Dutch spreadsheets write — a
// semicolon between cells, chosen by the header line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace meekijk::domain {

struct CsvRow {
  int line = 0;  // the line the row starts on, 1 for the header
  std::vector<std::string> cells;
};

// Every row including the header, skipping empty lines. kMalformed, naming the line, for an
// unclosed quote, text after a closing quote, invalid UTF-8, or a row whose number of cells
// differs from the header's.
Result<std::vector<CsvRow>> ParseCsv(std::string_view text);

// Writing CSV for spreadsheets: a cell quoted with quotes doubled, and a leading = + - @ tab or CR
// defused with an apostrophe so that a spreadsheet does not run it as a formula (CSV injection) —
// except a plain number such as -12.50, which stays a number.
std::string CsvCell(std::string_view value);
// Rows of cells, each cell written by CsvCell, lines ended by CRLF (RFC 4180).
std::string CsvDocument(const std::vector<std::vector<std::string>>& rows);

}  // namespace meekijk::domain
