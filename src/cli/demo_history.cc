// The demo's past year: see demo_history.h.
#include "cli/demo_history.h"

#include <algorithm>
#include <random>

#include "domain/calendar.h"
#include "domain/fee_line.h"
#include "domain/working_days.h"
#include "service/access_log.h"
#include "service/consult_service.h"
#include "service/fee_service.h"
#include "service/login_service.h"
#include "service/survey_service.h"
#include "store/outbox.h"
#include "store/tx.h"

namespace meekijk::cli {
namespace {

using domain::ConsultMode;
using domain::OutcomeKind;
using domain::Recommendation;
using std::chrono::hours;
using std::chrono::minutes;

// Who consults whom: a GP, the pool, the specialist who answers it, whether the agreement allows
// a physical consult, and how often (weight) — dermatology the largest, as everywhere.
struct Route {
  const char* gp;
  const char* pool;
  const char* specialist;
  const char* specialty;
  bool physical;
  int weight;
  int response_days;
};

const Route kRoutes[] = {
    {"huisarts.devries", "derma_maasstad", "specialist.smit", "dermatologie", true, 9, 3},
    {"huisarts.bakker", "derma_maasstad", "specialist.mulder", "dermatologie", true, 8, 3},
    {"huisarts.devries", "cardio_maasstad", "specialist.dekker", "cardiologie", false, 4, 2},
    {"huisarts.bakker", "neuro_maasstad", "specialist.bos", "neurologie", false, 3, 5},
    {"huisarts.devries", "ortho_ikazia", "specialist.vandam", "orthopedie", true, 4, 5},
    {"huisarts.bakker", "kno_ikazia", "specialist.meijer", "kno", false, 3, 3},
    {"huisarts.bakker", "interne_maasstad", "specialist.peters", "interne-geneeskunde", false, 2, 3},
    {"huisarts.devries", "diabetes_kader", "kaderarts.hendriks", "kader-diabetes", true, 3, 5},
    {"huisarts.jansen", "derma_huidkliniek", "specialist.dijkstra", "dermatologie", true, 8, 2},
    {"huisarts.elamrani", "derma_maasstad", "specialist.smit", "dermatologie", false, 4, 2},
    {"huisarts.jansen", "ortho_ikazia", "specialist.vandam", "orthopedie", false, 3, 5},
    {"huisarts.elamrani", "kno_ikazia", "specialist.meijer", "kno", false, 3, 3},
    {"huisarts.jansen", "gyn_ikazia", "specialist.koster", "gynaecologie", false, 3, 4},
    {"huisarts.elamrani", "cardio_maasstad", "specialist.dekker", "cardiologie", false, 3, 2},
};

struct DemoQuestion {
  const char* icpc;
  const char* text;
};

const DemoQuestion* QuestionsOf(std::string_view specialty, size_t& count) {
  static const DemoQuestion kDerma[] = {
      {"S82", "Pigmentlaesie: past dit bij een benigne naevus of toch excisie?"},
      {"S87", "Eczeem dat ondanks behandeling blijft opvlammen: welke volgende stap?"},
      {"S91", "Psoriasis met nagelafwijkingen: systemische behandeling nodig?"},
      {"S06", "Erythemateuze plek op de wang sinds maanden: actinische keratose?"}};
  static const DemoQuestion kCardio[] = {
      {"K04", "Hartkloppingen met normaal ECG in rust: Holter via de eerste lijn?"},
      {"K86", "Hypertensie die slecht reageert op drie middelen: secundaire oorzaak?"}};
  static const DemoQuestion kNeuro[] = {{"N01", "Chronische hoofdpijn: medicatieovergebruik of meer?"},
                                    {"N17", "Draaiduizeligheid bij hoofdbeweging: BPPD behandelen?"}};
  static const DemoQuestion kOrtho[] = {{"L15", "Knieklachten bij artrose: injectie in de praktijk?"},
                                    {"L92", "Schouderpijn bij abductie: impingement behandelen?"}};
  static const DemoQuestion kKno[] = {{"H03", "Eenzijdige tinnitus zonder gehoorverlies: beleid?"},
                                  {"R75", "Recidiverende sinusitis: neusspray of verwijzen?"}};
  static const DemoQuestion kGyn[] = {{"X08", "Intermenstrueel bloedverlies bij spiraal: echo nodig?"}};
  static const DemoQuestion kInternal[] = {{"B80", "Microcytaire anemie zonder duidelijke oorzaak: eerst scopie of ijzer?"}};
  static const DemoQuestion kDiabetes[] = {{"T90", "HbA1c blijft boven 70 ondanks metformine en SU: insuline starten?"}};
  struct Entry {
    std::string_view specialty;
    const DemoQuestion* questions;
    size_t count;
  };
  static const Entry kAll[] = {{"dermatologie", kDerma, 4}, {"cardiologie", kCardio, 2},
                               {"neurologie", kNeuro, 2},   {"orthopedie", kOrtho, 2},
                               {"kno", kKno, 2},            {"gynaecologie", kGyn, 1},   {"interne-geneeskunde", kInternal, 1},
                               {"kader-diabetes", kDiabetes, 1}};
  for (const Entry& e : kAll) {
    if (e.specialty == specialty) {
      count = e.count;
      return e.questions;
    }
  }
  count = 0;
  return nullptr;
}

// The next working day's `minute` on or after `t` (Amsterdam), for a GP who works on weekdays.
TimePoint OnAWorkingDay(TimePoint t, int minute) {
  std::chrono::year_month_day day = domain::AmsterdamDate(t);
  while (!domain::IsWorkingDay(day)) day = std::chrono::sys_days{day} + std::chrono::days(1);
  return domain::AmsterdamMoment(day, minute);
}

class History {
 public:
  History(store::Database& database, TimePoint now, const DemoPeople& people)
      : database_(database),
        now_(now),
        clock_(now - hours(24 * 365)),
        logins_(database, clock_),
        access_log_(database, clock_),
        consults_(database, clock_, access_log_),
        surveys_(database, clock_, access_log_),
        fees_(database, clock_),
        people_(people),
        random_(20261207) {}

