// Organisations and practitioners from CSV.
#include "service/import_service.h"

#include <algorithm>
#include <map>

#include "auth/token.h"
#include "core/log.h"
#include "core/utf8.h"
#include "domain/csv.h"
#include "domain/enum_names.h"
#include "domain/identifiers.h"
#include "service/coordinator_reach.h"
#include "service/new_user.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

using domain::CsvRow;

// What one row did; a rejection carries its reason.
enum class RowOutcome { kAdded, kChanged, kUnchanged };

// The header names the columns; their order is free, and unknown ones are refused (a typo would
// otherwise import nothing of that column without a word).
Result<std::map<std::string, size_t>> Columns(const CsvRow& header,
                                              const std::vector<std::string>& required,
                                              const std::vector<std::string>& optional) {
  std::map<std::string, size_t> columns;
  for (size_t i = 0; i < header.cells.size(); ++i) {
    std::string name = header.cells[i];
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                 std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known) {
      std::string shown(utf8::PrefixOfAtMost(name, 40));
      return MakeError(ErrorCode::kMalformed, "Regel 1: onbekende kolom „" + shown + "”.",
                       "Line 1: unknown column \"" + shown + "\".");
    }
    columns[name] = i;
  }
  for (const std::string& name : required) {
    if (!columns.count(name)) {
      return MakeError(ErrorCode::kMalformed, "Regel 1: de kolom „" + name + "” ontbreekt.",
                       "Line 1: the column \"" + name + "\" is missing.");
    }
  }
  return columns;
}

std::string Cell(const CsvRow& row, const std::map<std::string, size_t>& columns,
                 const std::string& name) {
  auto it = columns.find(name);
  if (it == columns.end()) return "";
  std::string value = row.cells[it->second];
  size_t first = value.find_first_not_of(" \t");
  size_t last = value.find_last_not_of(" \t");
  return first == std::string::npos ? "" : value.substr(first, last - first + 1);
}

Error Rejected(std::string nl, std::string en) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en));
}

Error OutOfReach(const std::string& name) {
  return Rejected(name + " valt niet onder de organisaties die u coördineert.",
                  name + " is not among the organisations you coordinate.");
}

Result<RowOutcome> ImportOrganisation(store::Tx& tx, const CsvRow& row,
                                      const std::map<std::string, size_t>& columns,
                                      const CoordinatorReach& reach, TimePoint now) {
  store::DirectoryRepository directory = tx.directory();
  std::string agb = Cell(row, columns, "agb");
  MK_RETURN_IF_ERROR(domain::ValidateAgb(agb));
  domain::Organisation organisation;
  organisation.agb = agb;
  organisation.name = Cell(row, columns, "name");
  organisation.region = Cell(row, columns, "region");
  if (utf8::IsBlank(organisation.name) || utf8::CodePointCount(organisation.name) > 200) {
    return Rejected("geef een naam (hoogstens 200 tekens).",
                    "give a name (at most 200 characters).");
  }
  if (utf8::IsBlank(organisation.region)) {
    return Rejected("geef de regio.", "give the region.");
  }
  std::optional<domain::OrgKind> kind = domain::Parse<domain::OrgKind>(Cell(row, columns, "kind"));
  if (!kind || *kind == domain::OrgKind::kInsurer || *kind == domain::OrgKind::kRegionOffice) {
    return Rejected("soort is gp_practice, care_group, hospital, zbc of kaderarts_group.",
                    "kind is gp_practice, care_group, hospital, zbc or kaderarts_group.");
  }
  organisation.kind = *kind;
  if (std::string parent = Cell(row, columns, "parent_agb"); !parent.empty()) {
    MK_ASSIGN_OR_RETURN(std::optional<domain::Organisation> care_group,
                        directory.FindOrganisationByAgb(parent));
    if (!care_group || care_group->kind != domain::OrgKind::kCareGroup ||
        organisation.kind != domain::OrgKind::kGpPractice) {
      return Rejected("alleen een praktijk hoort bij een zorggroep, en „" + parent +
                          "” is geen bekende zorggroep.",
                      "only a practice belongs to a care group, and \"" + parent +
                          "\" is no known care group.");
    }
    organisation.parent_id = care_group->id;
  }
  MK_ASSIGN_OR_RETURN(std::optional<domain::Organisation> stored,
                      directory.FindOrganisationByAgb(agb));
  // A coordinator adds and changes only what they act for, as it is and as it will be: a care
  // group its practices, in its own region.
  if (!reach.Covers(organisation) || !reach.InRegion(organisation) ||
      (stored && !reach.Covers(stored->id))) {
    return OutOfReach(organisation.name);
  }
  if (!stored) {
    MK_RETURN_IF_ERROR(directory.InsertOrganisation(organisation, now));
    return RowOutcome::kAdded;
  }
  if (stored->kind != organisation.kind) {
    return Rejected("de soort van een organisatie verandert niet (nu " +
                        std::string(domain::Name(stored->kind)) + ").",
                    "an organisation's kind does not change (now " +
                        std::string(domain::Name(stored->kind)) + ").");
  }
  organisation.id = stored->id;
  if (organisation == *stored) return RowOutcome::kUnchanged;
  MK_RETURN_IF_ERROR(directory.UpdateOrganisation(organisation));
  return RowOutcome::kChanged;
}

