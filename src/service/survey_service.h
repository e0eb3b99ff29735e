// The patient survey: the GP's practice gets a short code for a consult (printed on a leaflet
// that explains the meekijkconsult and that it is free for the patient); the patient answers a
// few questions with it, without logging in, once. Unknown codes are counted per client address
// and throttled, so that codes cannot be guessed. Answers are anonymous: they are kept with the
// consult only to be counted in its group of the triple-aim report.
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

// Unknown codes per client address: after kMaxMisses within kWindow, every survey request from
// that address waits until the window has passed (kTooManyRequests with retry_after_seconds).
class SurveyThrottle {
 public:
  static constexpr int kMaxMisses = 10;
  static constexpr std::chrono::minutes kWindow{15};

  explicit SurveyThrottle(const Clock& clock) : clock_(clock) {}
  Result<void> Check(const std::string& address);
  void Miss(const std::string& address);

 private:
  struct Misses {
    int count = 0;
    TimePoint since;
  };
  const Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, Misses> misses_;
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
  Result<std::string> Known(const std::string& code, const std::string& client_address);

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
