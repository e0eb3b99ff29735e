// A small RFC 4180 reader.
#include "domain/csv.h"

#include "core/utf8.h"

namespace meekijk::domain {
namespace {

Error Malformed(int line, const std::string& nl, const std::string& en) {
  return MakeError(ErrorCode::kMalformed, "Regel " + std::to_string(line) + ": " + nl,
                   "Line " + std::to_string(line) + ": " + en);
}

char DelimiterOf(std::string_view text) {
  std::string_view header = text.substr(0, text.find('\n'));
  return header.find(';') != std::string_view::npos && header.find(',') == std::string_view::npos
             ? ';'
             : ',';
}

}  // namespace

Result<std::vector<CsvRow>> ParseCsv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // Excel's byte order mark
  if (!utf8::IsValid(text)) {
    return MakeError(ErrorCode::kMalformed, "Het bestand is geen geldige UTF-8-tekst.",
                     "The file is not valid UTF-8 text.");
  }
  char delimiter = DelimiterOf(text);
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string cell;
  int line = 1;
  bool quoted = false, after_quote = false, row_has_content = false;
  row.line = 1;
  auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    after_quote = false;
  };
  auto end_row = [&]() -> Result<void> {
    end_cell();
    if (row_has_content) {
      if (!rows.empty() && row.cells.size() != rows.front().cells.size()) {
        return Malformed(row.line,
                         std::to_string(row.cells.size()) + " kolommen, de kopregel heeft er " +
                             std::to_string(rows.front().cells.size()) + ".",
                         std::to_string(row.cells.size()) + " columns; the header has " +
                             std::to_string(rows.front().cells.size()) + ".");
      }
      rows.push_back(std::move(row));
    }
    row = CsvRow{line + 1, {}};
    row_has_content = false;
    return Ok();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
        after_quote = true;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n') {
      MK_RETURN_IF_ERROR(end_row());
      ++line;
      continue;
    }
    if (c == delimiter) {
      end_cell();
      row_has_content = true;
      continue;
    }
    if (after_quote) {
      return Malformed(line, "tekst na een afsluitend aanhalingsteken.",
                       "text after a closing quote.");
    }
    if (c == '"' && cell.empty()) {
      quoted = true;
      row_has_content = true;
      continue;
    }
    cell += c;
    row_has_content = true;
  }
  if (quoted)
    return Malformed(row.line, "een aanhalingsteken wordt niet gesloten.",
                     "a quote is not closed.");
  MK_RETURN_IF_ERROR(end_row());
  return rows;
}

namespace {

bool PlainNumber(std::string_view value) {
  size_t i = value.starts_with('-') ? 1 : 0;
  size_t digits = 0, dots = 0;
  for (; i < value.size(); ++i) {
    if (value[i] == '.' && digits > 0) {
      ++dots;
    } else if (value[i] >= '0' && value[i] <= '9') {
      ++digits;
    } else {
      return false;
    }
  }
  return digits > 0 && dots <= 1 && !value.ends_with('.');
}

}  // namespace

std::string CsvCell(std::string_view value) {
  std::string out = "\"";
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos &&
      !PlainNumber(value)) {
    out += '\'';
  }
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvDocument(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const std::vector<std::string>& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvCell(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace meekijk::domain
