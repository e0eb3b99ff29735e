// The life-cycle use cases: send, cancel, claim, decline, forward, assign, messages, advice, close.
#include <algorithm>
#include <cmath>

#include "domain/agreement.h"
#include "domain/calendar.h"
#include "domain/consult_validation.h"
#include "service/clinic_views.h"
#include "service/consult_frame.h"
#include "service/consult_routing.h"
#include "service/consult_service.h"
#include "service/fee_settlement.h"
#include "service/notifier.h"
#include "store/agreements.h"
#include "store/directory.h"
#include "store/referrals.h"

namespace meekijk::service {

using domain::Consult;
using domain::ConsultAction;
using domain::MessageKind;
using domain::Role;

namespace {

constexpr std::monostate kDone{};

// A client's If-Match: the consult as it was when the client read it, or no change.
Result<void> RequireVersion(const Consult& consult, std::optional<int64_t> if_version) {
  if (!if_version || *if_version == consult.version) return Ok();
  Error stale = MakeError(ErrorCode::kConflict,
                          "De consultatie is intussen gewijzigd; lees haar opnieuw.",
                          "The consult has changed meanwhile; read it again.");
  stale.reason = "stale_version";
  return stale;
}

// OnConsult for a life-cycle action: checks the version the caller expects (if any) and the
// transition in the domain's table, lets `apply` change the consult, and stores it with its new
// status.
template <typename Apply>
Result<Consult> Transition(store::Database& database, AccessLog& access_log, const Clock& clock,
                           const Principal& principal, int64_t consult_id, ConsultAction action,
                           Apply&& apply, std::optional<int64_t> if_version = {}) {
  std::string log_action = "consult." + std::string(domain::Name(action));
  return OnConsult<Consult>(
      database, access_log, principal, consult_id, log_action,
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<Consult> {
        MK_RETURN_IF_ERROR(RequireVersion(consult, if_version));
        domain::Addressee addressee =
            consult.specialist_id ? domain::Addressee::kNamedSpecialist : domain::Addressee::kPool;
        MK_ASSIGN_OR_RETURN(domain::ConsultStatus next,
                            domain::NextStatus(consult.status, action, role, addressee));
        MK_RETURN_IF_ERROR(apply(tx, consult, role));
        consult.status = next;
        consult.updated_at = clock.Now();
        MK_RETURN_IF_ERROR(tx.consults().Update(consult));
        ++consult.version;
        if (std::optional<domain::EventKind> event = domain::EventOf(action)) {
          MK_RETURN_IF_ERROR(
              NotifyConsultEvent(tx, consult, *event, principal.user.id, consult.updated_at));
        }
        return consult;
      });
}

// The agreement version the consult was sent under, if any.
Result<std::optional<domain::Agreement>> AgreementOf(store::Tx& tx, const Consult& consult) {
  if (!consult.agreement_id || !consult.agreement_version) {
    return std::optional<domain::Agreement>();
  }
  return tx.agreements().FindVersion(*consult.agreement_id, *consult.agreement_version);
}

// The working minutes from sending to `now`, in the office hours of the agreement version the
// consult was sent under (weekends and public holidays left out).
Result<std::optional<int>> ResponseMinutes(store::Tx& tx, const Consult& consult, TimePoint now) {
  if (!consult.sent_at) return std::optional<int>();
  domain::DaysOff off;
  domain::OfficeHours hours;
  MK_ASSIGN_OR_RETURN(std::optional<domain::Agreement> agreement, AgreementOf(tx, consult));
  if (agreement) {
    off = agreement->days_off;
    hours = agreement->office_hours;
  }
  double working_hours = domain::WorkingHoursBetween(*consult.sent_at, now, off, hours);
  return std::optional<int>(static_cast<int>(std::lround(working_hours * 60)));
}

Result<void> AppendMessage(store::Tx& tx, const Principal& principal, const Consult& consult,
                           Role role, MessageKind kind, const std::string& body, TimePoint now,
                           std::optional<domain::Recommendation> recommendation = {}) {
  domain::ThreadMessage message;
  message.consult_id = consult.id;
  message.kind = kind;
  message.author_id = principal.user.id;
  message.author_role = role;
  message.body = body;
  message.recommendation = recommendation;
  message.created_at = now;
  MK_RETURN_IF_ERROR(tx.consults().AppendMessage(message));
  return Ok();
}

}  // namespace

Result<Consult> ConsultService::Send(const Principal& principal, int64_t consult_id,
                                     std::optional<int64_t> if_version) {
  return Transition(database_, access_log_, clock_, principal, consult_id, ConsultAction::kSend,
                    [&](store::Tx& tx, Consult& consult, Role) -> Result<std::monostate> {
                      MK_RETURN_IF_ERROR(Route(tx, principal, clock_.Now(), consult));
                      return kDone;
                    },
                    if_version);
}

Result<Consult> ConsultService::Cancel(const Principal& principal, int64_t consult_id,
                                       std::optional<int64_t> if_version) {
  return Transition(database_, access_log_, clock_, principal, consult_id, ConsultAction::kCancel,
                    [&](store::Tx& tx, Consult& consult, Role) -> Result<std::monostate> {
                      MK_RETURN_IF_ERROR(
                          ReleaseBooking(tx, consult.id, principal.user.id, clock_.Now()));
                      return kDone;
                    },
                    if_version);
}

Result<Consult> ConsultService::Claim(const Principal& principal, int64_t consult_id,
                                      std::optional<int64_t> if_version) {
  return Transition(database_, access_log_, clock_, principal, consult_id, ConsultAction::kClaim,
                    [&](store::Tx&, Consult& consult, Role role) -> Result<std::monostate> {
                      if (role == Role::kSpecialist &&
                          !(consult.pool_id && principal.IsPoolMember(*consult.pool_id))) {
                        return MakeError(ErrorCode::kForbidden,
                                         "U hoort niet bij de pool van deze consultatie.",
                                         "You are not a member of this consult's pool.");
                      }
                      consult.specialist_id = principal.user.id;
                      return kDone;
                    },
                    if_version);
}

Result<Consult> ConsultService::Decline(const Principal& principal, int64_t consult_id,
                                        const std::string& reason,
                                        std::optional<int64_t> if_version) {
  MK_RETURN_IF_ERROR(domain::ValidateMessageBody(reason, "decline", "reason"));
  return Transition(database_, access_log_, clock_, principal, consult_id, ConsultAction::kDecline,
                    [&](store::Tx& tx, Consult& consult, Role role) -> Result<std::monostate> {
                      MK_RETURN_IF_ERROR(RequireHolderOnceClaimed(principal, consult, role));
                      consult.decline_reason = reason;
                      MK_RETURN_IF_ERROR(
                          ReleaseBooking(tx, consult.id, principal.user.id, clock_.Now()));
                      if (!consult.specialist_id) consult.specialist_id = principal.user.id;
                      return kDone;
                    },
                    if_version);
}

Result<Consult> ConsultService::Forward(const Principal& principal, int64_t consult_id,
                                        int64_t to_pool_id) {
  return Transition(database_, access_log_, clock_, principal, consult_id, ConsultAction::kForward,
                    [&](store::Tx& tx, Consult& consult, Role) -> Result<std::monostate> {
                      MK_ASSIGN_OR_RETURN(std::optional<domain::Pool> target,
                                          tx.agreements().FindPool(to_pool_id));
                      if (!target || target->specialty != consult.content.specialty ||
                          target->id == consult.pool_id) {
                        return MakeError(ErrorCode::kInvalidArgument,
                                         "Kies een andere pool voor hetzelfde specialisme.",
                                         "Choose another pool for the same specialty.", "pool_id");
                      }
                      MK_ASSIGN_OR_RETURN(PracticeAgreements practice,
                                          AgreementsOfPractice(tx, consult.practice_id));
                      MK_ASSIGN_OR_RETURN(domain::Agreement agreement,
                                          domain::SelectAgreement(
                                              practice.agreements, practice.scope,
                                              consult.content.specialty, consult.content.mode,
                                              domain::AmsterdamIsoDate(clock_.Now()), to_pool_id));
                      // The response clock keeps running: the patient has been waiting since the
                      // consult was sent.
                      consult.pool_id = agreement.pool_id;
                      consult.agreement_id = agreement.id;
                      consult.agreement_version = agreement.version;
                      return kDone;
                    });
}

Result<Consult> ConsultService::Assign(const Principal& principal, int64_t consult_id,
                                       int64_t specialist_id) {
  return Transition(database_, access_log_, clock_, principal, consult_id, ConsultAction::kAssign,
                    [&](store::Tx& tx, Consult& consult, Role) -> Result<std::monostate> {
                      std::vector<int64_t> members;
                      if (consult.pool_id) {
                        MK_ASSIGN_OR_RETURN(members, tx.agreements().PoolMembers(*consult.pool_id));
                      }
                      MK_ASSIGN_OR_RETURN(std::optional<domain::User> chosen,
                                          tx.directory().FindUser(specialist_id));
                      bool member = std::find(members.begin(), members.end(), specialist_id) !=
                                    members.end();
                      if (!member || !chosen || !chosen->active) {
                        return MakeError(ErrorCode::kInvalidArgument,
                                         "Kies een specialist van de pool van deze consultatie.",
                                         "Choose a specialist of this consult's pool.",
                                         "specialist_id");
                      }
                      consult.specialist_id = specialist_id;
                      return kDone;
                    });
}

Result<Consult> ConsultService::PostMessage(const Principal& principal, int64_t consult_id,
                                            MessageKind kind, const std::string& body) {
  MK_RETURN_IF_ERROR(domain::ValidateMessageBody(body, domain::Name(kind), "body"));
  ConsultAction action = ConsultAction::kQuestion;
  if (kind == MessageKind::kInfoRequest) action = ConsultAction::kInfoRequest;
  if (kind == MessageKind::kReply) action = ConsultAction::kReply;
  if (kind == MessageKind::kAdvice) {
    return MakeError(ErrorCode::kInvalidArgument, "Geef een advies via ‘advies geven’.",
                     "Give advice through the advice action.", "kind");
  }
  return Transition(
      database_, access_log_, clock_, principal, consult_id, action,
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<std::monostate> {
        MK_RETURN_IF_ERROR(RequireHolderOnceClaimed(principal, consult, role));
        MK_RETURN_IF_ERROR(AppendMessage(tx, principal, consult, role, kind, body, clock_.Now()));
        return kDone;
      });
}

Result<Consult> ConsultService::GiveAdvice(const Principal& principal, int64_t consult_id,
                                           domain::Recommendation recommendation,
                                           const std::string& body, const AdviceRecord& record) {
  MK_RETURN_IF_ERROR(domain::ValidateMessageBody(body, "advice", "body"));
  if (record.minutes && (*record.minutes < 1 || *record.minutes > kMaxAdviceMinutes)) {
    return MakeError(ErrorCode::kInvalidArgument, "Geef de bestede tijd in minuten: 1 tot 600.",
                     "Give the time spent in minutes: 1 to 600.", "minutes");
  }
  if (record.question_rating) {
    Result<void> valid = domain::ValidateRating(*record.question_rating);
    if (!valid.ok()) {
      return MakeError(ErrorCode::kInvalidArgument, "Geef de vraag een oordeel van 1 tot 5.",
                       "Rate the question from 1 to 5.", "question_rating");
    }
  }
  return Transition(
      database_, access_log_, clock_, principal, consult_id, ConsultAction::kAdvice,
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<std::monostate> {
        MK_RETURN_IF_ERROR(RequireHolderOnceClaimed(principal, consult, role));
        MK_ASSIGN_OR_RETURN(std::optional<domain::Agreement> agreement, AgreementOf(tx, consult));
        if (agreement && agreement->specialist_fee_basis == domain::FeeBasis::kMinute &&
            !record.minutes) {
          return MakeError(ErrorCode::kInvalidArgument,
                           "Vul de bestede tijd in: deze afspraak betaalt per minuut.",
                           "Enter the time spent: this agreement pays by the minute.", "minutes");
        }
        TimePoint now = clock_.Now();
        MK_RETURN_IF_ERROR(AppendMessage(tx, principal, consult, role, MessageKind::kAdvice, body,
                                         now, recommendation));
        consult.advice = domain::Advice{recommendation, body, principal.user.id, now};
        if (!consult.first_advice_at) {
          consult.first_advice_at = now;
          MK_ASSIGN_OR_RETURN(consult.response_minutes, ResponseMinutes(tx, consult, now));
        }
        consult.specialist_minutes += record.minutes.value_or(0);
        if (record.question_rating) consult.question_rating = record.question_rating;
        return kDone;
      });
}

Result<Consult> ConsultService::Close(const Principal& principal, int64_t consult_id,
                                      const Outcome& outcome, std::optional<int64_t> if_version) {
  MK_RETURN_IF_ERROR(domain::ValidateRating(outcome.rating));
  return Transition(database_, access_log_, clock_, principal, consult_id, ConsultAction::kClose,
                    [&](store::Tx& tx, Consult& consult, Role) -> Result<std::monostate> {
                      TimePoint now = clock_.Now();
                      consult.outcome =
                          domain::Outcome{outcome.outcome, outcome.learned, outcome.rating, now};
                      MK_RETURN_IF_ERROR(SettleFees(tx, consult, now));
                      return kDone;
                    },
                    if_version);
}

Result<Consult> ConsultService::Refer(const Principal& principal, int64_t consult_id,
                                      const std::string& letter, bool learned, int rating) {
  MK_RETURN_IF_ERROR(domain::ValidateRating(rating));
  MK_RETURN_IF_ERROR(domain::ValidateMessageBody(letter, "referral", "letter"));
  return Transition(database_, access_log_, clock_, principal, consult_id, ConsultAction::kClose,
                    [&](store::Tx& tx, Consult& consult, Role) -> Result<std::monostate> {
                      if (!consult.advice ||
                          consult.advice->recommendation != domain::Recommendation::kRefer) {
                        return MakeError(ErrorCode::kConflict,
                                         "Een verwijzing volgt op het advies 'verwijzen'.",
                                         "A referral follows the advice 'refer'.");
                      }
                      TimePoint now = clock_.Now();
                      consult.outcome = domain::Outcome{domain::OutcomeKind::kReferred, learned,
                                                        rating, now};
                      MK_RETURN_IF_ERROR(SettleFees(tx, consult, now));
                      MK_RETURN_IF_ERROR(
                          tx.referrals().Insert({consult.id, letter, principal.user.id, now}));
                      return kDone;
                    });
}

Result<Consult> ConsultService::CorrectOutcome(const Principal& principal, int64_t consult_id,
                                               domain::OutcomeKind outcome,
                                               const std::string& reason) {
  MK_RETURN_IF_ERROR(domain::ValidateMessageBody(reason, "outcome_correction", "reason"));
  return OnConsult<Consult>(
      database_, access_log_, principal, consult_id, "consult.correct_outcome",
      [&](store::Tx& tx, Consult& consult, Role role) -> Result<Consult> {
        if (role != Role::kGp) {
          return MakeError(ErrorCode::kForbidden,
                           "Alleen een huisarts van de praktijk corrigeert de uitkomst.",
                           "Only a GP of the practice corrects the outcome.");
        }
        if (consult.status != domain::ConsultStatus::kClosed || !consult.outcome) {
          return MakeError(ErrorCode::kConflict,
                           "Alleen de uitkomst van een afgesloten consultatie kan worden "
                           "gecorrigeerd.",
                           "Only a closed consult's outcome can be corrected.");
        }
        if (consult.outcome->outcome == outcome) {
          return MakeError(ErrorCode::kInvalidArgument, "Dit is de uitkomst al.",
                           "This is the outcome already.", "outcome");
        }
        TimePoint now = clock_.Now();
        consult.outcome->outcome = outcome;
        consult.outcome_corrected_at = now;
        consult.outcome_correction_reason = reason;
        consult.updated_at = now;
        MK_RETURN_IF_ERROR(tx.consults().Update(consult));
        ++consult.version;
        MK_RETURN_IF_ERROR(SettleFees(tx, consult, now, reason));
        return consult;
      });
}

}  // namespace meekijk::service
