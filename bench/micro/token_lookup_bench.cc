// The token lookup every authenticated request starts with, on a real SQLite database in a
// temporary directory holding 10,000 logins: LoginService::Authenticate (hash the token, read the
// login, the user, the second factor, memberships and pools) and the store's lookup of the login
// alone. The reference hashes the token and finds it in a std::unordered_map of 10,000: what an
// in-memory lookup would cost.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <unordered_map>

#include "auth/token.h"
#include "auth/totp.h"
#include "service/directory_service.h"
#include "service/login_service.h"
#include "store/logins.h"
#include "store/tx.h"
#include "testing/test_database.h"

namespace meekijk {
namespace {

constexpr int kOtherLogins = 10000;
constexpr const char* kPassword = "bench-wachtwoord-123";

service::LoginPolicy CachedPolicy() {
  service::LoginPolicy policy;
  policy.cache = std::chrono::seconds(5);
  return policy;
}

// A GP with a second factor, logged in once through the real use case. The fake clock stands
// still, so no lookup is late enough to write the login's activity: every lookup is a read.
struct TokenWorld {
  testing::TestDatabase place{testing::Engine::kSqlite};
  std::unique_ptr<store::Database> db = place.Open();
  FakeClock clock{FromUnixMillis(1772442900000)};
  service::LoginService logins{*db, clock};
  // The server's setting (serve --session-cache-seconds 5): a login kept for a few seconds.
  service::LoginService cached_logins{*db, clock, CachedPolicy()};
  service::RequestContext request{"127.0.0.1", "bench"};
  std::string token;

  TokenWorld() {
    service::DirectoryService directory(*db, clock);
    Result<int64_t> practice = directory.AddOrganisation(
        {0, domain::OrgKind::kGpPractice, "Praktijk Noord", "01234567", {}, "Rotterdam"});
    if (!practice.ok()) throw std::runtime_error("no practice");
    Result<int64_t> gp = directory.AddUser(
        {"huisarts", "Dr. De Vries", "", {}, kPassword, {{*practice, domain::Role::kGp}}});
    const std::string secret = "12345678901234567890";
    if (!gp.ok() || !logins.EnrolForDemo(*gp, secret).ok()) throw std::runtime_error("no GP");
    Result<service::LoginResult> login = logins.Login(
        {"huisarts", kPassword, auth::TotpCode(secret, clock.Now()), "bench"}, request);
    if (!login.ok()) throw std::runtime_error("login failed: " + login.error().message.en);
    token = login->token;
    AddOtherLogins(*gp);
  }

  // Other users' logins, so that the lookup searches a table of realistic size.
  void AddOtherLogins(int64_t user_id) {
    Result<void> added = db->Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
      store::LoginRepository repository = tx.logins();
      for (int i = 0; i < kOtherLogins; ++i) {
        store::LoginRecord other;
        other.token_hash = auth::HashSessionToken(auth::NewSessionToken());
        other.user_id = user_id;
        other.created_at = other.last_seen_at = other.verified_at = clock.Now();
        other.expires_at = clock.Now() + std::chrono::hours(12);
        other.public_id = auth::RandomHex(8);
        MK_RETURN_IF_ERROR(repository.Insert(other));
      }
      return Ok();
    });
    if (!added.ok()) throw std::runtime_error("adding logins failed: " + added.error().message.en);
  }
};

TokenWorld& TheTokenWorld() {
  static TokenWorld world;
  return world;
}

void BM_Authenticate(benchmark::State& state) {
  TokenWorld& world = TheTokenWorld();
  for (auto _ : state) {
    Result<service::Principal> principal = world.logins.Authenticate(world.token, world.request);
    if (!principal.ok()) {
      state.SkipWithError("Authenticate failed");
      break;
    }
    benchmark::DoNotOptimize(principal);
  }
}
BENCHMARK(BM_Authenticate);

// The same lookup as the server makes it: the login kept for a few seconds (login_cache.h).
void BM_AuthenticateKept(benchmark::State& state) {
  TokenWorld& world = TheTokenWorld();
  for (auto _ : state) {
    Result<service::Principal> principal =
        world.cached_logins.Authenticate(world.token, world.request);
    if (!principal.ok()) {
      state.SkipWithError("Authenticate failed");
      break;
    }
    benchmark::DoNotOptimize(principal);
  }
}
BENCHMARK(BM_AuthenticateKept);

// The store's part alone: one read transaction finding the login by the token's hash.
void BM_StoreFindLogin(benchmark::State& state) {
  TokenWorld& world = TheTokenWorld();
  std::string hash = auth::HashSessionToken(world.token);
  for (auto _ : state) {
    Result<void> found = world.db->Run(store::Access::kRead, [&](store::Tx& tx) -> Result<void> {
      MK_ASSIGN_OR_RETURN(std::optional<store::LoginRecord> login, tx.logins().Find(hash));
      benchmark::DoNotOptimize(login);
      return Ok();
    });
    benchmark::DoNotOptimize(found);
  }
}
BENCHMARK(BM_StoreFindLogin);

// Reference: hash the token and find it among 10,000 in memory.
void BM_TokenLookupReferenceMap(benchmark::State& state) {
  std::unordered_map<std::string, int64_t> logins;
  for (int i = 0; i < kOtherLogins; ++i) {
    logins.emplace(auth::HashSessionToken(auth::NewSessionToken()), i);
  }
  std::string token = auth::NewSessionToken();
  logins.emplace(auth::HashSessionToken(token), -1);
  for (auto _ : state) benchmark::DoNotOptimize(logins.find(auth::HashSessionToken(token)));
}
BENCHMARK(BM_TokenLookupReferenceMap);

}  // namespace
}  // namespace meekijk
