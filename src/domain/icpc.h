// The ICPC-1 code list of the NHG (ICPC-1-NL) with its Dutch descriptions: lookup, search and
// validation of the code a GP gives as the reason for a consult. The list is data (icpc1_nl.tsv),
// compiled into the library and parsed once, on first use, with thread-safe static
// initialisation; all functions here are safe to call from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace meekijk::domain {

// One entry: a rubric such as "K86", or an NHG subrubric such as "T90.02".
struct IcpcCode {
  std::string code;
  std::string description_nl;
};

// Normalises "s87", " S87 " to "S87"; returns the entry or nullptr. The pointer stays valid for
// the life of the program.
const IcpcCode* FindIcpc(std::string_view code);

// All codes in list order (by chapter, then number).
const std::vector<IcpcCode>& AllIcpcCodes();

// Codes whose code starts with the query or whose description contains it, ignoring case and the
// accents of Latin letters ("hemorroiden" finds "Hemorroïden"), at most `limit`. Code-prefix
// matches come first, then descriptions where the query starts a word, then other descriptions;
// each group in list order. A blank query finds nothing.
std::vector<const IcpcCode*> SearchIcpc(std::string_view query, size_t limit);

// Validates a code a GP entered (normalised as FindIcpc does) and returns its entry. Refuses a
// blank, a malformed and an unknown code with ErrorCode::kInvalidArgument, field "icpc".
Result<const IcpcCode*> ValidateIcpc(std::string_view code);

}  // namespace meekijk::domain
