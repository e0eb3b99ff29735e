// LoginService: passwords, the second factor, throttling, idle and absolute expiry, the user's own
// logins. On both engines.
#include "service/login_service.h"

#include <gtest/gtest.h>

#include <future>

#include "auth/token.h"
#include "auth/totp.h"
#include "service/directory_service.h"
#include "store/database.h"
#include "store/logins.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk::service {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kPassword = "wachtwoord-123";

class LoginServiceTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    DirectoryService directory(*db_, clock_);
    int64_t practice = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "Praktijk", "01000001", {}, ""});
    gp_ = *directory.AddUser({"huisarts", "Dr. De Vries", "", {}, kPassword,
                              {{practice, domain::Role::kGp}}});
  }

  LoginAttempt Attempt(std::string otp = "", std::string password = kPassword) {
    return {"huisarts", password, otp, "test"};
  }
  RequestContext From(std::string address = "10.0.0.1") { return {address, "r"}; }

  // Enrols the GP through the real use cases; returns the raw secret.
  std::string Enrol(LoginService& logins) {
    Result<LoginResult> login = logins.Login(Attempt(), From());
    EXPECT_TRUE(login.ok());
    if (!login.ok()) return "";
    Principal principal = *logins.Authenticate(login->token, From());
    Result<OtpEnrolment> enrolment = logins.BeginOtpEnrolment(principal);
    EXPECT_TRUE(enrolment.ok());
    std::string secret = auth::FromBase32(enrolment->secret).value_or("");
    EXPECT_EQ(enrolment->uri.rfind("otpauth://totp/meekijk:huisarts?secret=", 0), 0u);
    Result<ConfirmedOtp> confirmed =
        logins.ConfirmOtp(principal, auth::TotpCode(secret, clock_.Now()));
    EXPECT_TRUE(confirmed.ok());
    if (confirmed.ok()) {
      recovery_codes_ = confirmed->recovery_codes;
      enrolled_token_ = confirmed->token;
      // The step-up renewed the token: the one from before the second factor is worth nothing.
      EXPECT_NE(confirmed->token, login->token);
      EXPECT_FALSE(logins.Authenticate(login->token, From()).ok());
      Result<Principal> renewed = logins.Authenticate(confirmed->token, From());
      EXPECT_TRUE(renewed.ok() && renewed->login.second_factor);
    }
    clock_.Advance(seconds(30));  // the confirming code's step is used
    return secret;
  }

  FakeClock clock_{FromUnixMillis(1772442900000)};
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  int64_t gp_ = 0;
  std::vector<std::string> recovery_codes_;
  std::string enrolled_token_;  // the login Enrol confirmed the secret in
};

TEST_P(LoginServiceTest, LogsInAndAuthenticatesUntilTheAbsoluteEnd) {
  LoginPolicy policy;
  policy.absolute = hours(12);
  LoginService logins(*db_, clock_, policy);
  Result<LoginResult> login = logins.Login(Attempt(), From());
  ASSERT_TRUE(login.ok()) << login.error().message.en;
  EXPECT_EQ(login->principal.user.username, "huisarts");
  EXPECT_EQ(login->lifetime, hours(12));
  for (int i = 0; i < 24; ++i) {  // active every 29 minutes: never idle
    clock_.Advance(minutes(29));
    ASSERT_TRUE(logins.Authenticate(login->token, From()).ok()) << i;
  }
  clock_.Advance(minutes(29));  // past 12 hours
  EXPECT_EQ(logins.Authenticate(login->token, From()).error().code, ErrorCode::kUnauthenticated);
}

TEST_P(LoginServiceTest, ALoginEndsAfterThirtyIdleMinutes) {
  LoginService logins(*db_, clock_);
  Result<LoginResult> login = logins.Login(Attempt(), From());
  ASSERT_TRUE(login.ok());
  clock_.Advance(minutes(29));
  ASSERT_TRUE(logins.Authenticate(login->token, From()).ok());
  clock_.Advance(minutes(30));
  EXPECT_FALSE(logins.Authenticate(login->token, From()).ok());
}

TEST_P(LoginServiceTest, BackgroundPollingDoesNotKeepALoginFromItsIdleEnd) {
  LoginService logins(*db_, clock_);
  Result<LoginResult> login = logins.Login(Attempt(), From());
  ASSERT_TRUE(login.ok());
  for (int i = 0; i < 5; ++i) {  // a screen left open, polling every 5 minutes
    clock_.Advance(minutes(5));
    ASSERT_TRUE(logins.Authenticate(login->token, From(), /*activity=*/false).ok());
  }
  clock_.Advance(minutes(6));  // 31 minutes after the user last did something
  EXPECT_FALSE(logins.Authenticate(login->token, From(), false).ok());
}

