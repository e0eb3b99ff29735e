// Validation of AGB codes and BSNs: shape checks and the elfproef.
#include "domain/identifiers.h"

#include <algorithm>
#include <string>

namespace meekijk::domain {
namespace {

constexpr size_t kAgbLength = 8;
constexpr size_t kBsnLength = 9;
constexpr size_t kShortBsnLength = 8;  // a BSN with its leading zero dropped
constexpr int kElfproefModulus = 11;

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 for a string of exactly 9 digits.
int ElfproefSum(std::string_view nine_digits) {
  int sum = 0;
  for (size_t i = 0; i < kBsnLength - 1; ++i) {
    sum += static_cast<int>(kBsnLength - i) * (nine_digits[i] - '0');
  }
  return sum - (nine_digits[kBsnLength - 1] - '0');
}

}  // namespace

Result<void> ValidateAgb(std::string_view agb) {
  if (agb.size() != kAgbLength || !AllDigits(agb)) {
    return MakeError(ErrorCode::kInvalidArgument, "Een AGB-code bestaat uit precies 8 cijfers.",
                     "An AGB code consists of exactly 8 digits.", "agb");
  }
  return Ok();
}

Result<void> ValidateBsn(std::string_view bsn) {
  if ((bsn.size() != kBsnLength && bsn.size() != kShortBsnLength) || !AllDigits(bsn)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "Een BSN bestaat uit 9 cijfers (of 8 cijfers zonder de voorloopnul).",
                     "A BSN consists of 9 digits (or 8 digits without the leading zero).",
                     "patient.bsn");
  }
  std::string padded(kBsnLength - bsn.size(), '0');
  padded.append(bsn);
  bool all_zeros = padded.find_first_not_of('0') == std::string::npos;
  if (all_zeros || ElfproefSum(padded) % kElfproefModulus != 0) {
    return MakeError(
        ErrorCode::kInvalidArgument,
        "Dit BSN is ongeldig: het voldoet niet aan de elfproef. Controleer het nummer.",
        "This BSN is invalid: it fails the eleven test (elfproef). Check the number.",
        "patient.bsn");
  }
  return Ok();
}

}  // namespace meekijk::domain