Result<RowOutcome> ImportPractitioner(store::Tx& tx, const CsvRow& row,
                                      const std::map<std::string, size_t>& columns,
                                      const CoordinatorReach& reach, TimePoint now) {
  store::DirectoryRepository directory = tx.directory();
  std::string agb = Cell(row, columns, "agb");
  MK_RETURN_IF_ERROR(domain::ValidateAgb(agb));
  std::string display_name = Cell(row, columns, "display_name");
  if (utf8::IsBlank(display_name)) return Rejected("geef een naam.", "give a name.");
  std::string organisation_agb = Cell(row, columns, "organisation_agb");
  MK_ASSIGN_OR_RETURN(std::optional<domain::Organisation> organisation,
                      directory.FindOrganisationByAgb(organisation_agb));
  if (!organisation) {
    return Rejected("geen organisatie met AGB-code „" + organisation_agb + "”.",
                    "no organisation with AGB code \"" + organisation_agb + "\".");
  }
  if (!reach.Covers(organisation->id)) return OutOfReach(organisation->name);
  std::optional<domain::Role> role = domain::Parse<domain::Role>(Cell(row, columns, "role"));
  if (!role || *role == domain::Role::kAdmin ||
      !domain::RoleFitsOrganisation(*role, organisation->kind)) {
    return Rejected("de rol past niet bij " + organisation->name + ".",
                    "the role does not fit " + organisation->name + ".");
  }
  std::string email = Cell(row, columns, "email");
  MK_ASSIGN_OR_RETURN(std::optional<domain::User> stored, directory.FindUserByAgb(agb));
  if (!stored) {
    NewUser user{Cell(row, columns, "username"), display_name, email, agb, "",
                 {{organisation->id, *role}}};
    // No password works until a coordinator's link has the person choose one.
    MK_RETURN_IF_ERROR(InsertNewUser(tx, user, "!imported:" + auth::RandomHex(16), now));
    return RowOutcome::kAdded;
  }
  MK_ASSIGN_OR_RETURN(std::vector<domain::Membership> memberships,
                      directory.Memberships(stored->id));
  // Someone who also works elsewhere is changed by an administrator: a name or e-mail address
  // (where password links go) is not one organisation's to rewrite.
  bool all_within = std::all_of(memberships.begin(), memberships.end(),
                                [&](const auto& m) { return reach.Covers(m.organisation_id); });
  if (!all_within) {
    return Rejected("deze persoon werkt ook voor een organisatie die u niet coördineert; vraag een "
                    "beheerder.",
                    "this person also works for an organisation you do not coordinate; ask an "
                    "administrator.");
  }
  std::string username = Cell(row, columns, "username");
  if (!username.empty() && username != stored->username) {
    return Rejected("deze AGB-code hoort bij gebruiker „" + stored->username + "”.",
                    "this AGB code belongs to user \"" + stored->username + "\".");
  }
  bool changed = false;
  if (stored->display_name != display_name || stored->email != email) {
    stored->display_name = display_name;
    stored->email = email;
    MK_RETURN_IF_ERROR(directory.UpdateUser(*stored));
    changed = true;
  }
  bool member = std::any_of(memberships.begin(), memberships.end(), [&](const auto& m) {
    return m.organisation_id == organisation->id && m.role == *role;
  });
  if (!member) {
    MK_RETURN_IF_ERROR(directory.AddMembership(stored->id, organisation->id, *role));
    changed = true;
  }
  return changed ? RowOutcome::kChanged : RowOutcome::kUnchanged;
}

using RowImporter = Result<RowOutcome> (*)(store::Tx&, const CsvRow&,
                                           const std::map<std::string, size_t>&,
                                           const CoordinatorReach&, TimePoint);

// The reach of the caller, or everything for the command line (no principal).
Result<CoordinatorReach> ReachOf(store::Tx& tx, const Principal* principal) {
  if (principal == nullptr) return CoordinatorReach::Everything();
  MK_ASSIGN_OR_RETURN(std::vector<domain::Organisation> all, tx.directory().ListOrganisations());
  std::map<int64_t, domain::Organisation> organisations;
  for (domain::Organisation& o : all) organisations.emplace(o.id, std::move(o));
  return CoordinatorReach::Of(*principal, organisations);
}

