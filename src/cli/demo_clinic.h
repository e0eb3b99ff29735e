// The demo's meekijkspreekuur: dermatology from Maasstad at Huisartsenpraktijk Kralingen for the
// care group's practices, every second week, with booked patients and a waiting list.
#pragma once

#include "cli/demo_consults.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace meekijk::cli {

Result<void> CreateDemoClinic(store::Database& database, const Clock& clock,
                              const DemoPeople& people, int64_t derma_agreement_id);

}  // namespace meekijk::cli