TEST_P(LoginServiceTest, RefusesWrongPasswordsAndUnknownUsersAlike) {
  LoginService logins(*db_, clock_);
  Error wrong = logins.Login(Attempt("", "fout-wachtwoord"), From()).error();
  Error unknown = logins.Login({"niemand", kPassword, "", ""}, From()).error();
  EXPECT_EQ(wrong.code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong, unknown);
  EXPECT_FALSE(logins.Authenticate("", From()).ok());
  EXPECT_FALSE(logins.Authenticate("forged", From()).ok());
}

TEST_P(LoginServiceTest, LogoutEndsTheLogin) {
  LoginService logins(*db_, clock_);
  Result<LoginResult> login = logins.Login(Attempt(), From());
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(logins.Logout(login->token).ok());
  EXPECT_FALSE(logins.Authenticate(login->token, From()).ok());
}

TEST_P(LoginServiceTest, ALoginPurgesTheLoginsThatHaveEnded) {
  LoginService logins(*db_, clock_);
  std::string old_token = logins.Login(Attempt(), From())->token;
  clock_.Advance(hours(13));
  ASSERT_TRUE(logins.Login(Attempt(), From()).ok());
  Result<void> checked = db_->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(auto login, tx.logins().Find(auth::HashSessionToken(old_token)));
    EXPECT_FALSE(login.has_value());
    return Ok();
  });
  EXPECT_TRUE(checked.ok());
}

TEST_P(LoginServiceTest, WithoutASecondFactorAGpReachesNothingButTheEnrolment) {
  LoginService logins(*db_, clock_);
  Result<LoginResult> login = logins.Login(Attempt(), From());
  ASSERT_TRUE(login.ok());
  Principal principal = *logins.Authenticate(login->token, From());
  EXPECT_TRUE(principal.login.second_factor_required);
  EXPECT_TRUE(principal.memberships.empty()) << "no organisation, so no consult is reachable";
  std::string secret = Enrol(logins);
  Principal after = *logins.Authenticate(enrolled_token_, From());
  EXPECT_FALSE(after.login.second_factor_required) << "confirming proved the second factor";
  EXPECT_EQ(after.memberships.size(), 1u);
  EXPECT_TRUE(logins.Authenticate(login->token, From())->login.second_factor_required)
      << "another login without a code stays limited";
  LoginPolicy lenient;
  lenient.require_second_factor = false;
  LoginService optional(*db_, clock_, lenient);
  EXPECT_FALSE(optional.Login(Attempt(auth::TotpCode(secret, clock_.Now())), From())
                   ->principal.login.second_factor_required);
}

TEST_P(LoginServiceTest, AnEnrolledUserNeedsACurrentCodeAcceptedOnlyOnce) {
  LoginService logins(*db_, clock_);
  std::string secret = Enrol(logins);
  Result<LoginResult> without = logins.Login(Attempt(), From());
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(without.error().reason, "otp_required");
  std::string code = auth::TotpCode(secret, clock_.Now());
  Result<LoginResult> with = logins.Login(Attempt(code), From());
  ASSERT_TRUE(with.ok());
  EXPECT_TRUE(with->principal.login.second_factor);
  EXPECT_EQ(with->principal.memberships.size(), 1u);
  Result<LoginResult> replayed = logins.Login(Attempt(code), From("10.0.0.2"));
  ASSERT_FALSE(replayed.ok()) << "a code is accepted once";
  EXPECT_EQ(replayed.error().field, "otp");
  EXPECT_FALSE(logins.Login(Attempt("000000"), From("10.0.0.3")).ok());
  std::string expired = auth::TotpCode(secret, clock_.Now() - minutes(2));
  EXPECT_FALSE(logins.Login(Attempt(expired), From("10.0.0.4")).ok());
  // A right code with a wrong password still fails on the password.
  Error wrong_password =
      logins.Login(Attempt(auth::TotpCode(secret, clock_.Now() + seconds(30)), "fout-wachtwoord"),
                   From("10.0.0.5")).error();
  EXPECT_EQ(wrong_password.message.en, "The username or password is incorrect.");
}

