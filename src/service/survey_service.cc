// The patient survey: see survey_service.h.
#include "service/survey_service.h"

#include <array>
#include <cctype>

#include "auth/random.h"
#include "service/consult_frame.h"
#include "store/agreements.h"
#include "store/database.h"
#include "store/surveys.h"
#include "store/tx.h"

namespace meekijk::service {
namespace {

// No 0/O, 1/I/L, U: nothing to misread on paper. 30^8 ≈ 6.6 · 10^11 codes.
constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
constexpr size_t kCodeLetters = 8;

std::string DrawCode(auth::Random& random) {
  std::array<unsigned char, kCodeLetters> bytes{};
  std::string code;
  // Rejection sampling keeps every letter equally likely.
  const unsigned limit = 256 - 256 % kAlphabet.size();
  while (code.size() < kCodeLetters) {
    random.Fill(bytes);
    for (unsigned char b : bytes) {
      if (b < limit && code.size() < kCodeLetters) code += kAlphabet[b % kAlphabet.size()];
    }
  }
  return code.substr(0, 4) + "-" + code.substr(4);
}

Error CodeUnknown() {
  return MakeError(ErrorCode::kNotFound,
                   "Deze code kennen we niet. Controleer de code op de folder.",
                   "We do not know this code. Check the code on the leaflet.");
}

Result<void> ValidateAnswer(const SurveyAnswer& a) {
  auto invalid = [](const char* field) {
    return MakeError(ErrorCode::kInvalidArgument, "Kies een van de antwoorden.",
                     "Choose one of the answers.", field);
  };
  if (a.language != "nl" && a.language != "en") return invalid("language");
  if (a.overall < 1 || a.overall > 5) return invalid("overall");
  if (a.explained < 1 || a.explained > 5) return invalid("explained");
  if (a.preference != "own_gp" && a.preference != "hospital" && a.preference != "no_preference") {
    return invalid("preference");
  }
  return Ok();
}

}  // namespace

std::string NormaliseSurveyCode(const std::string& typed) {
  std::string letters;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kAlphabet.find(upper) == std::string_view::npos || letters.size() == kCodeLetters) return "";
    letters += upper;
  }
  if (letters.size() != kCodeLetters) return "";
  return letters.substr(0, 4) + "-" + letters.substr(4);
}

std::string SurveyThrottle::KeyOf(const std::string& address) {
  if (address.find(':') == std::string::npos) return address;
  size_t end = 0;
  for (int group = 0; group < 4 && end != std::string::npos; ++group) {
    end = address.find(':', end == 0 ? 0 : end + 1);
  }
  return end == std::string::npos ? address : address.substr(0, end);
}

Error SurveyThrottle::Wait(TimePoint until) const {
  Error error = MakeError(ErrorCode::kTooManyRequests,
                          "Te veel onbekende codes geprobeerd. Probeer het later opnieuw.",
                          "Too many unknown codes tried. Please try again later.");
  error.retry_after_seconds =
      std::chrono::duration_cast<std::chrono::seconds>(until - clock_.Now()).count() + 1;
  return error;
}

Result<void> SurveyThrottle::Attempt(const std::string& address) {
  std::lock_guard lock(mutex_);
  TimePoint now = clock_.Now();
  std::string key = KeyOf(address);
  auto it = misses_.find(key);
  if (it != misses_.end() && now - it->second.since >= kWindow) {
    misses_.erase(it);
    it = misses_.end();
  }
  if (it == misses_.end()) {
    if (misses_.size() >= kMaxAddresses && now - last_sweep_ >= std::chrono::minutes(1)) {
      std::erase_if(misses_, [&](const auto& e) { return now - e.second.since >= kWindow; });
      last_sweep_ = now;
    }
    if (misses_.size() >= kMaxAddresses) return Wait(now + std::chrono::minutes(1));
    it = misses_.emplace(key, Misses{0, now}).first;
  }
  if (it->second.count >= kMaxMisses) return Wait(it->second.since + kWindow);
  ++it->second.count;
  return Ok();
}

void SurveyThrottle::Known(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto it = misses_.find(KeyOf(address));
  if (it != misses_.end() && it->second.count > 0) --it->second.count;
}

SurveyService::SurveyService(store::Database& database, const Clock& clock, AccessLog& access_log,
                             auth::Random* random)
    : database_(database),
      clock_(clock),
      access_log_(access_log),
      random_(random != nullptr ? *random : auth::SystemRandom()),
      throttle_(clock) {}

