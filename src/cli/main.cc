// meekijk: the platform for the Dutch meekijkconsult. A thin main: parse, dispatch.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "meekijk — het meekijkconsult: een huisarts vraagt een specialist mee te kijken, zodat de "
      "patiënt bij de huisarts kan blijven.\n"
      "meekijk — the meekijkconsult: a GP asks a specialist to look along, so that the patient "
      "can stay with the GP."};
  app.require_subcommand(1);
  meekijk::cli::AddServeCommand(app);
  meekijk::cli::AddMigrateCommand(app);
  meekijk::cli::AddDemoCommand(app);
  meekijk::cli::AddUserCommand(app);
  meekijk::cli::AddOrganisationCommand(app);
  meekijk::cli::AddAuditCommand(app);
  meekijk::cli::AddKeysCommand(app);
  meekijk::cli::AddRetentionCommand(app);
  meekijk::cli::AddWorkdaysCommand(app);
  meekijk::cli::AddImportCommand(app);
  meekijk::cli::AddOutboxCommand(app);
  meekijk::cli::AddGenerateCommand(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
