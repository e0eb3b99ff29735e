// Who is told what, and how: the events that reach a person (a consult sent, advice given, a pool
// consult left unclaimed, …), each person's choice per kind of event (at once, in a daily digest,
// or not by mail), and the rules of retrying a mail. Pure values and functions; the current time
// is always an argument.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/consult_state.h"
#include "domain/enum_names.h"
#include "domain/roles.h"

namespace meekijk::domain {

// What happened. Consult events name a consult; an invitation names none.
enum class EventKind {
  kConsultSent,         // to a pool (its members on duty) or a named specialist
  kConsultClaimed,      // to the GP
  kInfoRequested,       // to the GP (and the assistant who prepared it)
  kReplied,             // to the specialist holding it
  kAdviceGiven,         // to the GP
  kFollowUp,            // the GP's follow-up question, to the specialist
  kDeclined,            // to the GP
  kForwarded,           // to the new pool's members on duty, and the GP
  kAssigned,            // a coordinator gave it to a specialist
  kClosed,              // to the specialist who answered
  kUnclaimedEscalated,  // a pool consult unclaimed past the agreement's limit: pool and coordinator
  kOverdue,             // past its due moment: the pool's coordinator, once
  kBooked,              // booked into a clinic session: its specialist, and the practice
  kSessionMoved,        // the clinic session of a booked or waiting consult moved: the practice
  kSessionCancelled,    // and was cancelled: the practice books anew
  kInvitation,          // a new account: choose a password
  kDigest,              // not an event: the daily mail that gathers the events chosen for it
};

template <>
struct EnumNames<EventKind> {
  static constexpr std::array<std::pair<EventKind, std::string_view>, 17> kNames{{
      {EventKind::kConsultSent, "consult_sent"},
      {EventKind::kConsultClaimed, "consult_claimed"},
      {EventKind::kInfoRequested, "info_requested"},
      {EventKind::kReplied, "replied"},
      {EventKind::kAdviceGiven, "advice_given"},
      {EventKind::kFollowUp, "follow_up"},
      {EventKind::kDeclined, "declined"},
      {EventKind::kForwarded, "forwarded"},
      {EventKind::kAssigned, "assigned"},
      {EventKind::kClosed, "closed"},
      {EventKind::kUnclaimedEscalated, "unclaimed_escalated"},
      {EventKind::kOverdue, "overdue"},
      {EventKind::kBooked, "booked"},
      {EventKind::kSessionMoved, "session_moved"},
      {EventKind::kSessionCancelled, "session_cancelled"},
      {EventKind::kInvitation, "invitation"},
      {EventKind::kDigest, "digest"},
  }};
};

// The event a life-cycle action causes; none for editing a draft and cancelling (the consult
// then never reached anyone who must be told).
std::optional<EventKind> EventOf(ConsultAction action);

// How a person wants to hear of a kind of event by mail. The in-app list shows every event
// whatever the choice.
enum class Delivery { kImmediate, kDigest, kOff };

template <>
struct EnumNames<Delivery> {
  static constexpr std::array<std::pair<Delivery, std::string_view>, 3> kNames{{
      {Delivery::kImmediate, "immediate"}, {Delivery::kDigest, "digest"}, {Delivery::kOff, "off"}}};
};

enum class Language { kNl, kEn };

template <>
struct EnumNames<Language> {
  static constexpr std::array<std::pair<Language, std::string_view>, 2> kNames{{
      {Language::kNl, "nl"}, {Language::kEn, "en"}}};
};

// The kinds a person may choose a delivery for: every event but the invitation, which is always
// mailed (it is how a new account is opened).
std::vector<EventKind> ChoosableEventKinds();

// The default for someone with these roles: whatever asks them to act now (a consult for their
// pool, a question on one they hold, advice on their patient, an escalation) comes at once;
// what is only news (claimed, closed, assigned to a colleague, forwarded away) comes in the
// digest. Escalations and overdue consults reach coordinators at once.
Delivery DefaultDelivery(EventKind kind, const std::vector<Role>& roles);

// A person's choices: the kinds they chose explicitly, the rest by default.
struct NotificationChoices {
  Language language = Language::kNl;
  int digest_hour = 8;  // Amsterdam clock hour 0..23 of the daily digest, on working days
  std::vector<std::pair<EventKind, Delivery>> chosen;
};

Delivery EffectiveDelivery(const NotificationChoices& choices, EventKind kind,
                           const std::vector<Role>& roles);

// --- the mail outbox ---

// A mail waits (pending) until a worker delivers it; one that failed every try is dead until a
// coordinator or the command line tries it again.
enum class MailStatus { kPending, kDelivered, kDead };

template <>
struct EnumNames<MailStatus> {
  static constexpr std::array<std::pair<MailStatus, std::string_view>, 3> kNames{{
      {MailStatus::kPending, "pending"}, {MailStatus::kDelivered, "delivered"},
      {MailStatus::kDead, "dead"}}};
};


// A mail is tried at most this many times before it is dead (a coordinator sees it and may try
// again): with the backoff below, about two and a half days of an unreachable mail server.
inline constexpr int kMaxDeliveryAttempts = 24;

inline constexpr std::chrono::seconds kFirstRetry{30};

// When to try again after `attempts` failed tries (1, 2, …): `first` (30 s) doubling each time,
// at most 4 h.
TimePoint NextAttemptAfterFailure(TimePoint now, int attempts,
                                  std::chrono::seconds first = kFirstRetry);

// --- digests ---

// The moment of today's digest for someone who chose `digest_hour`, when today (Amsterdam) is a
// working day; none on weekends and Dutch public holidays.
std::optional<TimePoint> DigestMomentOn(TimePoint now, int digest_hour);

// --- rosters and absence ---

enum class AbsenceReason { kHoliday, kIllness, kOther };

template <>
struct EnumNames<AbsenceReason> {
  static constexpr std::array<std::pair<AbsenceReason, std::string_view>, 3> kNames{{
      {AbsenceReason::kHoliday, "holiday"}, {AbsenceReason::kIllness, "illness"},
      {AbsenceReason::kOther, "other"}}};
};

// A specialist away from first_day to last_day (YYYY-MM-DD, both inclusive): others cover.
struct Absence {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string first_day;
  std::string last_day;
  AbsenceReason reason = AbsenceReason::kHoliday;
  std::optional<int64_t> created_by;
  TimePoint created_at;
  bool operator==(const Absence&) const = default;
};

// Checks an absence as a person writes it: real dates, the first not after the last, at most a
// year long.
Result<void> ValidateAbsence(const Absence& absence);


// The ISO 8601 week of an Amsterdam calendar day, "2026-W50".
std::string IsoWeek(std::chrono::year_month_day day);
// Whether `week` is written as an ISO week "YYYY-Www" with a week that exists in that year.
bool IsIsoWeek(std::string_view week);
// The Monday and the Sunday of an ISO week, as YYYY-MM-DD; none unless IsIsoWeek.
std::optional<std::pair<std::string, std::string>> IsoWeekDays(std::string_view week);

// Who of a pool is told of a new consult: those on duty this week who are not absent; when none of
// them is available (or the pool has no roster this week), every member who is not absent; when
// everyone is absent, every member, so that a consult never goes unnoticed.
std::vector<int64_t> PoolRecipients(const std::vector<int64_t>& members,
                                    const std::vector<int64_t>& on_duty,
                                    const std::vector<int64_t>& absent);

}  // namespace meekijk::domain