TEST_P(LoginServiceTest, TwoLoginsRacingWithOneCodeLetOnlyOneIn) {
  LoginService logins(*db_, clock_);
  std::string secret = Enrol(logins);
  std::string code = auth::TotpCode(secret, clock_.Now());
  std::vector<std::future<bool>> racers;
  for (int i = 0; i < 8; ++i) {
    racers.push_back(std::async(std::launch::async, [&, i] {
      Result<LoginResult> login = logins.Login(Attempt(code), From("10.1.0." + std::to_string(i)));
      if (!login.ok() && login.error().field != "otp") ADD_FAILURE() << login.error().message.en;
      return login.ok();
    }));
  }
  int won = 0;
  for (auto& racer : racers) won += racer.get() ? 1 : 0;
  EXPECT_EQ(won, 1);
}

TEST_P(LoginServiceTest, EachRecoveryCodeLetsInOnce) {
  LoginService logins(*db_, clock_);
  Enrol(logins);
  ASSERT_EQ(recovery_codes_.size(), 10u);
  EXPECT_TRUE(logins.Login(Attempt(recovery_codes_[3]), From()).ok());
  EXPECT_FALSE(logins.Login(Attempt(recovery_codes_[3]), From()).ok());
  EXPECT_TRUE(logins.Login(Attempt(recovery_codes_[4]), From()).ok());
}

TEST_P(LoginServiceTest, ChangingTheSecondFactorNeedsThePasswordGivenRecently) {
  LoginService logins(*db_, clock_);
  std::string secret = Enrol(logins);
  Result<LoginResult> login = logins.Login(Attempt(auth::TotpCode(secret, clock_.Now())), From());
  ASSERT_TRUE(login.ok());
  clock_.Advance(minutes(6));
  Principal principal = *logins.Authenticate(login->token, From());
  Result<OtpEnrolment> late = logins.BeginOtpEnrolment(principal);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().reason, "reauthentication_required");
  EXPECT_FALSE(logins.Reauthenticate(principal, "fout-wachtwoord", "").ok());
  std::string code = auth::TotpCode(secret, clock_.Now());
  ASSERT_TRUE(logins.Reauthenticate(principal, kPassword, code).ok());
  EXPECT_TRUE(logins.BeginOtpEnrolment(*logins.Authenticate(login->token, From())).ok());
}

TEST_P(LoginServiceTest, GuessingIsSlowedButTheUsersOwnAddressStillGetsIn) {
  LoginService logins(*db_, clock_);
  ASSERT_TRUE(logins.Login(Attempt(), From("10.9.9.9")).ok());  // the practice's own address
  // Guesses from one address: five are looked at, then the guesser waits, longer each time.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(logins.Login(Attempt("", "geraden-" + std::to_string(i)), From("6.6.6.6")).error().code,
              ErrorCode::kUnauthenticated);
  }
  Error throttled = logins.Login(Attempt(), From("6.6.6.6")).error();
  EXPECT_EQ(throttled.code, ErrorCode::kTooManyRequests);
  EXPECT_GE(throttled.retry_after_seconds, 1);
  clock_.Advance(seconds(2));
  EXPECT_TRUE(logins.Login(Attempt(), From("6.6.6.6")).ok()) << "the wait ends: no lock-out";
  // Guesses from very many addresses slow the account down for strangers, not for the practice.
  for (int i = 0; i < 60; ++i) {
    (void)logins.Login(Attempt("", "geraden"), From("7.7." + std::to_string(i) + ".1"));
  }
  EXPECT_EQ(logins.Login(Attempt(), From("8.8.8.8")).error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(logins.Login(Attempt(), From("10.9.9.9")).ok());
  clock_.Advance(minutes(61));
  EXPECT_TRUE(logins.Login(Attempt(), From("8.8.8.8")).ok()) << "counters forget after the window";
}

TEST_P(LoginServiceTest, AGuesserFromManyAddressesWhoWaitsOutEveryDelayGetsUnder100AnHour) {
  LoginService logins(*db_, clock_);
  TimePoint start = clock_.Now();
  int looked_at = 0, address = 0;
  while (clock_.Now() < start + std::chrono::hours(1)) {
    Result<LoginResult> attempt =
        logins.Login(Attempt("", "geraden"), From("7." + std::to_string(address / 250) + "." +
                                                  std::to_string(address % 250) + ".1"));
    ++address;
    ASSERT_FALSE(attempt.ok());
    if (attempt.error().code == ErrorCode::kTooManyRequests) {
      clock_.Advance(seconds(attempt.error().retry_after_seconds));
    } else {
      ++looked_at;
    }
  }
  EXPECT_LE(looked_at, 100);  // ASVS 2.2.1
  EXPECT_GE(looked_at, 50);   // the per-account counter's free attempts
}

