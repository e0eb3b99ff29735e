// Planned and booked through the real use cases, as a coordinator and GPs would.
#include "cli/demo_clinic.h"

#include <chrono>

#include "domain/calendar.h"
#include "domain/working_days.h"
#include "service/access_log.h"
#include "service/clinic_service.h"
#include "service/consult_service.h"
#include "service/login_service.h"

namespace meekijk::cli {
namespace {

struct PhysicalCase {
  const char* gp;
  int birth_year;
  domain::Sex sex;
  const char* icpc;
  const char* question;
  const char* summary;
};

const PhysicalCase kPatients[] = {
    {"huisarts.devries", 1979, domain::Sex::kFemale, "S03",
     "Hardnekkige wratten op beide voetzolen, na 12 weken cryotherapie niet kleiner. Wilt u "
     "meekijken op het spreekuur?",
     "Vrouw, 47 jaar. Mozaïekwratten voetzool links en rechts, pijnlijk bij lopen. Salicylzuur en "
     "cryotherapie zonder effect."},
    {"huisarts.bakker", 1948, domain::Sex::kMale, "S79",
     "Groeiende, licht schilferende laesie op de slaap. Actinische keratose of basaalcelcarcinoom?",
     "Man, 78 jaar, vroeger buitenwerker. Laesie 9 mm, parelmoerachtige rand, soms bloedend."},
    {"huisarts.devries", 2001, domain::Sex::kMale, "S74",
     "Nagelafwijkingen aan drie tenen: schimmel of psoriasis? Kweek was negatief.",
     "Man, 25 jaar. Verdikte, verkleurde nagels, geen huidafwijkingen elders."},
    {"huisarts.bakker", 1990, domain::Sex::kFemale, "S06",
     "Terugkerende rode plekken in het gezicht met pustels; rosacea of perioriale dermatitis?",
     "Vrouw, 36 jaar. Metronidazolcrème 8 weken met weinig effect."},
    {"huisarts.devries", 1965, domain::Sex::kFemale, "S91",
     "Psoriasis capitis die niet reageert op clobetasolshampoo. Meekijken voor een plan?",
     "Vrouw, 61 jaar. Dikke schilfers op de hoofdhuid, jeuk, ook achter de oren."},
    {"huisarts.bakker", 1984, domain::Sex::kMale, "S82",
     "Meerdere atypische moedervlekken op de rug; graag samen beoordelen.",
     "Man, 42 jaar. Familieanamnese melanoom (vader). Vijf naevi > 6 mm."},
};

// The first working day after today: the demo's session lies ahead, whatever day it starts on.
std::string NextWorkingDay(TimePoint now) {
  std::chrono::sys_days day(domain::AmsterdamDate(now));
  do {
    day += std::chrono::days(1);
  } while (!domain::IsWorkingDay(std::chrono::year_month_day(day)));
  return domain::IsoDay(std::chrono::year_month_day(day));
}

}  // namespace

Result<void> CreateDemoClinic(store::Database& database, const Clock& clock,
                              const DemoPeople& people, int64_t derma_agreement_id) {
  service::LoginService logins(database, clock);
  service::AccessLog access_log(database, clock);
  service::ConsultService consults(database, clock, access_log);
  service::ClinicService clinic(database, clock, access_log);
  auto as = [&](const char* username) {
    return logins.PrincipalOf(people.user_ids.at(username), {"demo", "demo"});
  };
  MK_ASSIGN_OR_RETURN(service::Principal coordinator, as("coordinator.maasstad"));

  // Every second week at Kralingen, for the patients of Kralingen and Zuidplein: four slots of
  // twenty minutes.
  service::NewClinicSession request;
  request.agreement_id = derma_agreement_id;
  request.specialist_id = people.user_ids.at("specialist.smit");
  request.location = "Huisartsenpraktijk Kralingen, Oudedijk 120, spreekkamer 3";
  request.day = NextWorkingDay(clock.Now());
  request.starts_minute = 13 * 60;
  request.ends_minute = 13 * 60 + 80;
  request.repeat = domain::Recurrence{2, 3};
  MK_ASSIGN_OR_RETURN(service::Principal devries, as("huisarts.devries"));
  request.practice_ids = {devries.memberships.at(0).organisation_id};
  MK_ASSIGN_OR_RETURN(service::Principal bakker, as("huisarts.bakker"));
  request.practice_ids.push_back(bakker.memberships.at(0).organisation_id);
  MK_ASSIGN_OR_RETURN(service::PlannedSessions planned, clinic.Plan(coordinator, request));
  MK_ASSIGN_OR_RETURN(service::ClinicSessionView first,
                      clinic.Session(coordinator, planned.sessions.at(0).session.id));

  // The first session full, one patient waiting for it, and one booked in the next.
  for (size_t i = 0; i < std::size(kPatients); ++i) {
    const PhysicalCase& c = kPatients[i];
    MK_ASSIGN_OR_RETURN(service::Principal gp, as(c.gp));
    service::NewConsult consult;
    consult.content.specialty = "dermatologie";
    consult.content.mode = domain::ConsultMode::kPhysical;
    consult.content.patient = {c.birth_year, c.sex, {}, {}, {}};
    consult.content.icpc = c.icpc;
    consult.content.question = c.question;
    consult.content.clinical_summary = c.summary;
    consult.content.intended_referral = true;
    consult.content.consent = true;
    consult.send = true;
    MK_ASSIGN_OR_RETURN(domain::Consult sent, consults.Create(gp, consult));
    service::BookingRequest booking;
    if (i < first.slots.size()) {
      booking.slot_id = first.slots[i].slot.id;
    } else if (i == first.slots.size()) {
      booking.waiting_session_id = first.session.id;
    } else {
      MK_ASSIGN_OR_RETURN(service::ClinicSessionView next,
                          clinic.Session(coordinator, planned.sessions.at(1).session.id));
      booking.slot_id = next.slots.at(1).slot.id;
    }
    MK_RETURN_IF_ERROR(clinic.Book(gp, sent.id, booking));
  }
  return Ok();
}

}  // namespace meekijk::cli
