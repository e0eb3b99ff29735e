// No BSN, name or date of birth in the clear anywhere in the data directory or the PostgreSQL
// database, and a BSN still found: a consult with identity is made through the API, then the raw
// bytes on disk are searched.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/api_test_fixture.h"
#include "auth/totp.h"
#include "store/database.h"
#include "store/tx.h"

namespace meekijk::api {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// Unique to this test, so that no other test's rows can match.
constexpr const char* kBsn = "271828183";
constexpr const char* kName = "Zwaantje Oudekerk-Vlietstra";
constexpr const char* kRealBirthDate = "1931-07-19";

class DataAtRestHttpTest : public ApiTest {
 protected:
  int64_t CreateIdentifiedConsult() {
    json::object body = NewConsultBody(true);
    body["specialty"] = "interne-geneeskunde";
    body["icpc"] = "T90";
    json::object& patient = body["patient"].as_object();
    patient["birth_year"] = 1931;
    patient["name"] = kName;
    patient["birth_date"] = kRealBirthDate;
    patient["bsn"] = kBsn;
    testing::HttpResponse created = Expect(
        201, "POST", "/api/v1/consults",
        client_->Post("/api/v1/consults", body, Token("huisarts.devries")));
    return created.status == 201 ? created.Json().at("id").as_int64() : 0;
  }

  // The files under `root` whose bytes contain `needle`.
  static std::vector<std::string> FilesContaining(const std::string& root, std::string_view needle) {
    std::vector<std::string> found;
    std::error_code error;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root, error)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      if (bytes.str().find(needle) != std::string::npos) found.push_back(entry.path().string());
    }
    return found;
  }
};

TEST_P(DataAtRestHttpTest, NoIdentityStandsInTheClearOnDisk) {
  int64_t id = CreateIdentifiedConsult();
  ASSERT_GT(id, 0);
  EXPECT_EQ(GetConsult(id, "huisarts.devries").at("patient").at("bsn"), kBsn);
  // What the database holds, through SQL on either engine.
  std::unique_ptr<store::Database> db = database_->Open();
  std::string stored;
  ASSERT_TRUE(db->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.connection().Query("SELECT patient_name, patient_birth_date, "
                                              "patient_bsn, patient_bsn_index FROM consults"));
    for (const store::Row& row : rows) {
      for (size_t i = 0; i < 4; ++i) {
        if (!row.IsNull(i)) stored += row.Text(i) + "\n";
      }
    }
    return Ok();
  }).ok());
  EXPECT_NE(stored.find("enc1:"), std::string::npos);
  for (const char* secret : {kBsn, kName, kRealBirthDate}) {
    EXPECT_EQ(stored.find(secret), std::string::npos) << secret;
  }
  // The raw files: SQLite's database and its write-ahead log, or PostgreSQL's data directory
  // after a checkpoint (heap files and WAL alike).
  std::string root = database_->directory();
  if (GetParam() == testing::Engine::kPostgres) {
    const char* data = std::getenv("MEEKIJK_TEST_POSTGRES_DATA");
    if (data == nullptr) GTEST_SKIP() << "MEEKIJK_TEST_POSTGRES_DATA is not set";
    root = data;
    ASSERT_TRUE(db->Run(store::Access::kWrite, [](store::Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(tx.connection().Execute("CHECKPOINT"));
      return Ok();
    }).ok());
  }
  ASSERT_FALSE(FilesContaining(root, "huisarts.devries").empty())
      << "the search looks where the data is";
  // Nor a user's second-factor secret, in base32 or as bytes.
  std::string otp_secret = otp_.SecretOf("huisarts.devries");
  ASSERT_FALSE(otp_secret.empty());
  for (const std::string& secret : {std::string(kBsn), std::string(kName),
                                    std::string(kRealBirthDate), auth::Base32(otp_secret),
                                    otp_secret}) {
    EXPECT_EQ(FilesContaining(root, secret), std::vector<std::string>()) << secret;
  }
  EXPECT_EQ(server_->Log().find(kBsn), std::string::npos) << "nor in the server's log";
}

TEST_P(DataAtRestHttpTest, AServerWithoutKeysRefusesToStart) {
  std::vector<std::string> args{"serve", "--listen", "127.0.0.1:0"};
  std::vector<std::string> db = database_->CommandLineArguments();
  args.insert(args.end(), db.begin(), db.begin() + 2);  // the data, not the key
  testing::CommandResult refused = testing::RunCommand(MEEKIJK_BINARY, args);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("No keys"), std::string::npos) << refused.err;
}

INSTANTIATE_TEST_SUITE_P(Engines, DataAtRestHttpTest, ::testing::ValuesIn(testing::TestEngines()),
                         TestName);

}  // namespace
}  // namespace meekijk::api
