// Codes for tests.
#include "testing/otp_codes.h"

#include <chrono>
#include <thread>

#include "auth/totp.h"

namespace meekijk::testing {
namespace {

constexpr long long kMarginSeconds = 5;

}  // namespace

void OtpCodes::Add(const std::string& username, const std::string& secret) {
  std::lock_guard lock(mutex_);
  secrets_[username] = auth::FromBase32(secret).value_or("");
}

bool OtpCodes::Has(const std::string& username) const {
  std::lock_guard lock(mutex_);
  return secrets_.contains(username);
}

std::string OtpCodes::SecretOf(const std::string& username) const {
  std::lock_guard lock(mutex_);
  auto it = secrets_.find(username);
  return it == secrets_.end() ? "" : it->second;
}

std::string OtpCodes::Next(const std::string& username) {
  std::lock_guard lock(mutex_);
  auto secret = secrets_.find(username);
  if (secret == secrets_.end()) return "";
  for (;;) {
    TimePoint now = std::chrono::system_clock::now();
    long long seconds =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    long long step = seconds / auth::kTotpStepSeconds;
    long long& last = last_step_[username];
    // Steps now−1, now and now+1 are accepted; take the earliest the server has not seen. The step
    // before now expires when the current step ends, so it is handed out only while it has some
    // seconds left for the request to reach the server (CI's login failed on exactly that).
    long long left = auth::kTotpStepSeconds - seconds % auth::kTotpStepSeconds;
    long long first = left > kMarginSeconds ? step - 1 : step;
    for (long long candidate = first; candidate <= step + 1; ++candidate) {
      if (candidate <= last) continue;
      last = candidate;
      return auth::TotpCode(secret->second,
                            TimePoint(std::chrono::seconds(candidate * auth::kTotpStepSeconds)));
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

}  // namespace meekijk::testing
