// An authenticator app for tests: the codes of the demo accounts (from `meekijk demo --json`).
// The server accepts each 30-second step once and one step either side of now, so a user can log
// in at most three times per step; the next code after that waits for the next step.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace meekijk::testing {

class OtpCodes {
 public:
  // `secret` in base32, as the demo prints it.
  void Add(const std::string& username, const std::string& secret);
  bool Has(const std::string& username) const;
  // A code the server has not seen yet for this user; empty for a user without a secret.
  std::string Next(const std::string& username);
  // The secret as raw bytes.
  std::string SecretOf(const std::string& username) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> secrets_;  // raw bytes
  std::map<std::string, long long> last_step_;
};

}  // namespace meekijk::testing
