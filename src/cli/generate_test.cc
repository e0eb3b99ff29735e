// `meekijk generate` as someone measuring uses it: the demo region first (its people log in),
// then a generated dataset beside it, in a realistic mix, with every index in place afterwards.
#include <gtest/gtest.h>

#include <map>

#include "store/database.h"
#include "store/sqlite/sqlite_database.h"
#include "store/tx.h"
#include "testing/server_process.h"
#include "testing/test_database.h"

namespace meekijk::cli {
namespace {

using testing::RunCommand;

class GenerateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(RunCommand(MEEKIJK_BINARY, {"keys", "new", "--key-file", key_file_}).exit_code, 0);
    ASSERT_EQ(Run({"demo", "--without-history", "--password", "demo-wachtwoord"}).exit_code, 0);
  }
  testing::CommandResult Run(std::vector<std::string> args) {
    for (const std::string& arg : {std::string("--data"), dir_, std::string("--key-file"), key_file_}) {
      args.push_back(arg);
    }
    return RunCommand(MEEKIJK_BINARY, args);
  }
  // One number read from the generated database.
  int64_t Count(const std::string& sql) {
    auto database = store::sqlite::OpenSqliteDatabase(dir_ + "/meekijk.db");
    EXPECT_TRUE(database.ok());
    int64_t count = -1;
    EXPECT_TRUE((*database)->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(store::Rows rows, tx.connection().Query(sql));
      count = rows.front().Int(0);
      return Ok();
    }).ok());
    return count;
  }
  std::string dir_ = testing::MakeTemporaryDirectory();
  std::string key_file_ = testing::MakeTemporaryDirectory() + "/meekijk.key";
};

TEST_F(GenerateTest, AddsConsultsInARealisticMixBesideTheDemo) {
  int64_t demo_consults = Count("SELECT COUNT(*) FROM consults");
  testing::CommandResult result = Run({"generate", "--scale", "20000", "--seed", "7"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("consults 20000"), std::string::npos) << result.out;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM consults"), demo_consults + 20000);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT number) FROM consults"), demo_consults + 20000);
  // Every answered consult has its advice in a thread of one to six messages.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM consults c WHERE c.status IN ('answered', 'closed') AND "
                  "NOT EXISTS (SELECT 1 FROM messages m WHERE m.consult_id = c.id "
                  "AND m.kind = 'advice')"),
            0);
  int64_t longest =
      Count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM messages GROUP BY consult_id) t");
  EXPECT_GE(longest, 5);
  EXPECT_LE(longest, 6);
  // About two thirds of the closed consults stayed in primary care (published: 60–72%).
  int64_t closed = Count("SELECT COUNT(*) FROM consults WHERE status = 'closed'");
  int64_t primary = Count("SELECT COUNT(*) FROM consults WHERE status = 'closed' "
                          "AND outcome = 'primary_care'");
  ASSERT_GT(closed, 10000);
  EXPECT_NEAR(static_cast<double>(primary) / static_cast<double>(closed), 0.66, 0.06);
  // Dermatology is the largest specialty; every state of the life cycle occurs.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM (SELECT specialty, COUNT(*) AS n FROM consults "
                  "GROUP BY specialty ORDER BY n DESC LIMIT 1) t WHERE specialty = 'dermatologie'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT status) FROM consults WHERE status <> 'draft'"), 7);
  EXPECT_GT(Count("SELECT COUNT(*) FROM consults WHERE mode = 'physical'"), 0);
  // The demo's practices have their share too: their GPs see generated consults.
  EXPECT_GT(Count("SELECT COUNT(*) FROM consults c JOIN organisations o ON o.id = c.practice_id "
                  "WHERE o.name = 'Huisartsenpraktijk Kralingen'"),
            20);
}

TEST_F(GenerateTest, ALargeLoadLeavesEveryIndexInPlaceAndASecondRunAddsToTheFirst) {
  int64_t indexes = Count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'");
  ASSERT_EQ(Run({"generate", "--scale", "100000"}).exit_code, 0);  // takes the indexes down
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'"), indexes);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM suspended_indexes"), 0);
  ASSERT_EQ(Run({"generate", "--scale", "2000"}).exit_code, 0);
  EXPECT_GE(Count("SELECT COUNT(*) FROM consults"), 102000);
}

TEST_F(GenerateTest, RefusesAScaleItDoesNotKnowAndChangesNothing) {
  int64_t before = Count("SELECT COUNT(*) FROM consults");
  testing::CommandResult result = Run({"generate", "--scale", "heel-veel"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--scale is national, region or a number"), std::string::npos)
      << result.err;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM consults"), before);
}

}  // namespace
}  // namespace meekijk::cli
