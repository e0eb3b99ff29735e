// The command line as an administrator uses it: each command on a fresh data directory.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>

#include "testing/server_process.h"
#include "store/database.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk::cli {
namespace {

using testing::RunCommand;

class CliTest : public ::testing::Test {
 protected:
  testing::CommandResult Run(std::vector<std::string> args) {
    args.push_back("--data");
    args.push_back(dir_);
    return RunCommand(MEEKIJK_BINARY, args);
  }
  std::string dir_ = testing::MakeTemporaryDirectory();
};

TEST_F(CliTest, MigrateReportsTheSchemaVersion) {
  testing::CommandResult result = Run({"migrate"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "schema version 3\n");
}

TEST_F(CliTest, DemoPrintsAccountsOfEveryRoleAndFillsOnlyAnEmptyDatabase) {
  testing::CommandResult result = Run({"demo", "--password", "demo-wachtwoord", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  boost::json::array accounts = boost::json::parse(result.out).as_array();
  std::set<std::string> roles;
  for (const auto& account : accounts) roles.insert(std::string(account.at("role").as_string()));
  EXPECT_EQ(roles, (std::set<std::string>{"gp", "assistant", "specialist", "coordinator", "analyst",
                                          "privacy_officer", "admin"}));
  testing::CommandResult again = Run({"demo", "--password", "demo-wachtwoord"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("already holds data"), std::string::npos);
}

TEST_F(CliTest, UserAddValidatesAndTheNewUserCanLogIn) {
  ASSERT_EQ(Run({"demo", "--password", "demo-wachtwoord"}).exit_code, 0);
  testing::CommandResult organisations = Run({"org", "list"});
  ASSERT_NE(organisations.out.find("Huisartsenpraktijk Kralingen"), std::string::npos);
  std::string practice = organisations.out.substr(organisations.out.find("3\tgp_practice"), 1);
  EXPECT_EQ(Run({"user", "add", "--username", "nieuw", "--name", "Dr. Nieuw", "--organisation",
                 practice, "--role", "surgeon", "--password", "lang-genoeg-123"}).exit_code, 2);
  testing::CommandResult wrong_place = Run({"user", "add", "--username", "nieuw", "--name", "Dr. N",
                                            "--organisation", practice, "--role", "specialist",
                                            "--password", "lang-genoeg-123"});
  EXPECT_EQ(wrong_place.exit_code, 2);
  EXPECT_NE(wrong_place.err.find("does not fit"), std::string::npos);
  testing::CommandResult added = Run({"user", "add", "--username", "nieuw", "--name", "Dr. N",
                                      "--organisation", practice, "--role", "gp", "--password",
                                      "lang-genoeg-123"});
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(Run({"user", "add", "--username", "nieuw", "--name", "Dr. N", "--organisation",
                 practice, "--role", "gp", "--password", "lang-genoeg-123"}).exit_code, 1);
}

TEST_F(CliTest, ServeRefusesAMetricsTokenFileItCannotUseAndSaysWhy) {
  testing::CommandResult missing =
      Run({"serve", "--listen", "127.0.0.1:0", "--metrics-token-file", dir_ + "/none"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("Cannot read the metrics token"), std::string::npos) << missing.err;
  std::string short_token = dir_ + "/short";
  FILE* file = std::fopen(short_token.c_str(), "w");
  ASSERT_NE(file, nullptr);
  std::fputs("geheim\n", file);
  std::fclose(file);
  testing::CommandResult weak =
      Run({"serve", "--listen", "127.0.0.1:0", "--metrics-token-file", short_token});
  EXPECT_EQ(weak.exit_code, 2);
  EXPECT_NE(weak.err.find("at least 16 characters"), std::string::npos) << weak.err;
}

TEST_F(CliTest, ExplainsItselfAndRefusesUnknownCommands) {
  testing::CommandResult help = RunCommand(MEEKIJK_BINARY, {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("meekijkconsult"), std::string::npos);
  EXPECT_NE(RunCommand(MEEKIJK_BINARY, {"bogus"}).exit_code, 0);
  EXPECT_NE(RunCommand(MEEKIJK_BINARY, {"serve", "--data", dir_, "--listen", "nowhere"}).exit_code, 0);
}

}  // namespace
}  // namespace meekijk::cli

namespace meekijk::cli {
namespace {

// `meekijk audit verify` and `audit anchor` on both engines, as an auditor runs them.
class AuditCliTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<testing::TestDatabase>(GetParam());
    ASSERT_EQ(Run({"demo", "--password", "demo-wachtwoord"}).exit_code, 0);
  }
  testing::CommandResult Run(std::vector<std::string> args) {
    for (const std::string& arg : database_->CommandLineArguments()) args.push_back(arg);
    return RunCommand(MEEKIJK_BINARY, args);
  }
  void Raw(const std::string& sql) {
    std::unique_ptr<store::Database> db = database_->Open();
    ASSERT_TRUE(db->Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(tx.connection().Execute(sql));
      return Ok();
    }).ok());
  }
  std::unique_ptr<testing::TestDatabase> database_;
};

TEST_P(AuditCliTest, VerifyExitsZeroOnAnIntactLogAndNamesTheFirstBadRowOtherwise) {
  testing::CommandResult intact = Run({"audit", "verify"});
  EXPECT_EQ(intact.exit_code, 0) << intact.out << intact.err;
  EXPECT_EQ(intact.out.rfind("access log intact: ", 0), 0u) << intact.out;
  testing::CommandResult anchor = Run({"audit", "anchor"});
  ASSERT_EQ(anchor.exit_code, 0) << anchor.err;
  std::string head = anchor.out.substr(0, anchor.out.find('\n'));
  EXPECT_NE(anchor.err.find("\"access_log_anchor\""), std::string::npos) << "logged as well";
  EXPECT_EQ(Run({"audit", "verify", "--anchor", head}).exit_code, 0);
  EXPECT_EQ(Run({"audit", "verify", "--anchor", "12:kort"}).exit_code, 2);

  Raw("UPDATE access_log SET outcome = 'success', detail = 'niets gezien' WHERE id = 7");
  testing::CommandResult changed = Run({"audit", "verify"});
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_NE(changed.out.find("first bad row 7"), std::string::npos) << changed.out;
}

TEST_P(AuditCliTest, CuttingOffTheNewestRowsIsCaughtByTheAnchorInTheServersLog) {
  testing::CommandResult anchor = Run({"audit", "anchor"});
  ASSERT_EQ(anchor.exit_code, 0);
  std::string log_file = testing::MakeTemporaryDirectory() + "/server.log";
  {
    std::FILE* f = std::fopen(log_file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("not json\n", f);
    std::fputs(anchor.err.c_str(), f);
    std::fclose(f);
  }
  EXPECT_EQ(Run({"audit", "verify", "--anchors-from", log_file}).exit_code, 0);
  std::string id = anchor.out.substr(0, anchor.out.find(':'));
  Raw("DELETE FROM access_log WHERE id >= " + id);
  EXPECT_EQ(Run({"audit", "verify"}).exit_code, 0) << "a shorter chain on its own looks fine";
  testing::CommandResult cut = Run({"audit", "verify", "--anchors-from", log_file});
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_NE(cut.out.find("cut off"), std::string::npos) << cut.out;
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditCliTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::cli
