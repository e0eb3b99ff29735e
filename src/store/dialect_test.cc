#include "store/dialect.h"

#include <gtest/gtest.h>

namespace meekijk::store {
namespace {

TEST(DialectTest, NumbersPlaceholdersOutsideQuotes) {
  EXPECT_EQ(NumberPlaceholders("SELECT ? WHERE a = '?' AND b = ?"),
            "SELECT $1 WHERE a = '?' AND b = $2");
}

TEST(DialectTest, AppliesSchemaTokensPerEngine) {
  EXPECT_EQ(ApplySchemaTokens("id {{id}}, c {{blob}}", Dialect::kSqlite),
            "id INTEGER PRIMARY KEY, c BLOB");
  EXPECT_EQ(ApplySchemaTokens("c {{blob}}", Dialect::kPostgres), "c BYTEA");
}

}  // namespace
}  // namespace meekijk::store
