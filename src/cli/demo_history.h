// The demo region's past year: a few hundred consults over the last twelve months, across every
// specialty and both modes, most of them closed with outcomes near the published shares, fee lines
// and approved statements for all but last month, patient survey answers and one corrected
// outcome — so that the triple-aim dashboard shows real trends the first time it is opened. Made
// through the same use cases, on a fake clock that walks through the year.
#pragma once

#include "cli/demo_consults.h"

namespace meekijk::cli {

inline constexpr int kDemoHistoryConsults = 336;

Result<void> CreateDemoHistory(store::Database& database, const Clock& clock,
                               const DemoPeople& people);

}  // namespace meekijk::cli
