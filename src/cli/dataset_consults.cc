// Making generated consults and their threads.
#include "cli/dataset_consults.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace meekijk::cli {
namespace {

using domain::ConsultStatus;
using domain::MessageKind;
using domain::OutcomeKind;
using domain::Recommendation;
using domain::Role;
using std::chrono::hours;
using std::chrono::minutes;

// Shares of the published meekijkconsult figures: dermatology about a third, then cardiology,
// orthopaedics, neurology and internal medicine; every other specialty a few percent.
int SpecialtyWeight(std::string_view code) {
  if (code == "dermatologie") return 35;
  if (code == "cardiologie") return 12;
  if (code == "orthopedie") return 10;
  if (code == "neurologie" || code == "interne_geneeskunde") return 8;
  return 4;
}

constexpr std::array<std::string_view, 6> kQuestions = {
    "Huidafwijking sinds enkele maanden, niet reagerend op hydrocortison. Wat is uw advies?",
    "Palpitaties bij inspanning, ECG zonder afwijkingen. Verder onderzoek nodig?",
    "Knieklachten na verdraaiing, geen slotklachten. Eerst fysiotherapie?",
    "Hoofdpijn met wisselend beloop, neurologisch onderzoek normaal. Beeldvorming zinvol?",
    "Licht verhoogd creatinine bij controle. Verwijzen of eerst herhalen?",
    "Klachten passend bij de vraag hierboven; graag uw mening over beleid in de eerste lijn."};
constexpr std::array<std::string_view, 4> kAdvices = {
    "Beleid in de eerste lijn voortzetten; bij uitblijven van verbetering over 6 weken opnieuw.",
    "Graag verwijzen naar de polikliniek voor nader onderzoek.",
    "Aanvullend laboratoriumonderzoek aanbevolen; daarna beleid in de eerste lijn.",
    "Gezien de bevindingen is een consult op het meekijkspreekuur zinvol."};
constexpr std::array<std::string_view, 3> kIcpc = {"S88", "K04", "L15"};

}  // namespace

ConsultSynthesiser::ConsultSynthesiser(const World& world, int64_t total, int years, TimePoint now,
                                       uint64_t seed)
    : world_(world), total_(std::max<int64_t>(1, total)),
      start_(now - hours(24 * 365 * years)), now_(now),
      step_(std::chrono::duration_cast<std::chrono::milliseconds>(now - start_) / total_),
      random_(seed) {}

void ConsultSynthesiser::Make(int64_t first, int64_t count, int64_t consult_id,
                              int64_t message_id, ConsultBatch& batch) {
  batch.consults.clear();
  batch.messages.clear();
  batch.consults.reserve(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    batch.consults.push_back(MakeOne(first + i, consult_id + i, message_id, batch.messages));
  }
}

