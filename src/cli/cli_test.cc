// The command line as an administrator uses it: each command on a fresh data directory.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <map>

#include "testing/server_process.h"
#include "store/database.h"
#include "store/consults.h"
#include "store/second_factors.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk::cli {
namespace {

using testing::RunCommand;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(RunCommand(MEEKIJK_BINARY, {"keys", "new", "--key-file", key_file_}).exit_code, 0);
  }
  testing::CommandResult Run(std::vector<std::string> args) {
    for (const std::string& arg : {std::string("--data"), dir_, std::string("--key-file"), key_file_}) {
      args.push_back(arg);
    }
    return RunCommand(MEEKIJK_BINARY, args);
  }
  std::string dir_ = testing::MakeTemporaryDirectory();
  std::string key_file_ = testing::MakeTemporaryDirectory() + "/meekijk.key";
};

TEST_F(CliTest, MigrateReportsTheSchemaVersion) {
  testing::CommandResult result = Run({"migrate"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "schema version 13\n");
}

TEST_F(CliTest, WorkdaysPrintsTheHolidaysOfAYearOneLineEach) {
  testing::CommandResult holidays = RunCommand(MEEKIJK_BINARY, {"workdays", "holidays", "2025"});
  EXPECT_EQ(holidays.exit_code, 0) << holidays.err;
  EXPECT_EQ(holidays.out,
            "2025-01-01 Nieuwjaarsdag\n2025-04-21 Tweede Paasdag\n2025-04-26 Koningsdag\n"
            "2025-05-29 Hemelvaartsdag\n2025-06-09 Tweede Pinksterdag\n"
            "2025-12-25 Eerste Kerstdag\n2025-12-26 Tweede Kerstdag\n");
  testing::CommandResult with_days_off = RunCommand(
      MEEKIJK_BINARY, {"workdays", "holidays", "2026", "--good-friday", "--liberation-day"});
  EXPECT_NE(with_days_off.out.find("2026-04-03 Goede Vrijdag\n"), std::string::npos);
  EXPECT_NE(with_days_off.out.find("2026-05-05 Bevrijdingsdag\n"), std::string::npos);
  EXPECT_EQ(RunCommand(MEEKIJK_BINARY, {"workdays", "holidays", "99999"}).exit_code, 2);
}

TEST_F(CliTest, WorkdaysAddsWorkingDaysInAmsterdamTime) {
  struct Case {
    std::vector<std::string> args;
    std::string out;
  };
  const Case cases[] = {
      {{"2026-04-24T10:00", "6"}, "2026-05-05T10:00\n"},  // over Koningsdag
      {{"2026-04-24T10:00", "6", "--liberation-day"}, "2026-05-06T10:00\n"},
      {{"2026-04-02T16:30:15", "1", "--good-friday"}, "2026-04-07T16:30:15\n"},
      {{"2026-12-24T09:00", "1"}, "2026-12-28T09:00\n"},  // over both Kerstdagen and a weekend
      {{"2026-03-28T11:00", "0"}, "2026-03-30T08:00\n"},  // a Saturday: the clock starts Monday
      {{"2026-03-27T10:00", "1"}, "2026-03-30T10:00\n"},  // across the change to summer time
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{"workdays", "add"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    testing::CommandResult result = RunCommand(MEEKIJK_BINARY, args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, c.out) << c.args.front();
  }
  for (std::vector<std::string> bad : {std::vector<std::string>{"2026-02-30T10:00", "1"},
                                       {"2026-03-02 10:00", "1"},
                                       {"2026-03-02T24:00", "1"},
                                       {"2026-03-02T10:00", "-1"}}) {
    std::vector<std::string> args{"workdays", "add"};
    args.insert(args.end(), bad.begin(), bad.end());
    testing::CommandResult result = RunCommand(MEEKIJK_BINARY, args);
    EXPECT_EQ(result.exit_code, 2) << bad.front();
    EXPECT_EQ(result.out, "");
    EXPECT_NE(result.err.find("meekijk: "), std::string::npos) << bad.front();
  }
}

std::string WriteFile(const std::string& name, const std::string& text) {
  std::string path = testing::MakeTemporaryDirectory() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST_F(CliTest, ImportsOrganisationsByAgbCodeIdempotentlyWithADryRunAndRejectedLines) {
  std::string file = WriteFile(
      "organisaties.csv",
      "agb;name;kind;parent_agb;region\r\n"
      "03099001;Zorggroep Utrecht-West;care_group;;Utrecht\r\n"
      "01099001;\"Praktijk \"\"De Linde\"\"\";gp_practice;03099001;Utrecht\r\n"
      "01099002;Praktijk Elders;gp_practice;99999999;Utrecht\r\n"
      "0109;Kapotte code;gp_practice;;Utrecht\r\n");
  testing::CommandResult dry = Run({"import", "organisations", file, "--dry-run"});
  EXPECT_EQ(dry.exit_code, 1) << dry.err;  // rows were rejected
  EXPECT_NE(dry.out.find("line 4: "), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("line 5: An AGB code consists of exactly 8 digits."), std::string::npos);
  EXPECT_NE(dry.out.find("would add 2, would change 0, unchanged 0, rejected 2 (dry run"),
            std::string::npos) << dry.out;
  EXPECT_EQ(Run({"org", "list"}).out.find("De Linde"), std::string::npos);

  testing::CommandResult first = Run({"import", "organisations", file});
  EXPECT_NE(first.out.find("added 2, changed 0, unchanged 0, rejected 2"), std::string::npos)
      << first.out;
  EXPECT_NE(Run({"org", "list"}).out.find("Praktijk \"De Linde\""), std::string::npos);
  testing::CommandResult again = Run({"import", "organisations", file});
  EXPECT_NE(again.out.find("added 0, changed 0, unchanged 2, rejected 2"), std::string::npos)
      << again.out;
  std::string renamed = WriteFile("hernoemd.csv",
                                  "agb,name,kind,region\n03099001,Zorggroep West,care_group,Utrecht\n");
  testing::CommandResult changed = Run({"import", "organisations", renamed});
  EXPECT_EQ(changed.exit_code, 0) << changed.out;
  EXPECT_NE(changed.out.find("added 0, changed 1, unchanged 0, rejected 0"), std::string::npos);
}

TEST_F(CliTest, ImportsPractitionersIntoKnownOrganisationsAndWritesNothingFromAMalformedFile) {
  ASSERT_EQ(Run({"import", "organisations",
                 WriteFile("o.csv", "agb,name,kind,region\n01099001,Praktijk Oost,gp_practice,"
                                    "Utrecht\n")}).exit_code, 0);
  std::string people = WriteFile(
      "zorgverleners.csv",
      "agb,username,display_name,email,organisation_agb,role\n"
      "01888001,huisarts.oost,Dr. Oost,oost@example.nl,01099001,gp\n"
      "01888002,specialist.fout,Dr. Fout,,01099001,specialist\n"
      "01888003,huisarts.weg,Dr. Weg,,01000000,gp\n");
  testing::CommandResult imported = Run({"import", "practitioners", people});
  EXPECT_EQ(imported.exit_code, 1);
  EXPECT_NE(imported.out.find("line 3: the role does not fit Praktijk Oost."), std::string::npos)
      << imported.out;
  EXPECT_NE(imported.out.find("line 4: no organisation with AGB code \"01000000\"."),
            std::string::npos);
  EXPECT_NE(imported.out.find("added 1, changed 0, unchanged 0, rejected 2"), std::string::npos);
  testing::CommandResult again = Run({"import", "practitioners", people});
  EXPECT_NE(again.out.find("added 0, changed 0, unchanged 1, rejected 2"), std::string::npos)
      << again.out;

  for (const std::string& text :
       {std::string("agb,display_name,organisation_agb,role\n\"01888009,Dr. Open,01099001,gp\n"),
        std::string("agb,naam,organisation_agb,role\n01888009,Dr. Kolom,01099001,gp\n"),
        std::string("agb,display_name,organisation_agb,role\n01888009,Dr. Te veel,01099001,gp,x\n")}) {
    testing::CommandResult malformed = Run({"import", "practitioners", WriteFile("kapot.csv", text)});
    EXPECT_EQ(malformed.exit_code, 2) << text;
    EXPECT_NE(malformed.err.find("nothing written"), std::string::npos) << malformed.err;
  }
  EXPECT_EQ(Run({"import", "practitioners", "/niet/bestaand.csv"}).exit_code, 2);
}

TEST_F(CliTest, DemoPrintsAccountsOfEveryRoleAndFillsOnlyAnEmptyDatabase) {
  testing::CommandResult result = Run({"demo", "--password", "demo-wachtwoord", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  boost::json::array accounts = boost::json::parse(result.out).as_array();
  std::set<std::string> roles;
  for (const auto& account : accounts) {
    roles.insert(std::string(account.at("role").as_string()));
    EXPECT_GT(account.at("organisation_id").as_int64(), 0);
    EXPECT_FALSE(account.at("organisation_kind").as_string().empty());
  }
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

// The mail outbox for the operator: the demo's consults left mails waiting (no mail server).
using OutboxCliTest = AuditCliTest;

TEST_P(OutboxCliTest, ListsTheMailsByStatusAndTriesDeadOnesAgain) {
  testing::CommandResult pending = Run({"outbox", "list", "--status", "pending"});
  ASSERT_EQ(pending.exit_code, 0) << pending.err;
  EXPECT_NE(pending.out.find("@example.nl"), std::string::npos) << pending.out;
  EXPECT_EQ(pending.out.find("Handeczeem"), std::string::npos);  // no patient data, ever
  Raw("UPDATE outbox SET status = 'dead', attempts = 12, last_error = '550 mailbox unavailable' "
      "WHERE id = 1");
  testing::CommandResult dead = Run({"outbox", "list", "--status", "dead"});
  EXPECT_NE(dead.out.find("550 mailbox unavailable"), std::string::npos) << dead.out;
  EXPECT_NE(dead.out.find("\n1 mail(s)\n"), std::string::npos) << dead.out;
  testing::CommandResult retried = Run({"outbox", "retry", "--dead"});
  EXPECT_EQ(retried.exit_code, 0) << retried.err;
  EXPECT_EQ(retried.out, "1 mail(s) due again now\n");
  EXPECT_NE(Run({"outbox", "list", "--status", "dead"}).out.find("\n0 mail(s)\n"),
            std::string::npos);
  Raw("UPDATE outbox SET status = 'delivered' WHERE id = 2");
  testing::CommandResult delivered = Run({"outbox", "retry", "2", "999999"});
  EXPECT_EQ(delivered.exit_code, 1);
  EXPECT_NE(delivered.err.find("mail 2: not found or delivered already"), std::string::npos);
  EXPECT_EQ(Run({"outbox", "retry"}).exit_code, 2);
  EXPECT_NE(Run({"outbox", "list", "--status", "lost"}).exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, OutboxCliTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::cli

namespace meekijk::cli {
namespace {

class KeysCliTest : public AuditCliTest {};

TEST_P(KeysCliTest, RotateSealsEveryIdentityUnderTheNewKeyIncludingPlainTextFromBefore) {
  // A row as an installation from before encryption has it: the identity in the clear.
  Raw("UPDATE consults SET patient_name = 'Oude Naam', patient_bsn = '271828183' WHERE id = 2");
  testing::CommandResult rotated = Run({"keys", "rotate"});
  ASSERT_EQ(rotated.exit_code, 0) << rotated.err;
  EXPECT_NE(rotated.out.find("key 2 is current"), std::string::npos) << rotated.out;
  std::unique_ptr<store::Database> db = database_->Open();
  ASSERT_TRUE(db->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.connection().Query("SELECT patient_name, patient_birth_date, "
                                              "patient_bsn FROM consults"));
    for (const store::Row& row : rows) {
      for (size_t i = 0; i < 3; ++i) {
        if (!row.IsNull(i)) {
          EXPECT_EQ(row.Text(i).rfind("enc1:2:", 0), 0u) << row.Text(i);
        }
      }
    }
    MK_ASSIGN_OR_RETURN(std::vector<domain::Consult> found, tx.consults().FindByBsn("271828183"));
    EXPECT_EQ(found.size(), 1u);
    if (!found.empty()) {
      EXPECT_EQ(found.front().content.patient.name, "Oude Naam");
    }
    return Ok();
  }).ok());
  testing::CommandResult again = Run({"keys", "rotate"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("key 3 is current"), std::string::npos) << again.out;
}

TEST_P(KeysCliTest, RotateReSealsTheSecondFactorSecretsWhichStillMakeTheSameCodes) {
  auto secrets = [&] {
    std::map<int64_t, std::string> out;
    std::unique_ptr<store::Database> db = database_->Open();
    EXPECT_TRUE(db->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(store::Rows rows,
                          tx.connection().Query("SELECT user_id, secret FROM second_factors"));
      for (const store::Row& row : rows) {
        out[row.Int(0)] = row.Text(1);
        MK_ASSIGN_OR_RETURN(std::optional<store::SecondFactorRecord> factor,
                            tx.second_factors().Find(row.Int(0)));
        EXPECT_TRUE(factor && factor->secret) << row.Int(0);
        if (factor && factor->secret) out[-row.Int(0)] = *factor->secret;  // opened
      }
      return Ok();
    }).ok());
    return out;
  };
  std::map<int64_t, std::string> before = secrets();
  ASSERT_FALSE(before.empty());
  ASSERT_EQ(Run({"keys", "rotate"}).exit_code, 0);
  std::map<int64_t, std::string> after = secrets();
  ASSERT_EQ(after.size(), before.size());
  for (const auto& [id, value] : after) {
    if (id > 0) {
      EXPECT_EQ(value.rfind("enc1:2:", 0), 0u) << "user " << id << ": " << value;
      EXPECT_NE(value, before.at(id));
    } else {
      EXPECT_EQ(value, before.at(id)) << "user " << -id << "'s secret changed";
    }
  }
}

TEST_P(KeysCliTest, NewRefusesToOverwriteAKeyFile) {
  testing::CommandResult refused = RunCommand(MEEKIJK_BINARY, {"keys", "new", "--key-file",
                                                               database_->key_file()});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("exists already"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, KeysCliTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::cli

namespace meekijk::cli {
namespace {

class RetentionCliTest : public AuditCliTest {
 protected:
  int64_t Count(const std::string& sql) {
    int64_t n = -1;
    std::unique_ptr<store::Database> db = database_->Open();
    EXPECT_TRUE(db->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(store::Rows rows, tx.connection().Query(sql));
      n = rows.front().Int(0);
      return Ok();
    }).ok());
    return n;
  }
};

TEST_P(RetentionCliTest, PurgesOnlyConsultsPastThePeriodLogsThemAndHasADryRun) {
  int64_t before = Count("SELECT COUNT(*) FROM consults");
  // Two consults last changed 21 years ago (2005); one just inside the period.
  Raw("UPDATE consults SET updated_at = 1104537600000 WHERE id IN (1, 2)");
  Raw("UPDATE consults SET updated_at = " +
      std::to_string(ToUnixMillis(std::chrono::system_clock::now() - std::chrono::days(7290))) +
      " WHERE id = 3");
  testing::CommandResult dry = Run({"retention", "purge", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("would remove 2 consults"), std::string::npos) << dry.out;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM consults"), before);

  testing::CommandResult purged = Run({"retention", "purge"});
  ASSERT_EQ(purged.exit_code, 0) << purged.err;
  EXPECT_NE(purged.out.find("removed 2 consults"), std::string::npos) << purged.out;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM consults"), before - 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM messages WHERE consult_id IN (1, 2)"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM attachments WHERE consult_id IN (1, 2)"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM access_log WHERE action = 'consult.purge'"), 2);
  EXPECT_GT(Count("SELECT COUNT(*) FROM access_log WHERE consult_id IN (1, 2) "
                  "AND action <> 'consult.purge'"), 0) << "the access log keeps its rows";
  EXPECT_EQ(Run({"audit", "verify"}).exit_code, 0);
  EXPECT_EQ(Run({"retention", "purge", "--years", "0"}).exit_code, 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, RetentionCliTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::cli
