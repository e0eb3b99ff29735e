// What a consult must contain, checked with messages a GP understands (Dutch and English).
#pragma once

#include "core/result.h"
#include "domain/consult.h"

namespace meekijk::domain {

inline constexpr size_t kMaxQuestionChars = 4000;
inline constexpr size_t kMaxClinicalSummaryChars = 20000;
inline constexpr size_t kMaxMessageChars = 10000;
inline constexpr size_t kMaxPatientNameChars = 200;
inline constexpr int kOldestPatientAge = 120;

// Checks the content of a new or changed consult. `current_year` comes from the caller's clock.
// Returns the first problem found, with the field that caused it ("patient.bsn").
Result<void> ValidateConsultContent(const ConsultContent& content, int current_year);

// What must be true before a GP sends: the patient consented, and the GP answered whether they
// would have referred without this consult (needed for the triple-aim figures).
Result<void> ValidateReadyToSend(const ConsultContent& content);

// A thread message or advice text: not blank, not too long. `field` of `form` in the form field
// catalogue names it in the error.
Result<void> ValidateMessageBody(std::string_view body, std::string_view form,
                                 std::string_view field);

// How the GP rates an advice when closing: 1 (of no use) to 5 (very useful).
inline constexpr int kMinRating = 1;
inline constexpr int kMaxRating = 5;

// A GP's rating of the consult: kMinRating to kMaxRating.
Result<void> ValidateRating(int rating);

// A date as YYYY-MM-DD that exists in the calendar.
bool IsValidIsoDate(std::string_view date);

}  // namespace meekijk::domain