domain::Consult ConsultSynthesiser::MakeOne(int64_t index, int64_t id, int64_t& message_id,
                                            std::vector<domain::ThreadMessage>& messages) {
  auto chance = [this](int percent) { return static_cast<int>(random_() % 100) < percent; };
  auto pick = [this](size_t n) { return static_cast<size_t>(random_() % n); };

  const Practice& practice = world_.practices[pick(world_.practices.size())];
  // The specialty by weight among those the practice has an agreement for.
  int total_weight = 0;
  for (const auto& [code, route] : practice.routes) total_weight += SpecialtyWeight(code);
  int draw = static_cast<int>(random_() % static_cast<uint64_t>(total_weight));
  auto chosen = practice.routes.begin();
  for (; chosen != practice.routes.end(); ++chosen) {
    draw -= SpecialtyWeight(chosen->first);
    if (draw < 0) break;
  }
  if (chosen == practice.routes.end()) chosen = practice.routes.begin();
  const Route& route = world_.routes[chosen->second];
  int64_t gp = practice.gps[pick(practice.gps.size())];
  int64_t specialist = route.specialists[pick(route.specialists.size())];

  domain::Consult c;
  c.id = id;
  c.content.specialty = chosen->first;
  c.content.mode = chance(3) ? domain::ConsultMode::kPhysical : domain::ConsultMode::kDigital;
  c.content.patient.birth_year = 1935 + static_cast<int>(pick(88));
  c.content.patient.sex = chance(55) ? domain::Sex::kFemale : domain::Sex::kMale;
  c.content.icpc = std::string(kIcpc[pick(kIcpc.size())]);
  c.content.question = std::string(kQuestions[pick(kQuestions.size())]);
  c.content.clinical_summary = "Voorgeschiedenis blanco. Medicatie: geen.";
  c.content.intended_referral = chance(80);
  c.content.consent = true;
  c.practice_id = practice.id;
  c.author_id = gp;
  c.sender_id = gp;
  c.pool_id = route.pool_id;
  c.agreement_id = route.agreement_id;
  c.agreement_version = route.agreement_version;
  TimePoint sent = start_ + step_ * index + std::chrono::milliseconds(random_() % 600000);
  c.created_at = sent - minutes(10);
  c.sent_at = sent;
  // Due after the agreed working days; two more calendar days when a weekend falls between.
  c.due_at = sent + hours(24 * route.response_days + (route.response_days >= 3 ? 48 : 0));

  auto add_message = [&](MessageKind kind, int64_t author, Role role, std::string_view body,
                         TimePoint at, std::optional<Recommendation> recommendation) {
    domain::ThreadMessage m;
    m.id = message_id++;
    m.consult_id = id;
    m.kind = kind;
    m.author_id = author;
    m.author_role = role;
    m.body = std::string(body);
    m.recommendation = recommendation;
    m.created_at = at;
    messages.push_back(std::move(m));
  };
  // The question itself is the consult's; the thread holds what follows it.
  c.updated_at = sent;
  c.version = 2;

  // The life cycle so far, by age: what was sent in the last few days is still open; a few
  // consults of the last fortnight are waiting for more information or overdue; older ones have
  // nearly all ended (a few answered ones were never closed by their GP).
  auto age = now_ - sent;
  int roll = static_cast<int>(pick(100));
  ConsultStatus status;
  if (age > hours(24 * 14)) {
    status = roll < 90 ? ConsultStatus::kClosed
             : roll < 93 ? ConsultStatus::kDeclined
             : roll < 95 ? ConsultStatus::kCancelled
                         : ConsultStatus::kAnswered;
  } else if (age > hours(24 * 3)) {
    status = roll < 50 ? ConsultStatus::kAnswered
             : roll < 90 ? ConsultStatus::kClosed
             : roll < 95 ? ConsultStatus::kInfoRequested
             : roll < 98 ? ConsultStatus::kClaimed
                         : ConsultStatus::kSent;
  } else {
    status = roll < 30 ? ConsultStatus::kSent
             : roll < 55 ? ConsultStatus::kClaimed
             : roll < 65 ? ConsultStatus::kInfoRequested
             : roll < 90 ? ConsultStatus::kAnswered
                         : ConsultStatus::kClosed;
  }
  c.status = status;
  if (status == ConsultStatus::kSent || status == ConsultStatus::kCancelled) return c;
  if (status == ConsultStatus::kDeclined) {
    c.decline_reason = "Valt buiten het aandachtsgebied van deze pool.";
    c.updated_at = sent + hours(4);
    c.version = 3;
    return c;
  }
  c.specialist_id = specialist;
  // Working minutes to the first advice, spread around the agreed time (log-normal: most are
  // early, a few are late).
  double agreed_minutes = route.response_days * 8.0 * 60.0;
  double spread = std::exp(std::normal_distribution<double>(-0.9, 0.8)(random_));
  int response_minutes = std::max(5, static_cast<int>(agreed_minutes * spread));
  TimePoint at = sent + minutes(response_minutes * 3);  // working time is a third of the clock
  bool asked_for_more = status == ConsultStatus::kInfoRequested || chance(15);
  if (asked_for_more) {
    if (at >= now_) at = std::max(sent, now_ - minutes(5));
    add_message(MessageKind::kInfoRequest, specialist, Role::kSpecialist,
                "Kunt u een foto en de duur van de klachten toevoegen?", at, std::nullopt);
    if (status == ConsultStatus::kInfoRequested) {
      c.updated_at = at;
      return c;
    }
    at += hours(5);
    add_message(MessageKind::kReply, gp, Role::kGp, "Klachten bestaan sinds drie maanden.", at,
                std::nullopt);
    at += hours(6);
  }
  // Nothing happens after now: an advice still to come leaves the consult with its specialist.
  if (at >= now_ && status != ConsultStatus::kInfoRequested) status = ConsultStatus::kClaimed;
  c.status = status;
  if (status == ConsultStatus::kClaimed) {
    c.updated_at = sent + hours(1);
    return c;
  }
  int advice_roll = static_cast<int>(pick(100));
  Recommendation recommendation = advice_roll < 70   ? Recommendation::kPrimaryCare
                                  : advice_roll < 95 ? Recommendation::kRefer
                                  : advice_roll < 98 ? Recommendation::kPhysicalSession
                                                     : Recommendation::kOther;
  std::string_view advice_text = kAdvices[recommendation == Recommendation::kPrimaryCare ? 0
                                          : recommendation == Recommendation::kRefer     ? 1
                                          : recommendation == Recommendation::kOther     ? 2
                                                                                         : 3];
  add_message(MessageKind::kAdvice, specialist, Role::kSpecialist, advice_text, at, recommendation);
  c.first_advice_at = at;
  c.response_minutes = response_minutes;
  c.specialist_minutes = 5 + static_cast<int>(pick(16));
  c.question_rating = 3 + static_cast<int>(pick(3));
  // Now and then a follow-up question and a further advice, once or twice.
  // (a thread holds at most six messages).
  int follow_ups = chance(8) ? (chance(25) && !asked_for_more ? 2 : 1) : 0;
  for (int i = 0; i < follow_ups; ++i) {
    add_message(MessageKind::kQuestion, gp, Role::kGp, "Aanvullende vraag over de dosering.",
                at + hours(20), std::nullopt);
    at += hours(26);
    add_message(MessageKind::kAdvice, specialist, Role::kSpecialist, advice_text, at,
                recommendation);
  }
  domain::Advice advice;
  advice.recommendation = recommendation;
  advice.body = std::string(advice_text);
  advice.specialist_id = specialist;
  advice.given_at = at;
  c.advice = advice;
  c.updated_at = at;
  c.version = 5;
  if (status == ConsultStatus::kClosed &&
      at + hours(24) >= now_) {  // closing a day after the advice would be in the future
    status = ConsultStatus::kAnswered;
    c.status = status;
  }
  if (status != ConsultStatus::kClosed) return c;
  // Closed: the GP's outcome follows the advice mostly (about two thirds stay in primary care).
  domain::Outcome outcome;
  bool follows = chance(90);
  outcome.outcome = recommendation == Recommendation::kRefer
                        ? (follows ? OutcomeKind::kReferred : OutcomeKind::kPrimaryCare)
                        : (follows ? OutcomeKind::kPrimaryCare
                                   : chance(70) ? OutcomeKind::kReferred
                                                : OutcomeKind::kReferredElsewhere);
  outcome.learned = chance(60);
  outcome.rating = 3 + static_cast<int>(pick(3));
  outcome.closed_at = std::min(at + hours(24 + static_cast<int>(pick(96))), now_ - minutes(1));
  c.outcome = outcome;
  c.updated_at = outcome.closed_at;
  c.version = 6;
  return c;
}

}  // namespace meekijk::cli
