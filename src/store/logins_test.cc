// The store contract, logins part.
#include "store/logins.h"

#include "store/store_test_fixture.h"

namespace meekijk::store {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

class LoginRepositoryTest : public StoreTest {};

LoginRecord LoginOf(int64_t user, std::string hash, TimePoint expires, TimePoint last_seen) {
  return {hash, user, kNow, expires, "::1", "id-" + hash, last_seen, kNow, true, "Firefox"};
}

TEST_P(LoginRepositoryTest, LoginsEndAtTheirAbsoluteEndOrWhenIdle) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    LoginRepository logins = tx.logins();
    LoginRecord current = LoginOf(d.gp, "hash-1", kNow + hours(1), kNow);
    MK_RETURN_IF_ERROR(logins.Insert(current));
    MK_RETURN_IF_ERROR(logins.Insert(LoginOf(d.gp, "hash-2", kNow - hours(1), kNow)));
    MK_RETURN_IF_ERROR(logins.Insert(LoginOf(d.gp, "idle", kNow + hours(1), kNow - hours(2))));
    MK_ASSIGN_OR_RETURN(auto found, Present(logins.Find("hash-1")));
    EXPECT_EQ(found, current);
    EXPECT_EQ(*logins.DeleteExpired(kNow, kNow - minutes(30)), 2);
    MK_RETURN_IF_ERROR(logins.Delete("hash-1"));
    MK_ASSIGN_OR_RETURN(auto gone, logins.Find("hash-1"));
    EXPECT_FALSE(gone.has_value());
    return Ok();
  });
}

TEST_P(LoginRepositoryTest, ActivityIsRecordedAtMostOncePerMinute) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    LoginRepository logins = tx.logins();
    MK_RETURN_IF_ERROR(logins.Insert(LoginOf(d.gp, "h", kNow + hours(1), kNow)));
    MK_RETURN_IF_ERROR(logins.Touch("h", kNow + std::chrono::seconds(30)));
    MK_ASSIGN_OR_RETURN(auto soon, Present(logins.Find("h")));
    EXPECT_EQ(soon.last_seen_at, kNow);
    MK_RETURN_IF_ERROR(logins.Touch("h", kNow + minutes(5)));
    MK_RETURN_IF_ERROR(logins.MarkVerified("h", kNow + minutes(6), true));
    MK_ASSIGN_OR_RETURN(auto later, Present(logins.Find("h")));
    EXPECT_EQ(later.last_seen_at, kNow + minutes(6));
    EXPECT_EQ(later.verified_at, kNow + minutes(6));
    return Ok();
  });
}

TEST_P(LoginRepositoryTest, AUserListsAndEndsTheirOwnLoginsOnly) {
  Write([&](Tx& tx) -> Result<void> {
    Region d = Seed(tx);
    LoginRepository logins = tx.logins();
    for (const char* hash : {"a", "b", "c"}) {
      MK_RETURN_IF_ERROR(logins.Insert(LoginOf(d.gp, hash, kNow + hours(1), kNow)));
    }
    MK_RETURN_IF_ERROR(logins.Insert(LoginOf(d.specialist, "theirs", kNow + hours(1), kNow)));
    MK_ASSIGN_OR_RETURN(auto mine, logins.OfUser(d.gp));
    EXPECT_EQ(mine.size(), 3u);
    EXPECT_FALSE(*logins.DeleteOfUser(d.gp, "id-theirs"));
    EXPECT_TRUE(*logins.DeleteOfUser(d.gp, "id-a"));
    EXPECT_EQ(*logins.DeleteAllOfUser(d.gp, "c"), 1);
    MK_ASSIGN_OR_RETURN(auto left, logins.OfUser(d.gp));
    EXPECT_EQ(left.size(), 1u);
    EXPECT_EQ(left.at(0).token_hash, "c");
    MK_ASSIGN_OR_RETURN(auto theirs, logins.OfUser(d.specialist));
    EXPECT_EQ(theirs.size(), 1u);
    return Ok();
  });
}

MEEKIJK_STORE_SUITE(LoginRepositoryTest);

}  // namespace
}  // namespace meekijk::store
