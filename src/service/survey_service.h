// The patient survey: the GP's practice gets a short code for a consult (printed on a leaflet
// that explains the meekijkconsult and that it is free for the patient); the patient answers a
// few questions with it, without logging in, once. Attempts are counted per client address (an
// IPv6 address by its /64) and throttled, so that codes cannot be guessed. No name or contact
// detail is asked: an answer is kept with its consult (pseudonymous) only to be counted in its
// group of the triple-aim report, which never shows it alone.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "service/principal.h"

namespace meekijk::auth {
class Random;
}
namespace meekijk::store {
class Database;
}

namespace meekijk::service {

class AccessLog;

struct Leaflet {
  std::string code;  // "K7M2-Q9TX"
  std::string consult_number;
  std::string specialty;
};

struct SurveyView {
  bool answered = false;
  std::string specialty_nl;
  std::string specialty_en;
};

struct SurveyAnswer {
  std::string language;    // "nl" or "en"
  int overall = 0;         // 1..5: how satisfied with the care
  int explained = 0;       // 1..5: did the GP explain the advice well
  std::string preference;  // "own_gp", "hospital", "no_preference"
};

// Attempts per client address: each attempt is counted when it starts, in one locked step with
// the check (so that parallel requests cannot all pass before any is counted), and given back
// when the code was known. After kMaxMisses within kWindow the address waits until the window has
// passed (kTooManyRequests with retry_after_seconds). At most kMaxAddresses are tracked; when
// that many guess at once, every unknown address waits too.
class SurveyThrottle {
 public:
  static constexpr int kMaxMisses = 10;
  static constexpr std::chrono::minutes kWindow{15};
  static constexpr size_t kMaxAddresses = 100'000;

  explicit SurveyThrottle(const Clock& clock) : clock_(clock) {}
  Result<void> Attempt(const std::string& address);
  void Known(const std::string& address);  // the attempt's code existed: not a miss

  // The key an address is counted under: IPv4 as it is, IPv6 by its first four groups.
  static std::string KeyOf(const std::string& address);

 private:
  struct Misses {
    int count = 0;
    TimePoint since;
  };
  Error Wait(TimePoint until) const;

  const Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, Misses> misses_;
  TimePoint last_sweep_{};
};

class SurveyService {
 public:
  // `random`: where codes are drawn from; none: the system's.
  SurveyService(store::Database& database, const Clock& clock, AccessLog& access_log,
                auth::Random* random = nullptr);

  // The consult's code, made on first use: the GP or assistant of its practice, once sent.
  Result<Leaflet> LeafletFor(const Principal& principal, int64_t consult_id);
  // Without login: kNotFound for an unknown code (counted), kTooManyRequests when throttled.
  Result<SurveyView> Open(const std::string& code, const std::string& client_address);
  // kConflict when the code was answered before; kInvalidArgument for an answer out of range.
  Result<void> Answer(const std::string& code, const SurveyAnswer& answer,
                      const std::string& client_address);

 private:
  // Counts the attempt and gives the code in its stored form; kNotFound when it cannot be one.
  Result<std::string> Normalised(const std::string& code, const std::string& client_address);

  store::Database& database_;
  const Clock& clock_;
  AccessLog& access_log_;
  auth::Random& random_;
  SurveyThrottle throttle_;
};

// The code as people type it (lower case, with or without the dash or spaces) in its stored form
// "XXXX-XXXX"; empty when it cannot be a code.
std::string NormaliseSurveyCode(const std::string& typed);

}  // namespace meekijk::service
