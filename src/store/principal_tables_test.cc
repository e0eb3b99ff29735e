// Which statements end the logins a node keeps: writes to the tables a login is read from.
#include "store/principal_tables.h"

#include <gtest/gtest.h>

namespace meekijk::store {
namespace {

TEST(PrincipalTables, WritesToTheTablesALoginIsReadFromCount) {
  EXPECT_TRUE(ChangesPrincipalTables("UPDATE users SET active = ? WHERE id = ?"));
  EXPECT_TRUE(ChangesPrincipalTables("  DELETE FROM sessions WHERE token_hash = ?"));
  EXPECT_TRUE(ChangesPrincipalTables("INSERT INTO memberships (user_id) VALUES (?)"));
  EXPECT_TRUE(ChangesPrincipalTables("INSERT INTO pool_members (pool_id, user_id) VALUES (?, ?) "
                                     "ON CONFLICT DO NOTHING"));
  EXPECT_TRUE(ChangesPrincipalTables("update second_factors set confirmed_at = ?"));
}

TEST(PrincipalTables, ReadsAndOtherTablesDoNot) {
  EXPECT_FALSE(ChangesPrincipalTables("SELECT id FROM users WHERE id = ?"));
  EXPECT_FALSE(ChangesPrincipalTables("INSERT INTO access_log (user_id) VALUES (?)"));
  EXPECT_FALSE(ChangesPrincipalTables("UPDATE consults SET status = ?"));
  EXPECT_FALSE(ChangesPrincipalTables("UPDATE users_archive SET x = 1"));  // a table, not a prefix
}

TEST(PrincipalTables, AChangeCountsUpTheGeneration) {
  uint64_t before = PrincipalTablesGeneration();
  NotePrincipalTablesChanged();
  EXPECT_GT(PrincipalTablesGeneration(), before);
}

}  // namespace
}  // namespace meekijk::store