Result<ImportReport> Import(store::Database& database, const Principal* principal, TimePoint now,
                            std::string_view csv, bool dry_run, const ImportProgress& progress,
                            const std::vector<std::string>& required,
                            const std::vector<std::string>& optional, RowImporter import_row) {
  MK_ASSIGN_OR_RETURN(std::vector<CsvRow> rows, domain::ParseCsv(csv));
  if (rows.empty()) {
    return MakeError(ErrorCode::kMalformed, "Het bestand is leeg.", "The file is empty.");
  }
  MK_ASSIGN_OR_RETURN(auto columns, Columns(rows.front(), required, optional));
  ImportReport report;
  report.dry_run = dry_run;
  int64_t total = static_cast<int64_t>(rows.size()) - 1;
  Result<void> done = database.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    report = ImportReport{0, 0, 0, {}, dry_run};
    MK_ASSIGN_OR_RETURN(CoordinatorReach reach, ReachOf(tx, principal));
    for (size_t i = 1; i < rows.size(); ++i) {
      // Each row's writes are its own: a rejected row leaves nothing behind.
      Result<RowOutcome> outcome = import_row(tx, rows[i], columns, reach, now);
      if (!outcome.ok()) {
        if (outcome.error().code != ErrorCode::kInvalidArgument &&
            outcome.error().code != ErrorCode::kConflict) {
          return outcome.error();
        }
        report.rejected.push_back({rows[i].line, outcome.error().message});
      } else if (*outcome == RowOutcome::kAdded) {
        ++report.added;
      } else if (*outcome == RowOutcome::kChanged) {
        ++report.changed;
      } else {
        ++report.unchanged;
      }
      if (progress) progress(static_cast<int64_t>(i), total);
    }
    if (dry_run) return MakeFact(ErrorCode::kConflict, "dry_run");  // rolls everything back
    return Ok();
  });
  if (!done.ok() && !(dry_run && done.error().reason == "dry_run")) return done.error();
  return report;
}

}  // namespace

Result<void> ImportService::RequireImporter(const Principal& principal) {
  if (principal.HasRole(domain::Role::kAdmin) || principal.HasRole(domain::Role::kCoordinator)) {
    return Ok();
  }
  return MakeError(ErrorCode::kForbidden, "Alleen coördinatoren en beheerders lezen bestanden in.",
                   "Only coordinators and administrators import files.");
}

Result<ImportReport> ImportService::Organisations(std::string_view csv, bool dry_run,
                                                  const ImportProgress& progress) {
  return OrganisationsFor(nullptr, csv, dry_run, progress);
}

Result<ImportReport> ImportService::Practitioners(std::string_view csv, bool dry_run,
                                                  const ImportProgress& progress) {
  return PractitionersFor(nullptr, csv, dry_run, progress);
}

Result<ImportReport> ImportService::Organisations(const Principal& principal,
                                                  std::string_view csv, bool dry_run) {
  MK_RETURN_IF_ERROR(RequireImporter(principal));
  return OrganisationsFor(&principal, csv, dry_run, {});
}

Result<ImportReport> ImportService::Practitioners(const Principal& principal,
                                                  std::string_view csv, bool dry_run) {
  MK_RETURN_IF_ERROR(RequireImporter(principal));
  return PractitionersFor(&principal, csv, dry_run, {});
}

Result<ImportReport> ImportService::OrganisationsFor(const Principal* principal,
                                                     std::string_view csv, bool dry_run,
                                                     const ImportProgress& progress) {
  Result<ImportReport> report =
      Import(database_, principal, clock_.Now(), csv, dry_run, progress,
             {"agb", "name", "kind", "region"}, {"parent_agb"}, ImportOrganisation);
  LogImport("organisations", principal, report);
  return report;
}

Result<ImportReport> ImportService::PractitionersFor(const Principal* principal,
                                                     std::string_view csv, bool dry_run,
                                                     const ImportProgress& progress) {
  Result<ImportReport> report =
      Import(database_, principal, clock_.Now(), csv, dry_run, progress,
             {"agb", "display_name", "organisation_agb", "role"}, {"username", "email"},
             ImportPractitioner);
  LogImport("practitioners", principal, report);
  return report;
}

void ImportService::LogImport(std::string_view what, const Principal* principal,
                              const Result<ImportReport>& report) {
  if (!report.ok()) return;
  log::Info("import_done", {{"what", std::string(what)},
                            {"by", principal ? principal->user.id : int64_t{0}},
                            {"dry_run", report->dry_run},
                            {"added", report->added},
                            {"changed", report->changed},
                            {"unchanged", report->unchanged},
                            {"rejected", static_cast<int64_t>(report->rejected.size())}});
}

}  // namespace meekijk::service