TEST_P(LoginServiceTest, NodesShareTheCountersSoMoreNodesAllowNoMoreGuesses) {
  LoginService node_a(*db_, clock_);
  LoginService node_b(*db_, clock_);
  for (int i = 0; i < 5; ++i) {
    LoginService& node = i % 2 == 0 ? node_a : node_b;
    EXPECT_EQ(node.Login(Attempt("", "geraden-" + std::to_string(i)), From("6.6.6.6")).error().code,
              ErrorCode::kUnauthenticated);
  }
  EXPECT_EQ(node_a.Login(Attempt(), From("6.6.6.6")).error().code, ErrorCode::kTooManyRequests);
  EXPECT_EQ(node_b.Login(Attempt(), From("6.6.6.6")).error().code, ErrorCode::kTooManyRequests);
  // A node started later knows them too: they are not in any node's memory.
  LoginService node_c(*db_, clock_);
  EXPECT_EQ(node_c.Login(Attempt(), From("6.6.6.6")).error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(node_c.Login(Attempt(), From("10.1.1.1")).ok()) << "another address is not held";
}

TEST_P(LoginServiceTest, TheCountersNameNoAccountOrAddress) {
  LoginService logins(*db_, clock_);
  (void)logins.Login(Attempt("", "geraden"), From("6.6.6.6"));
  ASSERT_TRUE(logins.Login(Attempt(), From("10.9.9.9")).ok());
  ASSERT_TRUE(db_->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
    for (const char* table : {"login_failures", "login_known_addresses"}) {
      MK_ASSIGN_OR_RETURN(store::Rows rows, tx.connection().Query(
                                                std::string("SELECT counter_key FROM ") + table));
      EXPECT_FALSE(rows.empty()) << table;
      for (const store::Row& row : rows) {
        EXPECT_EQ(row.Text(0).size(), 64u) << row.Text(0);
        EXPECT_EQ(row.Text(0).find("6.6.6.6"), std::string::npos);
      }
    }
    return Ok();
  }).ok());
}

TEST_P(LoginServiceTest, AUserListsAndEndsTheirOwnLogins) {
  LoginService logins(*db_, clock_);
  std::string first = logins.Login(Attempt(), From("10.0.0.1"))->token;
  std::string second = logins.Login(Attempt(), From("10.0.0.2"))->token;
  std::string third = logins.Login(Attempt(), From("10.0.0.3"))->token;
  Principal principal = *logins.Authenticate(first, From());
  std::vector<LoginSummary> listed = *logins.Logins(principal);
  ASSERT_EQ(listed.size(), 3u);
  int current = 0;
  std::string second_id;
  for (const LoginSummary& login : listed) {
    current += login.current ? 1 : 0;
    if (login.client_address == "10.0.0.2") second_id = login.id;
  }
  EXPECT_EQ(current, 1);
  ASSERT_TRUE(logins.EndLogin(principal, second_id).ok());
  EXPECT_FALSE(logins.Authenticate(second, From()).ok());
  EXPECT_EQ(logins.EndLogin(principal, second_id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(logins.EndLogin(principal, "").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*logins.EndOtherLogins(principal), 1);
  EXPECT_FALSE(logins.Authenticate(third, From()).ok());
  EXPECT_TRUE(logins.Authenticate(first, From()).ok());
}

TEST_P(LoginServiceTest, EndingLoginsNeedsThePasswordGivenRecently) {
  LoginService logins(*db_, clock_);
  std::string first = logins.Login(Attempt(), From("10.0.0.1"))->token;
  std::string second = logins.Login(Attempt(), From("10.0.0.2"))->token;
  clock_.Advance(minutes(6));
  Principal principal = *logins.Authenticate(first, From());
  EXPECT_EQ(logins.EndOtherLogins(principal).error().reason, "reauthentication_required");
  std::string id = (*logins.Logins(principal)).back().id;
  EXPECT_EQ(logins.EndLogin(principal, id).error().reason, "reauthentication_required");
  EXPECT_TRUE(logins.Authenticate(second, From()).ok());
  ASSERT_TRUE(logins.Reauthenticate(principal, kPassword, "").ok());
  EXPECT_EQ(*logins.EndOtherLogins(*logins.Authenticate(first, From())), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, LoginServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
