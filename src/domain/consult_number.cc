// Formatting and parsing of consult numbers.
#include "domain/consult_number.h"

#include <cctype>
#include <charconv>
#include <cstdio>

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
  auto parse = [](std::string_view digits, auto& out) {
    if (digits.empty() || digits.size() > 12) return false;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return error == std::errc() && end == digits.data() + digits.size();
  };
  if (!parse(rest.substr(0, 4), number.year)) return std::nullopt;
  if (!parse(rest.substr(5), number.sequence) || number.sequence <= 0) return std::nullopt;
  return number;
}

std::string ConsultNumberCounter(int year) { return "consult_number_" + std::to_string(year); }

}  // namespace meekijk::domain
