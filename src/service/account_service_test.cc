// Managing accounts, on both engines: whom a coordinator and an administrator manage, and the
// password reset link — made only after a recent re-authentication, used once, within a day, for
// a strong password, ending the user's logins.
#include "service/account_service.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "auth/password.h"
#include "service/directory_service.h"
#include "service/login_service.h"
#include "store/database.h"
#include "store/second_factors.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

using domain::OrgKind;
using domain::Role;

constexpr const char* kOldPassword = "oude-wachtwoord-2026";
constexpr const char* kNewPassword = "paarse olifanten dansen zelden op dinsdag";

class AccountServiceTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    DirectoryService directory(*db_, clock_);
    Result<int64_t> care_group =
        directory.AddOrganisation({0, OrgKind::kCareGroup, "Zorggroep", "03010001", {}, ""});
    ASSERT_TRUE(care_group.ok()) << care_group.error().message.en << care_group.error().reason;
    care_group_ = *care_group;
    practice_ =
        *directory.AddOrganisation({0, OrgKind::kGpPractice, "Praktijk", "01000001", care_group_, ""});
    other_practice_ =
        *directory.AddOrganisation({0, OrgKind::kGpPractice, "Elders", "01000002", {}, ""});
    coordinator_ = Add(directory, "coordinator", care_group_, Role::kCoordinator);
    gp_ = Add(directory, "huisarts", practice_, Role::kGp);
    other_gp_ = Add(directory, "huisarts.elders", other_practice_, Role::kGp);
    admin_ = Add(directory, "beheerder", care_group_, Role::kAdmin);
    accounts_ = std::make_unique<AccountService>(*db_, clock_);
    LoginPolicy policy;
    policy.require_second_factor = false;
    logins_ = std::make_unique<LoginService>(*db_, clock_, policy);
  }

  int64_t Add(DirectoryService& directory, const std::string& username, int64_t organisation,
              Role role) {
    Result<int64_t> id =
        directory.AddUser({username, "Naam van " + username, "", {}, kOldPassword, {{organisation, role}}});
    EXPECT_TRUE(id.ok()) << username << ": " << (id.ok() ? "" : id.error().message.en);
    return id.ok() ? *id : 0;
  }

  Principal Someone(int64_t user_id, int64_t organisation, Role role) {
    Principal principal;
    principal.user.id = user_id;
    principal.user.username = "user" + std::to_string(user_id);
    principal.memberships.push_back({organisation, role, "", OrgKind::kCareGroup, {}});
    principal.request = {"10.0.0.1", "req"};
    principal.login.token_hash = "login";
    principal.login.verified_at = clock_.Now();
    return principal;
  }

  std::vector<int64_t> ManagedBy(const Principal& principal) {
    Result<std::vector<ManagedUser>> users = accounts_->ManagedUsers(principal);
    EXPECT_TRUE(users.ok());
    std::vector<int64_t> ids;
    if (users.ok()) {
      for (const ManagedUser& u : *users) {
        EXPECT_TRUE(u.user.password_hash.empty());  // never leaves the service
        ids.push_back(u.user.id);
      }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  bool LogsIn(const std::string& username, const std::string& password) {
    return logins_->Login({username, password, "", ""}, {"10.0.0.2", "r"}).ok();
  }

  FakeClock clock_{FromUnixMillis(1772442900000)};
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<AccountService> accounts_;
  std::unique_ptr<LoginService> logins_;
  int64_t care_group_ = 0, practice_ = 0, other_practice_ = 0;
  int64_t coordinator_ = 0, gp_ = 0, other_gp_ = 0, admin_ = 0;
};

TEST_P(AccountServiceTest, ACoordinatorManagesTheCareGroupsPeopleButNoAdministratorNorThemselves) {
  EXPECT_EQ(ManagedBy(Someone(coordinator_, care_group_, Role::kCoordinator)),
            std::vector<int64_t>{gp_});
  EXPECT_EQ(ManagedBy(Someone(admin_, care_group_, Role::kAdmin)),
            (std::vector<int64_t>{coordinator_, gp_, other_gp_}));
  Result<std::vector<ManagedUser>> by_gp = accounts_->ManagedUsers(Someone(gp_, practice_, Role::kGp));
  ASSERT_FALSE(by_gp.ok());
  EXPECT_EQ(by_gp.error().code, ErrorCode::kForbidden);
}

TEST_P(AccountServiceTest, ALinkIsMadeOnlyForSomeoneManagedAndAfterARecentReauthentication) {
  Principal coordinator = Someone(coordinator_, care_group_, Role::kCoordinator);
  EXPECT_EQ(accounts_->IssuePasswordReset(coordinator, other_gp_).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(accounts_->IssuePasswordReset(coordinator, admin_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(accounts_->IssuePasswordReset(coordinator, 999'999).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(accounts_->IssuePasswordReset(coordinator, coordinator_).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(accounts_->IssuePasswordReset(Someone(gp_, practice_, Role::kGp), other_gp_)
                .error().code,
            ErrorCode::kForbidden);
  Result<PasswordResetLink> link = accounts_->IssuePasswordReset(coordinator, gp_);
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->token.size(), 64u);
  EXPECT_EQ(link->expires_at, clock_.Now() + kPasswordResetLifetime);
  clock_.Advance(std::chrono::minutes(6));
  EXPECT_EQ(accounts_->IssuePasswordReset(coordinator, gp_).error().reason,
            "reauthentication_required");
}

TEST_P(AccountServiceTest, TheLinkSetsAStrongPasswordOnceAndEndsTheUsersLogins) {
  ASSERT_TRUE(LogsIn("huisarts", kOldPassword));
  Result<LoginResult> before = logins_->Login({"huisarts", kOldPassword, "", ""}, {"10.0.0.2", "r"});
  ASSERT_TRUE(before.ok());
  PasswordResetLink link =
      *accounts_->IssuePasswordReset(Someone(coordinator_, care_group_, Role::kCoordinator), gp_);
  Result<void> weak = accounts_->ResetPassword(link.token, "welkom123456", {});
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "password");
  Result<void> same = accounts_->ResetPassword(link.token, kOldPassword, {});
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().field, "password");
  ASSERT_TRUE(accounts_->ResetPassword(link.token, kNewPassword, {}).ok());
  EXPECT_FALSE(logins_->Authenticate(before->token, {}).ok());
  EXPECT_FALSE(LogsIn("huisarts", kOldPassword));
  EXPECT_TRUE(LogsIn("huisarts", kNewPassword));
  EXPECT_EQ(accounts_->ResetPassword(link.token, "nog een heel andere zin hier", {}).error().code,
            ErrorCode::kNotFound);
}

TEST_P(AccountServiceTest, ALinkExpiresAfterADayAndANewOneVoidsTheOld) {
  Principal coordinator = Someone(coordinator_, care_group_, Role::kCoordinator);
  PasswordResetLink old_link = *accounts_->IssuePasswordReset(coordinator, gp_);
  PasswordResetLink link = *accounts_->IssuePasswordReset(coordinator, gp_);
  EXPECT_EQ(accounts_->ResetPassword(old_link.token, kNewPassword, {}).error().code,
            ErrorCode::kNotFound);
  clock_.Advance(kPasswordResetLifetime);
  EXPECT_EQ(accounts_->ResetPassword(link.token, kNewPassword, {}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(accounts_->ResetPassword("kort", kNewPassword, {}).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(LogsIn("huisarts", kOldPassword));
}

TEST_P(AccountServiceTest, ChangingTheOwnPasswordNeedsTheCurrentOneAndEndsOnlyTheOtherLogins) {
  Result<LoginResult> here = logins_->Login({"huisarts", kOldPassword, "", ""}, {"10.0.0.2", "r"});
  Result<LoginResult> elsewhere = logins_->Login({"huisarts", kOldPassword, "", ""}, {"10.0.0.3", "r"});
  ASSERT_TRUE(here.ok() && elsewhere.ok());
  Principal me = *logins_->Authenticate(here->token, {"10.0.0.2", "r"});
  Result<void> wrong = logins_->ChangePassword(me, "fout-wachtwoord", kNewPassword);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(wrong.error().field, "current_password");
  Result<void> weak = logins_->ChangePassword(me, kOldPassword, "password1234");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "new_password");
  ASSERT_TRUE(logins_->ChangePassword(me, kOldPassword, kNewPassword).ok());
  EXPECT_TRUE(logins_->Authenticate(here->token, {}).ok());
  EXPECT_FALSE(logins_->Authenticate(elsewhere->token, {}).ok());
  EXPECT_TRUE(LogsIn("huisarts", kNewPassword));
}

TEST_P(AccountServiceTest, GuessingTheCurrentPasswordIsThrottled) {
  Result<LoginResult> here = logins_->Login({"huisarts", kOldPassword, "", ""}, {"10.0.0.2", "r"});
  ASSERT_TRUE(here.ok());
  Principal me = *logins_->Authenticate(here->token, {"10.0.0.2", "r"});
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(logins_->ChangePassword(me, "geraden-" + std::to_string(i), kNewPassword)
                  .error().code,
              ErrorCode::kInvalidArgument);
  }
  Result<void> throttled = logins_->ChangePassword(me, kOldPassword, kNewPassword);
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.error().code, ErrorCode::kTooManyRequests);
  EXPECT_GT(throttled.error().retry_after_seconds, 0);
}

TEST_P(AccountServiceTest, ALinkThatResetsTheSecondFactorTooNeedsTheIdentityChecked) {
  ASSERT_TRUE(logins_->EnrolForDemo(gp_, "12345678901234567890").ok());
  auto enrolled = [&] {
    return *store::Transact<bool>(*db_, store::Access::kRead, [&](store::Tx& tx) {
      return tx.second_factors().HasConfirmed(gp_);
    });
  };
  ASSERT_TRUE(enrolled());
  Principal coordinator = Someone(coordinator_, care_group_, Role::kCoordinator);
  Result<PasswordResetLink> unchecked = accounts_->IssuePasswordReset(coordinator, gp_, {true, false});
  ASSERT_FALSE(unchecked.ok());
  EXPECT_EQ(unchecked.error().field, "identity_checked");
  // A plain link leaves the second factor alone.
  PasswordResetLink plain = *accounts_->IssuePasswordReset(coordinator, gp_);
  EXPECT_FALSE(plain.second_factor);
  ASSERT_TRUE(accounts_->ResetPassword(plain.token, kNewPassword, {}).ok());
  EXPECT_TRUE(enrolled());
  Result<PasswordResetLink> checked = accounts_->IssuePasswordReset(coordinator, gp_, {true, true});
  ASSERT_TRUE(checked.ok());
  EXPECT_TRUE(checked->second_factor);
  ASSERT_TRUE(accounts_->ResetPassword(checked->token, "groene giraffen zingen nooit op zondag", {}).ok());
  EXPECT_FALSE(enrolled()) << "the user sets up a new authenticator at the next login";
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
