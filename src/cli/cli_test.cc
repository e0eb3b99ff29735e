// The command line as an administrator uses it: each command on a fresh data directory.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>

#include "testing/server_process.h"
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
  EXPECT_EQ(result.out, "schema version 2\n");
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
