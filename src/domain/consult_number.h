// Consult numbers people can read out on the phone: "MK-2026-00042", counted per year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace meekijk::domain {

struct ConsultNumber {
  int year = 0;
  int64_t sequence = 0;  // 1-based within the year
};

// At least five digits; numbers past 99999 in one year simply grow wider.
std::string FormatConsultNumber(ConsultNumber number);

// Accepts what people type: "mk-2026-42" as well as "MK-2026-00042".
std::optional<ConsultNumber> ParseConsultNumber(std::string_view text);

// The name of the per-year counter in the store: "consult_number_2026".
std::string ConsultNumberCounter(int year);

}  // namespace meekijk::domain
