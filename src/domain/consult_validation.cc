// The content rules of a consult.
#include "domain/consult_validation.h"

#include <cctype>
#include <chrono>
#include <string>

#include "core/integer.h"
#include "core/utf8.h"
#include "domain/form_fields.h"
#include "domain/icpc.h"
#include "domain/identifiers.h"

namespace meekijk::domain {
namespace {

Error Invalid(std::string field, std::string nl, std::string en) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), std::move(field));
}

// Control characters other than tab and line breaks have no place in a clinical text, and a NUL
// would not survive PostgreSQL: refused alike on both engines.
bool HasControlCharacters(std::string_view text) {
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7f) return true;
  }
  return false;
}

Error ControlCharacters(std::string_view form, std::string_view field) {
  Text label = FieldLabel(form, field);
  return Invalid(std::string(field),
                 "‘" + label.nl + "’ bevat een onzichtbaar stuurteken; verwijder het.",
                 "‘" + label.en + "’ contains an invisible control character; please remove it.");
}

constexpr std::string_view kConsultForm = "consult";


Result<void> ValidatePatient(const Patient& patient, int current_year) {
  int oldest = current_year - kOldestPatientAge;
  if (patient.birth_year < oldest || patient.birth_year > current_year) {
    return Invalid("patient.birth_year",
                   "Het geboortejaar moet tussen " + std::to_string(oldest) + " en " +
                       std::to_string(current_year) + " liggen.",
                   "The year of birth must be between " + std::to_string(oldest) + " and " +
                       std::to_string(current_year) + ".");
  }
  if (patient.name && (utf8::IsBlank(*patient.name) ||
                       utf8::CodePointCount(*patient.name) > kMaxPatientNameChars)) {
    return Invalid("patient.name", "Vul een naam in van hoogstens 200 tekens, of laat de naam weg.",
                   "Enter a name of at most 200 characters, or leave it out.");
  }
  if (patient.name && HasControlCharacters(*patient.name)) return ControlCharacters(kConsultForm, "patient.name");
  if (patient.birth_date) {
    if (!IsValidIsoDate(*patient.birth_date)) {
      return Invalid("patient.birth_date",
                     "De geboortedatum is geen geldige datum; gebruik de vorm JJJJ-MM-DD.",
                     "The date of birth is not a valid date; use the form YYYY-MM-DD.");
    }
    if (ParseInteger<int>(patient.birth_date->substr(0, 4)) != patient.birth_year) {
      return Invalid("patient.birth_date", "De geboortedatum past niet bij het geboortejaar.",
                     "The date of birth does not match the year of birth.");
    }
  }
  if (patient.bsn) MK_RETURN_IF_ERROR(ValidateBsn(*patient.bsn));
  return Ok();
}

}  // namespace

bool IsValidIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
  }
  int year = ParseInteger<int>(date.substr(0, 4)).value_or(0);
  unsigned month = ParseInteger<unsigned>(date.substr(5, 2)).value_or(0);
  unsigned day = ParseInteger<unsigned>(date.substr(8, 2)).value_or(0);
  return std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(month),
                                     std::chrono::day(day))
      .ok();
}

Result<void> ValidateConsultContent(const ConsultContent& content, int current_year) {
  if (utf8::IsBlank(content.specialty)) {
    return Invalid("specialty", "Kies een specialisme.", "Choose a specialty.");
  }
  MK_RETURN_IF_ERROR(ValidatePatient(content.patient, current_year));
  MK_RETURN_IF_ERROR(ValidateIcpc(content.icpc));
  if (utf8::IsBlank(content.question)) {
    return Invalid("question", "Stel uw vraag aan de specialist.",
                   "Write your question to the specialist.");
  }
  if (utf8::CodePointCount(content.question) > kMaxQuestionChars) {
    return Invalid("question", "Uw vraag is te lang: hoogstens 4000 tekens.",
                   "Your question is too long: at most 4000 characters.");
  }
  if (HasControlCharacters(content.question)) return ControlCharacters(kConsultForm, "question");
  if (HasControlCharacters(content.clinical_summary)) return ControlCharacters(kConsultForm, "clinical_summary");
  if (utf8::CodePointCount(content.clinical_summary) > kMaxClinicalSummaryChars) {
    return Invalid("clinical_summary", "De samenvatting is te lang: hoogstens 20000 tekens.",
                   "The clinical summary is too long: at most 20000 characters.");
  }
  return Ok();
}

Result<void> ValidateReadyToSend(const ConsultContent& content) {
  if (!content.consent) {
    return Invalid("consent",
                   "De patiënt moet toestemming geven om gegevens te delen voordat u verstuurt.",
                   "The patient must consent to sharing their data before you send.");
  }
  if (!content.intended_referral.has_value()) {
    return Invalid("intended_referral",
                   "Geef aan of u zonder dit meekijkconsult zou hebben verwezen.",
                   "Say whether you would have referred without this consult.");
  }
  return Ok();
}

Result<void> ValidateMessageBody(std::string_view body, std::string_view form,
                                 std::string_view field) {
  Text label = FieldLabel(form, field);
  if (utf8::IsBlank(body)) {
    return Invalid(std::string(field), "‘" + label.nl + "’ is leeg.", "‘" + label.en + "’ is empty.");
  }
  if (HasControlCharacters(body)) return ControlCharacters(form, field);
  if (utf8::CodePointCount(body) > kMaxMessageChars) {
    return Invalid(std::string(field), "‘" + label.nl + "’ is te lang: hoogstens 10000 tekens.",
                   "‘" + label.en + "’ is too long: at most 10000 characters.");
  }
  return Ok();
}

Result<void> ValidateRating(int rating) {
  if (rating < kMinRating || rating > kMaxRating) {
    std::string low = std::to_string(kMinRating), high = std::to_string(kMaxRating);
    return Invalid("rating", "Geef een waardering van " + low + " tot en met " + high + ".",
                   "Give a rating from " + low + " to " + high + ".");
  }
  return Ok();
}

}  // namespace meekijk::domain
