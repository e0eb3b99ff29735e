// Opening the database a command was pointed at.
#include "cli/database_option.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "api/error_text.h"
#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace meekijk::cli {

void AddDatabaseOption(CLI::App& command, DatabaseOption& option) {
  auto* data = command.add_option("--data", option.data_dir,
                                  "Directory of the embedded SQLite database (meekijk.db)")
                   ->envname("MEEKIJK_DATA");
  command.add_option("--database", option.url, "PostgreSQL URL, e.g. postgresql://host/meekijk")
      ->envname("MEEKIJK_DATABASE")
      ->excludes(data);
}

Result<std::unique_ptr<store::Database>> OpenDatabase(const DatabaseOption& option) {
  Result<std::unique_ptr<store::Database>> database =
      MakeError(ErrorCode::kInvalidArgument, "Geef --data DIR of --database URL.",
                "Give --data DIR or --database URL.");
  if (!option.url.empty()) {
    database = store::postgres::OpenPostgresDatabase(option.url);
  } else if (!option.data_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(option.data_dir, ec);
    if (ec) {
      return MakeError(ErrorCode::kUnavailable, "Kan de map " + option.data_dir + " niet maken.",
                       "Cannot create the directory " + option.data_dir + ".");
    }
    // MEEKIJK_SQLITE_GROUP_COMMIT=off commits every unit alone: only for measuring the gain.
    const char* group_commit = std::getenv("MEEKIJK_SQLITE_GROUP_COMMIT");
    size_t max_batch = group_commit != nullptr && std::string(group_commit) == "off" ? 1 : 128;
    database = store::sqlite::OpenSqliteDatabase(option.data_dir + "/meekijk.db", 4, max_batch);
  }
  if (!database.ok()) return database.error();
  static const SystemClock clock;
  MK_RETURN_IF_ERROR((*database)->Migrate(clock));
  return database;
}

int Fail(const Error& error) {
  std::cerr << "meekijk: " << api::ErrorText(error).en
            << (error.reason.empty() ? "" : " (" + error.reason + ")") << "\n";
  return error.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

std::unique_ptr<store::Database> OpenOrReport(const DatabaseOption& option) {
  Result<std::unique_ptr<store::Database>> database = OpenDatabase(option);
  if (!database.ok()) {
    (void)Fail(database.error());
    return nullptr;
  }
  return std::move(database).value();
}

}  // namespace meekijk::cli
