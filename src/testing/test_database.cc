// Fresh databases for tests on both engines.
#include "testing/test_database.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "auth/key_ring.h"
#include "auth/token.h"
#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"
#include "store/tx.h"

namespace meekijk::testing {
namespace {

std::string PostgresBaseUrl() {
  const char* url = std::getenv("MEEKIJK_TEST_POSTGRES");
  return url != nullptr ? url : "";
}

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + auth::RandomHex(3);
}

std::string WithSearchPath(const std::string& url, const std::string& schema) {
  char separator = url.find('?') == std::string::npos ? '?' : '&';
  return url + separator + "options=-csearch_path%3D" + schema;
}

}  // namespace

std::vector<Engine> TestEngines() {
  std::vector<Engine> engines{Engine::kSqlite};
  const char* required = std::getenv("MEEKIJK_REQUIRE_POSTGRES");
  if (!PostgresBaseUrl().empty() || (required != nullptr && std::string(required) == "1")) {
    engines.push_back(Engine::kPostgres);
  }
  return engines;
}

std::string EngineName(Engine engine) {
  return engine == Engine::kSqlite ? "Sqlite" : "Postgres";
}

std::string MakeTemporaryDirectory() {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("meekijk-test-" + UniqueSuffix());
  std::filesystem::create_directories(path);
  return path.string();
}

TestDatabase::TestDatabase(Engine engine) : engine_(engine) {
  key_directory_ = MakeTemporaryDirectory();
  key_file_ = key_directory_ + "/meekijk.key";
  if (!auth::KeyRing::Generate().WriteFile(key_file_).ok()) {
    throw std::runtime_error("cannot write the test key file " + key_file_);
  }
  if (engine == Engine::kSqlite) {
    directory_ = MakeTemporaryDirectory();
    return;
  }
  std::string base = PostgresBaseUrl();
  if (base.empty()) {
    throw std::runtime_error("MEEKIJK_REQUIRE_POSTGRES=1 but MEEKIJK_TEST_POSTGRES is not set");
  }
  schema_ = "t_" + UniqueSuffix();
  auto admin = store::postgres::OpenPostgresDatabase(base, 1);
  if (!admin.ok()) throw std::runtime_error("cannot reach the test PostgreSQL at " + base);
  Result<void> created = (*admin)->Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.connection().Execute("CREATE SCHEMA " + schema_));
    return Ok();
  });
  if (!created.ok()) throw std::runtime_error("cannot create schema " + schema_);
  url_ = WithSearchPath(base, schema_);
}

TestDatabase::~TestDatabase() {
  std::error_code ignored;
  std::filesystem::remove_all(key_directory_, ignored);
  if (engine_ == Engine::kSqlite) {
    std::filesystem::remove_all(directory_, ignored);
    return;
  }
  auto admin = store::postgres::OpenPostgresDatabase(PostgresBaseUrl(), 1);
  if (!admin.ok()) return;
  (void)(*admin)->Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_RETURN_IF_ERROR(tx.connection().Execute("DROP SCHEMA " + schema_ + " CASCADE"));
    return Ok();
  });
}

std::vector<std::string> TestDatabase::CommandLineArguments() const {
  if (engine_ == Engine::kSqlite) return {"--data", directory_, "--key-file", key_file_};
  return {"--database", url_, "--key-file", key_file_};
}

std::unique_ptr<store::Database> TestDatabase::Open(
    std::shared_ptr<store::StatementFaults> faults) const {
  Result<std::unique_ptr<store::Database>> database =
      engine_ == Engine::kSqlite
          ? store::sqlite::OpenSqliteDatabase(directory_ + "/meekijk.db", 4, 128, faults)
          : store::postgres::OpenPostgresDatabase(url_, 4, faults);
  if (!database.ok()) throw std::runtime_error("cannot open the test database");
  static const SystemClock clock;
  Result<void> migrated = (*database)->Migrate(clock);
  if (!migrated.ok()) {
    throw std::runtime_error("cannot migrate the test database: " + migrated.error().reason + " " + migrated.error().message.en);
  }
  Result<auth::KeyRing> keys = auth::KeyRing::FromFile(key_file_);
  if (!keys.ok()) throw std::runtime_error("cannot read the test key file");
  (*database)->SetFieldCipher(std::make_shared<auth::KeyRing>(std::move(keys).value()));
  return std::move(database).value();
}

}  // namespace meekijk::testing
