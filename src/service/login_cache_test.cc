// A login looked up by token is kept for a few seconds (DESIGN, Scale): answered without the
// database while kept; a change on this node ends it at once; a change another node made is seen
// once the kept login is older than the cache's lifetime. On both engines.
#include "service/login_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "service/directory_service.h"
#include "service/login_service.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

constexpr const char* kUserPassword = "wachtwoord-123";

// Fails every statement while `down` is set: the database is unreachable.
class Outage : public store::StatementFaults {
 public:
  std::optional<Error> Before(std::string_view) override {
    if (!down) return std::nullopt;
    return MakeFact(ErrorCode::kUnavailable, "database_unavailable");
  }
  std::atomic<bool> down{false};
};

class LoginCacheTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open(outage_);
    DirectoryService directory(*db_, clock_);
    int64_t practice = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "Praktijk", "01000001", {}, ""});
    gp_ = *directory.AddUser({"huisarts", "Dr. De Vries", "", {}, kUserPassword,
                              {{practice, domain::Role::kGp}}});
  }

  LoginService Logins(std::chrono::milliseconds cache) {
    LoginPolicy policy;
    policy.require_second_factor = false;
    policy.cache = cache;
    return LoginService(*db_, clock_, policy);
  }

  std::string LogIn(LoginService& logins) {
    Result<LoginResult> login = logins.Login({"huisarts", kUserPassword, "", "test"}, {"10.0.0.1", "r"});
    EXPECT_TRUE(login.ok());
    return login.ok() ? login->token : "";
  }

  Result<Principal> Authenticate(LoginService& logins, const std::string& token) {
    return logins.Authenticate(token, {"10.0.0.1", "r"}, /*activity=*/false);
  }

  // What another node does: a change that does not pass through this process's statements.
  void DeactivateElsewhere() {
    ASSERT_TRUE(db_->Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
      MK_RETURN_IF_ERROR(tx.connection().Execute("UPDATE users SET active = 0 WHERE id = " +
                                                 std::to_string(gp_)));
      return Ok();
    }).ok());
  }

  FakeClock clock_{FromUnixMillis(1772442900000)};
  std::shared_ptr<Outage> outage_ = std::make_shared<Outage>();
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  int64_t gp_ = 0;
};

TEST_P(LoginCacheTest, AKeptLoginIsAnsweredWithoutTheDatabase) {
  LoginService logins = Logins(std::chrono::minutes(1));
  std::string token = LogIn(logins);
  ASSERT_TRUE(Authenticate(logins, token).ok());
  outage_->down = true;
  Result<Principal> kept = Authenticate(logins, token);
  outage_->down = false;
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->user.username, "huisarts");
  EXPECT_EQ(kept->request.client_address, "10.0.0.1");  // the request is this one's, not the kept
}

TEST_P(LoginCacheTest, WithoutACacheEveryLookupReadsTheDatabase) {
  LoginService logins = Logins(std::chrono::milliseconds(0));
  std::string token = LogIn(logins);
  ASSERT_TRUE(Authenticate(logins, token).ok());
  outage_->down = true;
  EXPECT_FALSE(Authenticate(logins, token).ok());
  outage_->down = false;
}

TEST_P(LoginCacheTest, AChangeOnThisNodeEndsAKeptLoginAtOnce) {
  LoginService logins = Logins(std::chrono::minutes(1));
  std::string token = LogIn(logins);
  ASSERT_TRUE(Authenticate(logins, token).ok());
  ASSERT_TRUE(db_->Run(store::Access::kWrite, [&](store::Tx& tx) {
    return tx.directory().SetActive(gp_, false);
  }).ok());
  EXPECT_EQ(Authenticate(logins, token).error().code, ErrorCode::kUnauthenticated);
}

TEST_P(LoginCacheTest, ALogoutEndsAKeptLoginAtOnce) {
  LoginService logins = Logins(std::chrono::minutes(1));
  std::string token = LogIn(logins);
  ASSERT_TRUE(Authenticate(logins, token).ok());
  ASSERT_TRUE(logins.Logout(token).ok());
  EXPECT_FALSE(Authenticate(logins, token).ok());
}

TEST_P(LoginCacheTest, AChangeOnAnotherNodeIsSeenWithinTheCachesLifetime) {
  // Long enough that a slow machine (sanitizers, a busy CI) still finds the login kept below.
  LoginService logins = Logins(std::chrono::milliseconds(1500));
  std::string token = LogIn(logins);
  ASSERT_TRUE(Authenticate(logins, token).ok());
  DeactivateElsewhere();
  EXPECT_TRUE(Authenticate(logins, token).ok());  // still kept: the other node's change is unseen
  std::this_thread::sleep_for(std::chrono::milliseconds(1600));
  EXPECT_EQ(Authenticate(logins, token).error().code, ErrorCode::kUnauthenticated);
}

TEST_P(LoginCacheTest, AKeptLoginStillEndsAtItsIdleAndAbsoluteTime) {
  LoginService logins = Logins(std::chrono::hours(24));
  std::string token = LogIn(logins);
  ASSERT_TRUE(Authenticate(logins, token).ok());
  clock_.Advance(std::chrono::minutes(31));  // idle longer than 30 minutes, by the domain's clock
  EXPECT_FALSE(Authenticate(logins, token).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, LoginCacheTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
