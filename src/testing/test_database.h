// Test support: fresh, empty databases for the suites that run on both engines.
// SQLite: a file in a new temporary directory. PostgreSQL: a new schema in the server that the
// test script started (MEEKIJK_TEST_POSTGRES holds its URL); every test gets its own.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/statement_faults.h"

namespace meekijk::testing {

enum class Engine { kSqlite, kPostgres };

// The engines to run on: SQLite always; PostgreSQL when MEEKIJK_TEST_POSTGRES is set. When
// MEEKIJK_REQUIRE_POSTGRES=1 and no server is given, the list holds PostgreSQL anyway, so that
// its tests fail loudly instead of being skipped in CI.
std::vector<Engine> TestEngines();
std::string EngineName(Engine engine);

// A place for one test's database, removed when it goes out of scope.
class TestDatabase {
 public:
  explicit TestDatabase(Engine engine);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // How `meekijk` is told where the data is and its key: {"--data", dir} or {"--database",
  // url}, and {"--key-file", file}.
  std::vector<std::string> CommandLineArguments() const;
  // Opens a new migrated Database on it; call as often as nodes are needed. `faults`, when given,
  // is asked before every statement after the migration.
  std::unique_ptr<store::Database> Open(std::shared_ptr<store::StatementFaults> faults = nullptr) const;
  Engine engine() const { return engine_; }
  // SQLite: the directory of the database files; empty for PostgreSQL.
  const std::string& directory() const { return directory_; }
  const std::string& key_file() const { return key_file_; }

 private:
  Engine engine_;
  std::string directory_;  // SQLite: the temporary directory
  std::string url_;        // PostgreSQL: the server URL with this test's schema
  std::string schema_;
  std::string key_directory_;  // apart from the data, as in production
  std::string key_file_;
};

// A new empty temporary directory, e.g. for a server's data.
std::string MakeTemporaryDirectory();

}  // namespace meekijk::testing
