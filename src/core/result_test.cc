#include "core/result.h"

#include <gtest/gtest.h>

namespace meekijk {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return MakeError(ErrorCode::kInvalidArgument, "oneven", "odd", "n");
  return n / 2;
}

Result<int> Quarter(int n) {
  MK_ASSIGN_OR_RETURN(int half, Half(n));
  return Half(half);
}

TEST(ResultTest, CarriesValueOrSpecificError) {
  EXPECT_EQ(*Half(4), 2);
  Result<int> odd = Half(3);
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(odd.error().field, "n");
  EXPECT_EQ(odd.error().message.en, "odd");
}

TEST(ResultTest, AssignOrReturnPropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).error().message.nl, "oneven");
}

TEST(ResultTest, ErrorCodesHaveStableNames) {
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kConflict), "conflict");
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kNotFound), "not_found");
}

}  // namespace
}  // namespace meekijk
