// The rules of clinic sessions: series, slots, and which consults may be booked.
#include "domain/clinic_session.h"

#include "core/utf8.h"
#include "domain/calendar.h"

namespace meekijk::domain {
namespace {

constexpr int kEarliestStart = 7 * 60;
constexpr int kLatestEnd = 22 * 60;

Error Invalid(std::string nl, std::string en, std::string field) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), std::move(field));
}

}  // namespace

std::vector<std::chrono::year_month_day> SeriesDays(std::chrono::year_month_day first_day,
                                                    const Recurrence& recurrence,
                                                    std::vector<std::chrono::year_month_day>* skipped) {
  std::vector<std::chrono::year_month_day> days;
  std::chrono::sys_days day(first_day);
  for (int i = 0; i < recurrence.count; ++i) {
    std::chrono::year_month_day date(day + std::chrono::weeks(i * recurrence.every_weeks));
    if (DutchPublicHoliday(date).empty()) {
      days.push_back(date);
    } else if (skipped) {
      skipped->push_back(date);
    }
  }
  return days;
}

Result<void> ValidateSession(const ClinicSession& session, std::string_view today,
                             const std::optional<Recurrence>& recurrence) {
  if (session.location.find_first_not_of(" \t") == std::string::npos ||
      utf8::CodePointCount(session.location) > kMaxLocationChars) {
    return Invalid("Geef aan waar het spreekuur is (hoogstens 200 tekens).",
                   "Say where the session is held (at most 200 characters).", "location");
  }
  std::optional<std::chrono::year_month_day> day = ParseIsoDay(session.day);
  if (!day) {
    return Invalid("De datum is geen geldige datum; gebruik de vorm JJJJ-MM-DD.",
                   "The date is not a valid date; use the form YYYY-MM-DD.", "day");
  }
  if (session.day < today) {
    return Invalid("Een spreekuur kan niet in het verleden worden gepland.",
                   "A session cannot be planned in the past.", "day");
  }
  if (!IsWorkingDay(*day)) {
    std::string_view holiday = DutchPublicHoliday(*day);
    std::string nl = holiday.empty() ? "Kies een werkdag: " + session.day + " valt in het weekend."
                                     : "Kies een werkdag: " + session.day + " is " +
                                           std::string(holiday) + ".";
    return Invalid(std::move(nl), "Choose a working day: " + session.day +
                                      " is a weekend day or a public holiday.",
                   "day");
  }
  if (session.slot_minutes < kMinSlotMinutes || session.slot_minutes > kMaxSlotMinutes) {
    return Invalid("Een tijdslot duurt 5 tot 120 minuten.", "A slot lasts 5 to 120 minutes.",
                   "slot_minutes");
  }
  if (session.slot_count < 1 || session.slot_count > kMaxSlotsPerSession) {
    return Invalid("Een spreekuur heeft 1 tot 48 tijdsloten; kies een eindtijd na de begintijd.",
                   "A session has 1 to 48 slots; choose an end after the start.", "ends_at");
  }
  if (session.starts_minute < kEarliestStart || session.ends_minute() > kLatestEnd) {
    return Invalid("Een spreekuur ligt tussen 07:00 en 22:00.",
                   "A session lies between 07:00 and 22:00.", "starts_at");
  }
  if (recurrence && (recurrence->every_weeks < 1 || recurrence->every_weeks > 8)) {
    return Invalid("Herhaal elke 1 tot 8 weken.", "Repeat every 1 to 8 weeks.",
                   "repeat.every_weeks");
  }
  if (recurrence && (recurrence->count < 1 || recurrence->count > kMaxSessionsPerSeries)) {
    return Invalid("Een reeks heeft 1 tot 52 spreekuren.", "A series has 1 to 52 sessions.",
                   "repeat.count");
  }
  return Ok();
}

int SlotCountBetween(int starts_minute, int ends_minute, int slot_minutes) {
  if (slot_minutes <= 0 || ends_minute <= starts_minute) return 0;
  return (ends_minute - starts_minute) / slot_minutes;
}

TimePoint SlotStart(const ClinicSession& session, int position) {
  return AmsterdamMoment(*ParseIsoDay(session.day), SlotStartMinute(session, position));
}

TimePoint SlotEnd(const ClinicSession& session, int position) {
  return AmsterdamMoment(*ParseIsoDay(session.day),
                         SlotStartMinute(session, position) + session.slot_minutes);
}

Result<void> MayBeBooked(const Consult& consult) {
  auto conflict = [](std::string nl, std::string en) {
    return MakeError(ErrorCode::kConflict, std::move(nl), std::move(en));
  };
  switch (consult.status) {
    case ConsultStatus::kDraft:
      return conflict("Verstuur de consultatie eerst; daarna kunt u een tijdslot boeken.",
                      "Send the consult first; then you can book a slot.");
    case ConsultStatus::kClosed:
    case ConsultStatus::kCancelled:
    case ConsultStatus::kDeclined:
      return conflict("Deze consultatie is afgerond of afgewezen; er valt niets meer te boeken.",
                      "This consult is finished or declined; there is nothing left to book.");
    default:
      break;
  }
  if (consult.content.mode == ConsultMode::kPhysical) return Ok();
  // The latest advice stands until the specialist gives another, also once the consult is booked.
  if (consult.advice && consult.advice->recommendation == Recommendation::kPhysicalSession) {
    return Ok();
  }
  return conflict(
      "Alleen een fysieke consultatie, of een digitale met het advies de patiënt op het "
      "meekijkspreekuur te zien, wordt op een spreekuur geboekt.",
      "Only a physical consult, or a digital one advised to be seen in a physical session, is "
      "booked into a session.");
}

double FillRate(int booked, int slots) {
  return slots <= 0 ? 0.0 : static_cast<double>(booked) / slots;
}

}  // namespace meekijk::domain
