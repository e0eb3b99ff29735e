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

// No 0/O, 1/I/L, U: nothing to misread on paper. 31^8 ≈ 8.5 · 10^11 codes.
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

Result<void> SurveyThrottle::Check(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto it = misses_.find(address);
  if (it == misses_.end()) return Ok();
  TimePoint now = clock_.Now();
  if (now - it->second.since >= kWindow) {
    misses_.erase(it);
    return Ok();
  }
  if (it->second.count < kMaxMisses) return Ok();
  Error error = MakeError(ErrorCode::kTooManyRequests,
                          "Te veel onbekende codes geprobeerd. Probeer het later opnieuw.",
                          "Too many unknown codes tried. Please try again later.");
  error.retry_after_seconds = static_cast<int>(
      std::chrono::duration_cast<std::chrono::seconds>(it->second.since + kWindow - now).count() + 1);
  return error;
}

void SurveyThrottle::Miss(const std::string& address) {
  std::lock_guard lock(mutex_);
  TimePoint now = clock_.Now();
  // The map cannot grow without end: entries whose window has passed go first.
  if (misses_.size() > 100'000) std::erase_if(misses_, [&](const auto& e) { return now - e.second.since >= kWindow; });
  Misses& m = misses_[address];
  if (m.count == 0 || now - m.since >= kWindow) m = Misses{0, now};
  ++m.count;
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
        while (!code) {
          std::string drawn = DrawCode(random_);
          Result<void> made = tx.surveys().Create(drawn, consult.id, clock_.Now());
          if (made.ok()) {
            code = drawn;
          } else if (made.error().code != ErrorCode::kConflict) {
            return made.error();
          }
        }
        return Leaflet{*code, consult.number, consult.content.specialty};
      });
}

Result<std::string> SurveyService::Known(const std::string& code,
                                         const std::string& client_address) {
  MK_RETURN_IF_ERROR(throttle_.Check(client_address));
  std::string normal = NormaliseSurveyCode(code);
  if (normal.empty()) {
    throttle_.Miss(client_address);
    return CodeUnknown();
  }
  return normal;
}

Result<SurveyView> SurveyService::Open(const std::string& code, const std::string& client_address) {
  MK_ASSIGN_OR_RETURN(std::string normal, Known(code, client_address));
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
  if (!view.ok() && view.error().code == ErrorCode::kNotFound) throttle_.Miss(client_address);
  return view;
}

Result<void> SurveyService::Answer(const std::string& code, const SurveyAnswer& answer,
                                   const std::string& client_address) {
  MK_ASSIGN_OR_RETURN(std::string normal, Known(code, client_address));
  MK_RETURN_IF_ERROR(ValidateAnswer(answer));
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
  if (!done.ok() && done.error().code == ErrorCode::kNotFound) throttle_.Miss(client_address);
  return done;
}

}  // namespace meekijk::service
