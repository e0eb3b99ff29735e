// The subcommands of `meekijk`. Each adds itself to the application; main only dispatches.
#pragma once

namespace CLI {
class App;
}

namespace meekijk::cli {

void AddServeCommand(CLI::App& app);
void AddMigrateCommand(CLI::App& app);
void AddUserCommand(CLI::App& app);
void AddOrganisationCommand(CLI::App& app);
void AddDemoCommand(CLI::App& app);
void AddAuditCommand(CLI::App& app);
void AddKeysCommand(CLI::App& app);
void AddRetentionCommand(CLI::App& app);
void AddWorkdaysCommand(CLI::App& app);
void AddImportCommand(CLI::App& app);
void AddOutboxCommand(CLI::App& app);
void AddGenerateCommand(CLI::App& app);

}  // namespace meekijk::cli
