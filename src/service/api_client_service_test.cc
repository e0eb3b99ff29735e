// API clients: registration by an administrator, the token endpoint's checks of a signed
// assertion, and the caller an access token stands for. On both engines.
#include "service/api_client_service.h"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "auth/jwt.h"
#include "service/directory_service.h"
#include "service/fhir_access.h"
#include "service/login_service.h"
#include "store/database.h"
#include "testing/test_database.h"
#include "testing/test_keys.h"

namespace meekijk::service {
namespace {

namespace json = boost::json;
using domain::Role;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kTokenUrl = "https://meekijk.example/fhir/R4/auth/token";

class ApiClientServiceTest : public ::testing::TestWithParam<testing::Engine> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = place_->Open();
    clients_ = std::make_unique<ApiClientService>(*db_, clock_);
    DirectoryService directory(*db_, clock_);
    practice_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "Praktijk Noord", "01000001", {}, ""});
    other_practice_ = *directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "Praktijk Zuid", "01000002", {}, ""});
    admin_ = *directory.AddUser({"beheer", "Beheer", "", {}, "wachtwoord-123",
                                 {{practice_, Role::kAdmin}}});
    gp_ = *directory.AddUser({"huisarts", "Dr. De Vries", "", std::string("01234567"),
                              "wachtwoord-123",
                              {{practice_, Role::kGp}, {other_practice_, Role::kGp}}});
    LoginService logins(*db_, clock_);
    admin_principal_ = *logins.PrincipalOf(admin_, {});
    gp_principal_ = *logins.PrincipalOf(gp_, {});
  }

  Result<ApiClient> RegisterHis(const std::string& scopes = "system/Task.rus system/Patient.r") {
    return clients_->Register(admin_principal_,
                             {"HIS Noord", practice_, gp_, scopes, key_.public_pem});
  }

  // An assertion as a client signs it (RFC 7523 §3), valid for `lifetime`.
  std::string Assertion(const std::string& client_id, std::string jti,
                        std::chrono::seconds lifetime = seconds(60),
                        const std::string& audience = kTokenUrl,
                        const testing::KeyPair* key = nullptr) {
    int64_t now = ToUnixMillis(clock_.Now()) / 1000;
    json::object claims{{"iss", client_id}, {"sub", client_id}, {"aud", audience},
                        {"exp", now + lifetime.count()}, {"jti", jti}};
    return *auth::SignWithPrivateKey(json::serialize(claims), (key ? *key : key_).private_pem,
                                     "ES256");
  }

  TokenRequest Request(std::string assertion, std::string scope = "") {
    return {"client_credentials", std::string(kJwtBearerAssertion), std::move(assertion),
            std::move(scope), kTokenUrl};
  }

  FakeClock clock_{FromUnixMillis(1772442900000)};
  std::unique_ptr<testing::TestDatabase> place_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<ApiClientService> clients_;
  testing::KeyPair key_ = testing::EcKeyPair();
  int64_t practice_ = 0, other_practice_ = 0, admin_ = 0, gp_ = 0;
  Principal admin_principal_, gp_principal_;
};

TEST_P(ApiClientServiceTest, AnAdministratorRegistersListsAndRevokesAClient) {
  Result<ApiClient> client = RegisterHis();
  ASSERT_TRUE(client.ok()) << client.error().message.en;
  EXPECT_EQ(client->client_id.rfind("mk-", 0), 0u);
  EXPECT_EQ(client->organisation_name, "Praktijk Noord");
  EXPECT_EQ(client->username, "huisarts");
  EXPECT_EQ(client->scopes, (std::vector<std::string>{"system/Task.rus", "system/Patient.r"}));
  EXPECT_EQ(clients_->List(admin_principal_)->size(), 1u);
  Result<ApiClient> revoked = clients_->Revoke(admin_principal_, client->id);
  ASSERT_TRUE(revoked.ok());
  EXPECT_EQ(revoked->revoked_at, clock_.Now());
  EXPECT_EQ(clients_->Revoke(admin_principal_, client->id).error().code, ErrorCode::kConflict);
  EXPECT_EQ(clients_->Revoke(admin_principal_, 999).error().code, ErrorCode::kNotFound);
}

