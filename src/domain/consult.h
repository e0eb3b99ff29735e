// The consult and everything it carries: the patient, the thread, the advice and the outcome.
// Plain values; the rules that change them live in consult_state.h and consult_validation.h.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "domain/enum_names.h"
#include "domain/question_template.h"
#include "domain/roles.h"

namespace meekijk::domain {

enum class ConsultStatus {
  kDraft, kSent, kClaimed, kInfoRequested, kAnswered, kClosed, kDeclined, kCancelled
};
enum class ConsultMode { kDigital, kPhysical };
enum class Sex { kFemale, kMale, kOther, kUnknown };
enum class MessageKind { kQuestion, kInfoRequest, kReply, kAdvice };
enum class Recommendation { kPrimaryCare, kRefer, kPhysicalSession, kOther };
enum class OutcomeKind { kPrimaryCare, kReferred, kReferredElsewhere };

template <>
struct EnumNames<ConsultStatus> {
  static constexpr std::array<std::pair<ConsultStatus, std::string_view>, 8> kNames{{
      {ConsultStatus::kDraft, "draft"},
      {ConsultStatus::kSent, "sent"},
      {ConsultStatus::kClaimed, "claimed"},
      {ConsultStatus::kInfoRequested, "info_requested"},
      {ConsultStatus::kAnswered, "answered"},
      {ConsultStatus::kClosed, "closed"},
      {ConsultStatus::kDeclined, "declined"},
      {ConsultStatus::kCancelled, "cancelled"},
  }};
};
template <>
struct EnumNames<ConsultMode> {
  static constexpr std::array<std::pair<ConsultMode, std::string_view>, 2> kNames{{
      {ConsultMode::kDigital, "digital"}, {ConsultMode::kPhysical, "physical"}}};
};
template <>
struct EnumNames<Sex> {
  static constexpr std::array<std::pair<Sex, std::string_view>, 4> kNames{{
      {Sex::kFemale, "female"}, {Sex::kMale, "male"}, {Sex::kOther, "other"},
      {Sex::kUnknown, "unknown"}}};
};
template <>
struct EnumNames<MessageKind> {
  static constexpr std::array<std::pair<MessageKind, std::string_view>, 4> kNames{{
      {MessageKind::kQuestion, "question"}, {MessageKind::kInfoRequest, "info_request"},
      {MessageKind::kReply, "reply"}, {MessageKind::kAdvice, "advice"}}};
};
template <>
struct EnumNames<Recommendation> {
  static constexpr std::array<std::pair<Recommendation, std::string_view>, 4> kNames{{
      {Recommendation::kPrimaryCare, "primary_care"}, {Recommendation::kRefer, "refer"},
      {Recommendation::kPhysicalSession, "physical_session"}, {Recommendation::kOther, "other"}}};
};
template <>
struct EnumNames<OutcomeKind> {
  static constexpr std::array<std::pair<OutcomeKind, std::string_view>, 3> kNames{{
      {OutcomeKind::kPrimaryCare, "primary_care"}, {OutcomeKind::kReferred, "referred"},
      {OutcomeKind::kReferredElsewhere, "referred_elsewhere"}}};
};

// Pseudonymised by default; the identifying fields are only filled where an agreement needs them.
struct Patient {
  int birth_year = 0;
  Sex sex = Sex::kUnknown;
  std::optional<std::string> name;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::optional<std::string> bsn;
  bool operator==(const Patient&) const = default;
};

struct Advice {
  Recommendation recommendation = Recommendation::kOther;
  std::string body;
  int64_t specialist_id = 0;
  TimePoint given_at;
  bool operator==(const Advice&) const = default;
};

struct Outcome {
  OutcomeKind outcome = OutcomeKind::kPrimaryCare;
  bool learned = false;
  int rating = 0;  // 1..5
  TimePoint closed_at;
  bool operator==(const Outcome&) const = default;
};

struct ThreadMessage {
  int64_t id = 0;
  int64_t consult_id = 0;
  MessageKind kind = MessageKind::kQuestion;
  int64_t author_id = 0;
  std::string author_name;
  Role author_role = Role::kGp;
  std::string body;
  std::optional<Recommendation> recommendation;  // only on kAdvice
  TimePoint created_at;
  bool operator==(const ThreadMessage&) const = default;
};

// What a GP or assistant writes; validated by ValidateConsultContent.
struct ConsultContent {
  std::string specialty;  // the specialty code, e.g. "dermatologie"
  ConsultMode mode = ConsultMode::kDigital;
  Patient patient;
  std::string icpc;
  std::string question;
  std::string clinical_summary;
  std::optional<bool> intended_referral;  // "would you have referred without this consult?"
  bool consent = false;                   // the patient agreed to share their data
  std::vector<TemplateAnswer> template_answers;  // to the template of the agreement
  bool operator==(const ConsultContent&) const = default;
};

struct Consult {
  int64_t id = 0;
  std::string number;  // MK-2026-00042
  ConsultStatus status = ConsultStatus::kDraft;
  ConsultContent content;
  int64_t practice_id = 0;  // the requesting GP practice
  int64_t author_id = 0;    // who wrote the draft (a GP or an assistant)
  std::optional<int64_t> sender_id;      // the GP who sent it
  std::optional<int64_t> pool_id;        // where it is routed
  std::optional<int64_t> agreement_id;   // under which agreement
  std::optional<int64_t> agreement_version;  // and which version of it, once sent
  std::optional<TemplateRef> template_ref;   // the template version the answers were written to
  std::optional<int64_t> specialist_id;  // named on creation, or who claimed it
  std::optional<TimePoint> sent_at;
  std::optional<TimePoint> due_at;
  std::optional<Advice> advice;  // the latest advice
  // The first advice ends the response time: when, and how many working minutes after sending
  // (counted in the agreement's office hours, without weekends and public holidays).
  std::optional<TimePoint> first_advice_at;
  std::optional<int> response_minutes;
  int specialist_minutes = 0;          // the time the specialist recorded, added up over advices
  std::optional<int> question_rating;  // the specialist's rating of how well the question was put
  // A closed consult's outcome may be corrected later by its GP, with a reason; the fee lines get
  // a visible correction line.
  std::optional<TimePoint> outcome_corrected_at;
  std::optional<std::string> outcome_correction_reason;
  std::optional<Outcome> outcome;
  std::string decline_reason;
  TimePoint created_at;
  TimePoint updated_at;
  int64_t version = 1;  // bumped on every change: optimistic concurrency between nodes
  bool operator==(const Consult&) const = default;
};

}  // namespace meekijk::domain
