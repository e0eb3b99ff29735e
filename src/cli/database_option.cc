// Opening the database a command was pointed at.
#include "cli/database_option.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "api/error_text.h"
#include "auth/key_ring.h"
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
  command.add_option("--key-file", option.key_file,
                     "The key file for the patient's BSN, name and date of birth (meekijk keys "
                     "new); keep it apart from the data. Or the keys in MEEKIJK_KEY")
      ->envname("MEEKIJK_KEY_FILE");
}

namespace {

// The keys from --key-file, or else MEEKIJK_KEY; none when neither is given.
Result<std::shared_ptr<const FieldCipher>> LoadKeys(const DatabaseOption& option) {
  std::optional<Result<auth::KeyRing>> keys;
  if (!option.key_file.empty()) {
    keys = auth::KeyRing::FromFile(option.key_file);
  } else if (const char* text = std::getenv("MEEKIJK_KEY"); text != nullptr && *text != '\0') {
    keys = auth::KeyRing::Parse(text);
  }
  if (!keys) return std::shared_ptr<const FieldCipher>();
  if (!keys->ok()) return keys->error();
  return std::shared_ptr<const FieldCipher>(
      std::make_shared<auth::KeyRing>(std::move(*keys).value()));
}

}  // namespace

Result<void> RequireKeys(const store::Database& database) {
  if (database.cipher() != nullptr) return Ok();
  return MakeError(ErrorCode::kInvalidArgument,
                   "Geen sleutels: geef --key-file BESTAND of MEEKIJK_KEY (maak er een met "
                   "`meekijk keys new --key-file BESTAND`, buiten de datamap).",
                   "No keys: give --key-file FILE or MEEKIJK_KEY (make one with `meekijk keys new "
                   "--key-file FILE`, outside the data directory).",
                   "key_file");
}

Result<std::unique_ptr<store::Database>> OpenDatabase(const DatabaseOption& option) {
  Result<std::unique_ptr<store::Database>> database =
      MakeError(ErrorCode::kInvalidArgument, "Geef --data DIR of --database URL.",
                "Give --data DIR or --database URL.");
  if (!option.url.empty()) {
    // As many connections as requests that may wait for a commit together (serve's handler
    // threads share them); PostgreSQL's default limit of 100 leaves room for a second node.
    database = store::postgres::OpenPostgresDatabase(option.url, 32);
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
  MK_ASSIGN_OR_RETURN(std::shared_ptr<const FieldCipher> keys, LoadKeys(option));
  if (keys) (*database)->SetFieldCipher(std::move(keys));
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
