// Where the data lives, as every data command is told: `--data DIR` (the embedded SQLite file
// DIR/meekijk.db) or `--database postgresql://…`. The only place that names concrete engines.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace CLI {
class App;
}

namespace meekijk::cli {

struct DatabaseOption {
  std::string data_dir;
  std::string url;
  std::string key_file;  // the keys of the patient's identity (auth/key_ring.h)
};

// Adds --data and --database (also read from MEEKIJK_DATA and MEEKIJK_DATABASE) and --key-file
// (MEEKIJK_KEY_FILE; or the keys themselves in MEEKIJK_KEY) to a command.
void AddDatabaseOption(CLI::App& command, DatabaseOption& option);

// Opens and migrates the database, with the keys when some were given; for SQLite, creates the
// directory when absent.
Result<std::unique_ptr<store::Database>> OpenDatabase(const DatabaseOption& option);

// Prints why a command failed (with the store's reason, which helps an operator) and returns its
// exit code: 2 for wrong input, 1 otherwise.
int Fail(const Error& error);

// For the commands that read or write patients' identities (serve, demo, keys rotate): the
// error to show when the database was opened without keys.
Result<void> RequireKeys(const store::Database& database);

// Opens the database or prints why not; the caller exits with 1 on nullptr.
std::unique_ptr<store::Database> OpenOrReport(const DatabaseOption& option);

}  // namespace meekijk::cli