  Result<void> Make() {
    int total_weight = 0;
    for (const Route& r : kRoutes) total_weight += r.weight;
    TimePoint start = now_ - hours(24 * 365);
    for (int i = 0; i < kDemoHistoryConsults; ++i) {
      int pick = Uniform(0, total_weight - 1);
      const Route* route = &kRoutes[0];
      for (const Route& r : kRoutes) {
        if (pick < r.weight) {
          route = &r;
          break;
        }
        pick -= r.weight;
      }
      TimePoint day = start + hours(24 * 365 * i / kDemoHistoryConsults);
      MK_RETURN_IF_ERROR(One(*route, OnAWorkingDay(day, Uniform(8 * 60, 15 * 60))));
    }
    clock_.Set(now_);
    MK_RETURN_IF_ERROR(CorrectOne());
    MK_RETURN_IF_ERROR(ApproveStatements());
    return database_.Run(store::Access::kWrite, [&](store::Tx& tx) {
      return tx.outbox().SettleHistory(now_ - hours(24));
    });
  }

 private:
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  bool Chance(int percent) { return Uniform(1, 100) <= percent; }

  Result<service::Principal> As(const char* username) {
    return logins_.PrincipalOf(people_.user_ids.at(username), {"demo", "demo"});
  }

  // One consult's course: written and sent, answered after a spread of working days around the
  // agreed time, closed a few days later, sometimes with a survey answer from the patient.
  Result<void> One(const Route& route, TimePoint sent) {
    if (sent > now_ - hours(2)) return Ok();
    clock_.Set(sent);
    MK_ASSIGN_OR_RETURN(service::Principal gp, As(route.gp));
    MK_ASSIGN_OR_RETURN(service::Principal specialist, As(route.specialist));
    size_t count = 0;
    const DemoQuestion* questions = QuestionsOf(route.specialty, count);
    const DemoQuestion& q = questions[static_cast<size_t>(Uniform(0, static_cast<int>(count) - 1))];
    service::NewConsult request;
    request.content.specialty = route.specialty;
    request.content.mode =
        route.physical && Chance(15) ? ConsultMode::kPhysical : ConsultMode::kDigital;
    request.content.patient = {Uniform(1940, 2015), Chance(52) ? domain::Sex::kFemale : domain::Sex::kMale,
                               {}, {}, {}};
    request.content.icpc = q.icpc;
    request.content.question = q.text;
    request.content.clinical_summary = "Anamnese en lichamelijk onderzoek in het dossier; "
                                       "beloop sinds enkele maanden.";
    bool intended = Chance(72);
    request.content.intended_referral = intended;
    request.content.consent = true;
    request.pool_id = people_.pool_ids.at(route.pool);
    request.send = true;
    if (std::string_view(route.pool) == "interne_maasstad") {
      // This pool needs to know who the patient is (a BSN that passes the 11-proef).
      request.content.patient.name = "Demo Patiënt";
      request.content.patient.birth_date = std::to_string(request.content.patient.birth_year) + "-06-15";
      request.content.patient.bsn = "111222333";
    }
    if (std::string_view(route.pool) == "cardio_maasstad" && std::string_view(route.gp) == "huisarts.devries") {
      // Zorggroep Rijnmond Zuid's cardiology template asks this always.
      request.content.template_answers = {{"inspanning", Chance(40) ? "true" : "false"}};
    }
    MK_ASSIGN_OR_RETURN(domain::Consult made, consults_.Create(gp, request));
    int64_t id = made.id;
    // The answer: most within the agreed working days, some later.
    int spread_hours = std::max(2, route.response_days * 24 * (Chance(80) ? 1 : 2));
    TimePoint answered = OnAWorkingDay(sent + hours(Uniform(1, spread_hours)), Uniform(8 * 60, 16 * 60));
    if (answered <= sent) answered = sent + hours(1);
    if (answered > now_ - hours(1)) return Ok();  // still waiting
    clock_.Set(answered);
    MK_RETURN_IF_ERROR(consults_.Claim(specialist, id));
    // About two in three stay with the GP; intended referrals are the ones a consult averts.
    Recommendation advice = Chance(intended ? 64 : 80) ? Recommendation::kPrimaryCare : Recommendation::kRefer;
    service::AdviceRecord record{Uniform(5, 25), Uniform(2, 5)};
    MK_RETURN_IF_ERROR(consults_.GiveAdvice(
        specialist, id, advice,
        advice == Recommendation::kPrimaryCare
            ? "Goed te behandelen in de eerste lijn; zie het beleid hierboven. Bij onvoldoende "
              "effect na zes weken opnieuw overleggen."
            : "Graag verwijzen voor nadere diagnostiek op de polikliniek.",
        record));
    TimePoint closed = OnAWorkingDay(answered + hours(Uniform(2, 96)), Uniform(8 * 60, 17 * 60));
    if (closed > now_ - hours(1)) return Ok();  // the GP has not closed it yet
    clock_.Set(closed);
    OutcomeKind outcome = advice == Recommendation::kPrimaryCare
                              ? (Chance(96) ? OutcomeKind::kPrimaryCare : OutcomeKind::kReferredElsewhere)
                              : (Chance(88) ? OutcomeKind::kReferred : OutcomeKind::kPrimaryCare);
    MK_RETURN_IF_ERROR(consults_.Close(gp, id, {outcome, Chance(78), Uniform(3, 5)}));
    closed_.push_back({id, route.gp, outcome, route.pool});
    if (Chance(45)) {
      MK_ASSIGN_OR_RETURN(service::Leaflet leaflet, surveys_.LeafletFor(gp, id));
      if (Chance(70)) {
        clock_.Set(closed + hours(Uniform(2, 72)));
        if (clock_.Now() < now_) {
          MK_RETURN_IF_ERROR(surveys_.Answer(
              leaflet.code,
              {Chance(90) ? "nl" : "en", Uniform(3, 5), Uniform(3, 5),
               Chance(80) ? "own_gp" : (Chance(50) ? "hospital" : "no_preference")},
              "demo"));
        }
      }
    }
    return Ok();
  }

