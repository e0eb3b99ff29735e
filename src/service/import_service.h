// Importing a region's organisations and practitioners from CSV files keyed by AGB code, as care
// groups and hospitals keep them. Idempotent: a row that matches what is stored changes nothing,
// one that differs updates it. A row that cannot be imported is reported with its line and why,
// and the others are imported; a file that cannot be read at all (kMalformed) writes nothing. A
// dry run reports the same and writes nothing.
//
//   organisations: agb,name,kind,parent_agb,region   (kind: gp_practice, care_group, hospital,
//                                                      zbc, kaderarts_group; parent: a care group)
//   practitioners: agb,username,display_name,email,organisation_agb,role
//
// A new practitioner has no usable password: a coordinator sends them a link (Gebruikers).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "service/principal.h"

namespace meekijk::store {
class Database;
}

namespace meekijk::service {

struct ImportRejection {
  int line = 0;
  Text why;
};

struct ImportReport {
  int64_t added = 0;
  int64_t changed = 0;
  int64_t unchanged = 0;
  std::vector<ImportRejection> rejected;
  bool dry_run = false;
};

// Called after each row with (rows done, rows in all).
using ImportProgress = std::function<void(int64_t, int64_t)>;

class ImportService {
 public:
  ImportService(store::Database& database, const Clock& clock)
      : database_(database), clock_(clock) {}

  // The command line's: the installation's operator reaches every organisation.
  Result<ImportReport> Organisations(std::string_view csv, bool dry_run,
                                     const ImportProgress& progress = {});
  Result<ImportReport> Practitioners(std::string_view csv, bool dry_run,
                                     const ImportProgress& progress = {});

  // A coordinator's or administrator's (a 403 for anyone else): a row outside what the caller
  // coordinates (see CoordinatorReach) is rejected like any bad row, with its line.
  Result<ImportReport> Organisations(const Principal& principal, std::string_view csv,
                                     bool dry_run);
  Result<ImportReport> Practitioners(const Principal& principal, std::string_view csv,
                                     bool dry_run);

  // A 403 unless the caller coordinates or administers; a handler asks it before reading a body.
  static Result<void> RequireImporter(const Principal& principal);

 private:
  Result<ImportReport> OrganisationsFor(const Principal* principal, std::string_view csv,
                                        bool dry_run, const ImportProgress& progress);
  Result<ImportReport> PractitionersFor(const Principal* principal, std::string_view csv,
                                        bool dry_run, const ImportProgress& progress);
  static void LogImport(std::string_view what, const Principal* principal,
                        const Result<ImportReport>& report);

  store::Database& database_;
  const Clock& clock_;
};

}  // namespace meekijk::service