Result<Leaflet> SurveyService::LeafletFor(const Principal& principal, int64_t consult_id) {
  return OnConsult<Leaflet>(
      database_, access_log_, principal, consult_id, "consult.leaflet",
      [&](store::Tx& tx, domain::Consult& consult, domain::Role role) -> Result<Leaflet> {
        if (role != domain::Role::kGp && role != domain::Role::kAssistant) {
          return MakeError(ErrorCode::kForbidden,
                           "Alleen de praktijk van de patiënt geeft de folder mee.",
                           "Only the patient's practice hands out the leaflet.");
        }
        if (!consult.sent_at) {
          return MakeError(ErrorCode::kConflict, "Verstuur de consultatie eerst.",
                           "Send the consult first.");
        }
        MK_ASSIGN_OR_RETURN(std::optional<std::string> code, tx.surveys().CodeOf(consult.id));
        // A drawn code taken by another consult (one in 10^11 per code already made) is drawn
        // again; a code made for this consult at the same moment (a double click) is the one.
        for (int attempt = 0; !code && attempt < 5; ++attempt) {
          std::string drawn = DrawCode(random_);
          Result<void> made = tx.surveys().Create(drawn, consult.id, clock_.Now());
          if (made.ok()) {
            code = drawn;
          } else if (made.error().code == ErrorCode::kConflict) {
            MK_ASSIGN_OR_RETURN(code, tx.surveys().CodeOf(consult.id));
          } else {
            return made.error();
          }
        }
        if (!code) return MakeFact(ErrorCode::kInternal, "no_survey_code");
        return Leaflet{*code, consult.number, consult.content.specialty};
      });
}

Result<std::string> SurveyService::Normalised(const std::string& code,
                                              const std::string& client_address) {
  MK_RETURN_IF_ERROR(throttle_.Attempt(client_address));
  std::string normal = NormaliseSurveyCode(code);
  if (normal.empty()) return CodeUnknown();
  return normal;
}

Result<SurveyView> SurveyService::Open(const std::string& code, const std::string& client_address) {
  MK_ASSIGN_OR_RETURN(std::string normal, Normalised(code, client_address));
  Result<SurveyView> view = store::Transact<SurveyView>(
      database_, store::Access::kRead, [&](store::Tx& tx) -> Result<SurveyView> {
        MK_ASSIGN_OR_RETURN(std::optional<store::SurveyCode> found, tx.surveys().Find(normal));
        if (!found) return CodeUnknown();
        SurveyView out;
        out.answered = found->answered;
        MK_ASSIGN_OR_RETURN(std::vector<domain::Specialty> specialties, tx.agreements().Specialties());
        for (const domain::Specialty& s : specialties) {
          if (s.code == found->specialty) {
            out.specialty_nl = s.name_nl;
            out.specialty_en = s.name_en;
          }
        }
        return out;
      });
  if (view.ok()) throttle_.Known(client_address);
  return view;
}

Result<void> SurveyService::Answer(const std::string& code, const SurveyAnswer& answer,
                                   const std::string& client_address) {
  MK_ASSIGN_OR_RETURN(std::string normal, Normalised(code, client_address));
  if (Result<void> valid = ValidateAnswer(answer); !valid.ok()) {
    throttle_.Known(client_address);  // a wrong answer is no guess
    return valid;
  }
  Result<void> done = database_.Run(store::Access::kWrite, [&](store::Tx& tx) -> Result<void> {
    MK_ASSIGN_OR_RETURN(std::optional<store::SurveyCode> found, tx.surveys().Find(normal));
    if (!found) return CodeUnknown();
    Result<void> answered = tx.surveys().Answer(
        normal, store::SurveyResponse{answer.language, answer.overall, answer.explained,
                                      answer.preference},
        clock_.Now());
    if (!answered.ok() && answered.error().code == ErrorCode::kConflict) {
      return MakeError(ErrorCode::kConflict, "Deze vragenlijst is al ingevuld. Dank u wel!",
                       "This survey was answered already. Thank you!");
    }
    return answered;
  });
  if (done.ok() || done.error().code != ErrorCode::kNotFound) throttle_.Known(client_address);
  return done;
}

}  // namespace meekijk::service
