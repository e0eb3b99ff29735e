// Codes for tests.
#include "testing/otp_codes.h"

#include <chrono>
#include <thread>

#include "auth/totp.h"

namespace meekijk::testing {

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
    long long step = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch())
                         .count() / auth::kTotpStepSeconds;
    long long& last = last_step_[username];
    // Steps now−1, now and now+1 are accepted; take the earliest the server has not seen.
    for (long long candidate = step - 1; candidate <= step + 1; ++candidate) {
      if (candidate <= last) continue;
      last = candidate;
      return auth::TotpCode(secret->second,
                            TimePoint(std::chrono::seconds(candidate * auth::kTotpStepSeconds)));
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

}  // namespace meekijk::testing