  // A GP found out later that the patient was referred after all: the outcome is corrected, and
  // where the agreement does not pay the specialist for a referral, a correction line shows it.
  Result<void> CorrectOne() {
    for (const Closed& c : closed_) {
      if (c.outcome != OutcomeKind::kPrimaryCare || std::string_view(c.pool) != "ortho_ikazia" ||
          std::string_view(c.gp) != "huisarts.devries") {
        continue;
      }
      clock_.Set(now_ - hours(24 * 20));
      MK_ASSIGN_OR_RETURN(service::Principal gp, As(c.gp));
      MK_RETURN_IF_ERROR(consults_.CorrectOutcome(
          gp, c.id, OutcomeKind::kReferred,
          "Patiënt is na drie maanden toch verwezen: klachten namen toe ondanks injectie."));
      clock_.Set(now_);
      return Ok();
    }
    return Ok();
  }

  // The region office has approved every statement of the year but last month's, which waits
  // for the coordinator who opens the demo.
  Result<void> ApproveStatements() {
    MK_ASSIGN_OR_RETURN(service::Principal coordinator, As("coordinator.rijnmond"));
    std::chrono::year_month_day today = domain::AmsterdamDate(now_);
    TimePoint month_start = domain::AmsterdamMoment(
        std::chrono::year_month_day{today.year(), today.month(), std::chrono::day{1}}, 0);
    std::string last_month = domain::FeeMonth(month_start - hours(24));
    for (int back = 13; back >= 2; --back) {
      std::string month = domain::FeeMonth(month_start - hours(24 * 30 * back) + hours(24 * 15));
      if (month >= last_month) continue;
      MK_ASSIGN_OR_RETURN(std::vector<service::FeeStatement> statements,
                          fees_.List(coordinator, month));
      for (const service::FeeStatement& s : statements) {
        if (s.may_approve) MK_RETURN_IF_ERROR(fees_.Approve(coordinator, s.organisation.id, month));
      }
    }
    return Ok();
  }

  struct Closed {
    int64_t id;
    const char* gp;
    OutcomeKind outcome;
    const char* pool;
  };

  store::Database& database_;
  TimePoint now_;
  FakeClock clock_;
  service::LoginService logins_;
  service::AccessLog access_log_;
  service::ConsultService consults_;
  service::SurveyService surveys_;
  service::FeeService fees_;
  const DemoPeople& people_;
  std::mt19937 random_;
  std::vector<Closed> closed_;
};

}  // namespace

Result<void> CreateDemoHistory(store::Database& database, const Clock& clock,
                               const DemoPeople& people) {
  History history(database, clock.Now(), people);
  return history.Make();
}

}  // namespace meekijk::cli
