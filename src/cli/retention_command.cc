// `meekijk retention purge [--years 20] [--dry-run]`: removes the consults past the retention
// period (service/retention_service.h), listing what it removed or, in a dry run, would remove.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"
#include "cli/database_option.h"
#include "cli/progress.h"
#include "service/retention_service.h"

namespace meekijk::cli {
namespace {

struct PurgeOptions {
  DatabaseOption database;
  int years = service::kDefaultRetentionYears;
  bool dry_run = false;
};

int Purge(const PurgeOptions& options) {
  std::unique_ptr<store::Database> database = OpenOrReport(options.database);
  if (!database) return 1;
  SystemClock clock;
  ProgressBar progress("bewaartermijn / retention", 0);
  Result<service::PurgeReport> report = service::RetentionService(*database, clock).Purge(
      options.years, options.dry_run, [&](int64_t done) { progress.Update(done); });
  if (!report.ok()) return Fail(report.error());
  for (const std::string& number : report->numbers) std::cout << number << "\n";
  std::cout << (report->dry_run ? "would remove " : "removed ") << report->numbers.size()
            << " consults last changed before " << FormatIso8601(report->cutoff)
            << (report->dry_run ? " (dry run: nothing removed)" : "; logged in the access log")
            << "\n";
  return 0;
}

}  // namespace

void AddRetentionCommand(CLI::App& app) {
  CLI::App* retention = app.add_subcommand("retention", "Bewaartermijn / Retention");
  retention->require_subcommand(1);
  auto options = std::make_shared<PurgeOptions>();
  CLI::App* purge = retention->add_subcommand(
      "purge", "Verwijder consulten na de bewaartermijn / Remove consults past the retention "
               "period");
  AddDatabaseOption(*purge, options->database);
  purge->add_option("--years", options->years, "Years after the last change (WGBO: 20)")
      ->capture_default_str();
  purge->add_flag("--dry-run", options->dry_run, "Only list what would be removed");
  purge->callback([options] { std::exit(Purge(*options)); });
}

}  // namespace meekijk::cli
