#include "service/login_service.h"

#include <gtest/gtest.h>

#include "auth/token.h"
#include "service/directory_service.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/directory.h"
#include "store/logins.h"
#include "store/logins.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

class LoginServiceTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    DirectoryService directory(*db_, clock_);
    int64_t practice = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "Praktijk", "01000001", {}, ""});
    ASSERT_TRUE(directory.AddUser({"huisarts", "Dr. De Vries", "", {}, "wachtwoord-123",
                                   {{practice, domain::Role::kGp}}}).ok());
  }

  FakeClock clock_{FromUnixMillis(1772442900000)};
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
};

TEST_P(LoginServiceTest, LogsInAndAuthenticatesUntilExpiry) {
  LoginService sessions(*db_, clock_, std::chrono::minutes(60));
  Result<LoginResult> login = sessions.Login("huisarts", "wachtwoord-123", {"::1", "r1"});
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->principal.memberships.size(), 1u);
  Result<Principal> principal = sessions.Authenticate(login->token, {"::1", "r2"});
  ASSERT_TRUE(principal.ok());
  EXPECT_EQ(principal->user.username, "huisarts");
  EXPECT_TRUE(principal->user.password_hash.empty());
  clock_.Advance(std::chrono::minutes(61));
  EXPECT_EQ(sessions.Authenticate(login->token, {}).error().code, ErrorCode::kUnauthenticated);
}

TEST_P(LoginServiceTest, RefusesWrongPasswordsAndUnknownUsersAlike) {
  LoginService sessions(*db_, clock_, std::chrono::minutes(60));
  Result<LoginResult> wrong = sessions.Login("huisarts", "fout", {});
  Result<LoginResult> unknown = sessions.Login("niemand", "wachtwoord-123", {});
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error(), unknown.error());
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
}

TEST_P(LoginServiceTest, LogoutEndsTheSession) {
  LoginService sessions(*db_, clock_, std::chrono::minutes(60));
  Result<LoginResult> login = sessions.Login("huisarts", "wachtwoord-123", {});
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(sessions.Logout(login->token).ok());
  EXPECT_FALSE(sessions.Authenticate(login->token, {}).ok());
  EXPECT_FALSE(sessions.Authenticate("", {}).ok());
}

TEST_P(LoginServiceTest, ALoginPurgesTheSessionsThatHaveExpired) {
  LoginService sessions(*db_, clock_, std::chrono::minutes(60));
  Result<LoginResult> old_login = sessions.Login("huisarts", "wachtwoord-123", {});
  ASSERT_TRUE(old_login.ok());
  clock_.Advance(std::chrono::minutes(30));
  Result<LoginResult> recent_login = sessions.Login("huisarts", "wachtwoord-123", {});
  ASSERT_TRUE(recent_login.ok());
  clock_.Advance(std::chrono::minutes(31));  // the first has expired, the second has not
  ASSERT_TRUE(sessions.Login("huisarts", "wachtwoord-123", {}).ok());
  auto stored = [&](const std::string& token) {
    return store::Transact<bool>(*db_, store::Access::kRead, [&](store::Tx& tx) -> Result<bool> {
      MK_ASSIGN_OR_RETURN(auto session, tx.logins().Find(auth::HashSessionToken(token)));
      return session.has_value();
    });
  };
  Result<bool> old_stored = stored(old_login->token), recent_stored = stored(recent_login->token);
  ASSERT_TRUE(old_stored.ok() && recent_stored.ok());
  EXPECT_FALSE(*old_stored);
  EXPECT_TRUE(*recent_stored);
}

INSTANTIATE_TEST_SUITE_P(Engines, LoginServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