TEST_P(ApiClientServiceTest, OnlyAnAdministratorManagesClients) {
  Result<ApiClient> by_gp = clients_->Register(
      gp_principal_, {"HIS", practice_, gp_, "system/Task.r", key_.public_pem});
  EXPECT_EQ(by_gp.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(clients_->List(gp_principal_).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(RegisterHis().ok());
  EXPECT_EQ(clients_->Revoke(gp_principal_, 1).error().code, ErrorCode::kForbidden);
}

TEST_P(ApiClientServiceTest, ARegistrationWithABadKeyScopeOrUserIsRefusedByField) {
  auto field_of = [&](NewApiClient client) {
    return clients_->Register(admin_principal_, client).error().field;
  };
  EXPECT_EQ(field_of({"HIS", practice_, gp_, "system/Task.rs", key_.private_pem}), "public_key");
  EXPECT_EQ(field_of({"HIS", practice_, gp_, "system/Task.rs", testing::RsaKeyPair(1024).public_pem}),
            "public_key");
  EXPECT_EQ(field_of({"HIS", practice_, gp_, "user/Task.rs", key_.public_pem}), "scopes");
  EXPECT_EQ(field_of({"HIS", practice_, admin_ + 100, "system/Task.rs", key_.public_pem}), "user_id");
  // The admin is no member of the other practice.
  EXPECT_EQ(field_of({"HIS", other_practice_, admin_, "system/Task.rs", key_.public_pem}), "user_id");
  EXPECT_EQ(field_of({"", practice_, gp_, "system/Task.rs", key_.public_pem}), "name");
  EXPECT_TRUE(clients_->List(admin_principal_)->empty());
}

TEST_P(ApiClientServiceTest, ASignedAssertionBuysATokenForTheClientsUserInItsOrganisation) {
  ApiClient client = *RegisterHis();
  Result<IssuedToken> token = clients_->IssueToken(Request(Assertion(client.client_id, "1")), {});
  ASSERT_TRUE(token.ok()) << token.error().message.en;
  EXPECT_EQ(token->expires_in, seconds(300));
  EXPECT_EQ(token->scope, "system/Task.rus system/Patient.r");
  Result<Principal> caller = clients_->Authenticate(token->access_token, {"10.0.0.1", "r"});
  ASSERT_TRUE(caller.ok()) << caller.error().message.en;
  EXPECT_EQ(caller->user.id, gp_);
  ASSERT_TRUE(caller->api_client.has_value());
  EXPECT_EQ(caller->api_client->client_id, client.client_id);
  // Only the client's own organisation, though its user works in two practices.
  ASSERT_EQ(caller->memberships.size(), 1u);
  EXPECT_EQ(caller->memberships[0].organisation_id, practice_);
  EXPECT_TRUE(caller->login.second_factor);
  EXPECT_TRUE(FhirAccess::RequireScope(*caller, "Task", 'u').ok());
  EXPECT_EQ(FhirAccess::RequireScope(*caller, "Communication", 'c').error().reason,
            "insufficient_scope");
}

TEST_P(ApiClientServiceTest, ATokenAsksForNoMoreThanWasGranted) {
  ApiClient client = *RegisterHis();
  Result<IssuedToken> narrow =
      clients_->IssueToken(Request(Assertion(client.client_id, "1"), "system/Task.r"), {});
  ASSERT_TRUE(narrow.ok());
  EXPECT_EQ(narrow->scope, "system/Task.r");
  Result<IssuedToken> wider =
      clients_->IssueToken(Request(Assertion(client.client_id, "2"), "system/Task.c"), {});
  EXPECT_EQ(wider.error().reason, "invalid_scope");
}

TEST_P(ApiClientServiceTest, ForgedExpiredReplayedAndForeignAssertionsAreRefused) {
  ApiClient client = *RegisterHis();
  auto reason_of = [&](TokenRequest request) {
    Result<IssuedToken> token = clients_->IssueToken(request, {});
    return token.ok() ? std::string("issued") : token.error().reason;
  };
  testing::KeyPair stranger = testing::EcKeyPair();
  EXPECT_EQ(reason_of(Request(Assertion(client.client_id, "a", seconds(60), kTokenUrl, &stranger))),
            "invalid_client");
  EXPECT_EQ(reason_of(Request(Assertion(client.client_id, "b", seconds(-1)))), "invalid_client");
  EXPECT_EQ(reason_of(Request(Assertion(client.client_id, "c", minutes(30)))), "invalid_client");
  EXPECT_EQ(reason_of(Request(Assertion(client.client_id, "d", seconds(60),
                                        "https://elsewhere.example/token"))),
            "invalid_client");
  EXPECT_EQ(reason_of(Request(Assertion("mk-unknown", "e"))), "invalid_client");
  std::string once = Assertion(client.client_id, "f");
  EXPECT_EQ(reason_of(Request(once)), "issued");
  EXPECT_EQ(reason_of(Request(once)), "invalid_client");  // replayed
  TokenRequest wrong_grant = Request(Assertion(client.client_id, "g"));
  wrong_grant.grant_type = "password";
  EXPECT_EQ(reason_of(wrong_grant), "unsupported_grant_type");
  TokenRequest secret_instead = Request("");
  secret_instead.client_assertion_type = "client_secret_post";
  EXPECT_EQ(reason_of(secret_instead), "invalid_client");
}

TEST_P(ApiClientServiceTest, RevokingEndsTheClientsTokensAtOnce) {
  ApiClient client = *RegisterHis();
  IssuedToken token = *clients_->IssueToken(Request(Assertion(client.client_id, "1")), {});
  ASSERT_TRUE(clients_->Authenticate(token.access_token, {}).ok());
  ASSERT_TRUE(clients_->Revoke(admin_principal_, client.id).ok());
  EXPECT_EQ(clients_->Authenticate(token.access_token, {}).error().code,
            ErrorCode::kUnauthenticated);
  EXPECT_EQ(clients_->IssueToken(Request(Assertion(client.client_id, "2")), {}).error().reason,
            "invalid_client");
}

TEST_P(ApiClientServiceTest, AnAccessTokenEndsAfterFiveMinutesAndCannotBeForged) {
  ApiClient client = *RegisterHis();
  IssuedToken token = *clients_->IssueToken(Request(Assertion(client.client_id, "1")), {});
  clock_.Advance(minutes(4));
  EXPECT_TRUE(clients_->Authenticate(token.access_token, {}).ok());
  clock_.Advance(minutes(1));
  EXPECT_FALSE(clients_->Authenticate(token.access_token, {}).ok());
  // The client's own signature is no access token: only the server signs those.
  EXPECT_FALSE(clients_->Authenticate(Assertion(client.client_id, "2"), {}).ok());
  EXPECT_FALSE(clients_->Authenticate(auth::SignHs256(R"({"iss":"meekijk"})", "guess"), {}).ok());
  EXPECT_TRUE(ApiClientService::IsAccessToken(token.access_token));
  EXPECT_FALSE(ApiClientService::IsAccessToken("0123abcd"));
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiClientServiceTest, ::testing::ValuesIn(testing::TestEngines()),
                         [](const auto& info) { return testing::EngineName(info.param); });

}  // namespace
}  // namespace meekijk::service
