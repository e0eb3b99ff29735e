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
};

// Adds --data and --database (also read from MEEKIJK_DATA and MEEKIJK_DATABASE) to a command.
void AddDatabaseOption(CLI::App& command, DatabaseOption& option);

// Opens and migrates the database; for SQLite, creates the directory when absent.
Result<std::unique_ptr<store::Database>> OpenDatabase(const DatabaseOption& option);

// Prints why a command failed (with the store's reason, which helps an operator) and returns its
// exit code: 2 for wrong input, 1 otherwise.
int Fail(const Error& error);

// Opens the database or prints why not; the caller exits with 1 on nullptr.
std::unique_ptr<store::Database> OpenOrReport(const DatabaseOption& option);

}  // namespace meekijk::cli
