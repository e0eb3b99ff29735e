// Formatting and parsing of consult numbers.
#include "domain/consult_number.h"

#include <cctype>
#include <cstdio>

#include "core/integer.h"

namespace meekijk::domain {

std::string FormatConsultNumber(ConsultNumber number) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "MK-%04d-%05lld", number.year,
                static_cast<long long>(number.sequence));
  return buffer;
}

std::optional<ConsultNumber> ParseConsultNumber(std::string_view text) {
  if (text.size() < 8) return std::nullopt;
  if (std::toupper(static_cast<unsigned char>(text[0])) != 'M' ||
      std::toupper(static_cast<unsigned char>(text[1])) != 'K' || text[2] != '-') {
    return std::nullopt;
  }
  std::string_view rest = text.substr(3);
  size_t dash = rest.find('-');
  if (dash != 4) return std::nullopt;
  ConsultNumber number;
  std::optional<int> year = ParseInteger<int>(rest.substr(0, 4));
  std::string_view digits = rest.substr(5);
  std::optional<int64_t> sequence =
      digits.size() <= 12 ? ParseInteger<int64_t>(digits) : std::nullopt;
  if (!year || !sequence || *sequence <= 0) return std::nullopt;
  number.year = *year;
  number.sequence = *sequence;
  return number;
}

std::string ConsultNumberCounter(int year) { return "consult_number_" + std::to_string(year); }

}  // namespace meekijk::domain
