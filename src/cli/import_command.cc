// `meekijk import organisations FILE` and `meekijk import practitioners FILE` [--dry-run]: a
// region's register from CSV (service/import_service.h has the columns). Prints one line per
// rejected row and a summary; exits 0 when every row was taken, 1 when some were rejected (the
// rest is imported), 2 when the file cannot be read (nothing is written).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/database_option.h"
#include "cli/progress.h"
#include "service/import_service.h"

namespace meekijk::cli {
namespace {

struct ImportOptions {
  DatabaseOption database;
  std::string file;
  bool dry_run = false;
};

enum class Register { kOrganisations, kPractitioners };

int Import(const ImportOptions& options, Register what) {
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    std::cerr << "meekijk: kan " << options.file << " niet lezen / cannot read " << options.file
              << "\n";
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::unique_ptr<store::Database> database = OpenOrReport(options.database);
  if (!database) return 1;
  SystemClock clock;
  service::ImportService importer(*database, clock);
  ProgressBar progress("import", 0);
  auto on_row = [&](int64_t done, int64_t) { progress.Update(done); };
  Result<service::ImportReport> report =
      what == Register::kOrganisations
          ? importer.Organisations(text.str(), options.dry_run, on_row)
          : importer.Practitioners(text.str(), options.dry_run, on_row);
  if (!report.ok()) {
    std::cerr << "meekijk: " << report.error().message.nl
              << "\nmeekijk: " << report.error().message.en
              << "\nmeekijk: nothing written / niets geschreven\n";
    return 2;
  }
  for (const service::ImportRejection& rejected : report->rejected) {
    std::cout << "line " << rejected.line << ": " << rejected.why.en << " / regel " << rejected.line
              << ": " << rejected.why.nl << "\n";
  }
  std::cout << (report->dry_run ? "would add " : "added ") << report->added << ", "
            << (report->dry_run ? "would change " : "changed ") << report->changed << ", unchanged "
            << report->unchanged << ", rejected " << report->rejected.size()
            << (report->dry_run ? " (dry run: nothing written)" : "") << "\n";
  return report->rejected.empty() ? 0 : 1;
}

}  // namespace

void AddImportCommand(CLI::App& app) {
  CLI::App* import = app.add_subcommand(
      "import", "Organisaties en zorgverleners uit CSV / Organisations and practitioners from CSV");
  import->require_subcommand(1);
  for (auto [name, what, help] :
       {std::tuple{"organisations", Register::kOrganisations,
                   "agb,name,kind,parent_agb,region — keyed by AGB code"},
        std::tuple{"practitioners", Register::kPractitioners,
                   "agb,username,display_name,email,organisation_agb,role — keyed by AGB code"}}) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* command = import->add_subcommand(name, help);
    AddDatabaseOption(*command, options->database);
    command->add_option("file", options->file, "CSV file")->required();
    command->add_flag("--dry-run", options->dry_run,
                      "Only report what would be added or changed / alleen melden");
    Register kind = what;
    command->callback([options, kind] { std::exit(Import(*options, kind)); });
  }
}

}  // namespace meekijk::cli
