// Validation of the Dutch identifiers a consult carries: the AGB code of a care provider and the
// BSN (burgerservicenummer) of a patient. Pure functions; no lookups in any register.
#pragma once

#include <string_view>

#include "core/result.h"

namespace meekijk::domain {

// Accepts an AGB code (Vektis): exactly 8 digits, nothing else. AGB codes carry no check digit,
// so a well-formed code may still be unknown to Vektis. Error field "agb".
Result<void> ValidateAgb(std::string_view agb);

// Accepts a BSN: 9 digits, or 8 digits read with a leading 0 as the official rules allow, that
// pass the elfproef (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11) and are not all zeros.
// No spaces or dots are stripped: callers pass the bare digits. Error field "patient.bsn"; the
// message tells a wrong shape apart from a failed elfproef.
Result<void> ValidateBsn(std::string_view bsn);

}  // namespace meekijk::domain
