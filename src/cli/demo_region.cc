// The demo region's organisations, people and agreements.
#include "cli/demo_region.h"

#include <algorithm>
#include <map>

#include "auth/password.h"
#include "auth/totp.h"
#include "cli/demo_clinic.h"
#include "cli/demo_consults.h"
#include "cli/demo_history.h"
#include "service/directory_service.h"
#include "service/login_service.h"
#include "service/region_service.h"

namespace meekijk::cli {
namespace {

using domain::ConsultMode;
using domain::OrgKind;
using domain::Role;

struct OrgSpec {
  const char* key;
  OrgKind kind;
  const char* name;
  const char* agb;  // fictitious but well-formed
  const char* parent;
};

const OrgSpec kOrganisations[] = {
    {"zorggroep", OrgKind::kCareGroup, "Zorggroep Rijnmond Zuid", "03010001", nullptr},
    {"hon", OrgKind::kCareGroup, "Huisartsenorganisatie Nieuwe Waterweg", "03010002", nullptr},
    {"kralingen", OrgKind::kGpPractice, "Huisartsenpraktijk Kralingen", "01012345", "zorggroep"},
    {"zuidplein", OrgKind::kGpPractice, "Gezondheidscentrum Zuidplein", "01012346", "zorggroep"},
    {"schiedam", OrgKind::kGpPractice, "Huisartsenpraktijk Schiedam-Noord", "01023456", "hon"},
    {"vlaardingen", OrgKind::kGpPractice, "Huisartsen Vlaardingen Centrum", "01023457", "hon"},
    {"maasstad", OrgKind::kHospital, "Maasstad Ziekenhuis", "06010101", nullptr},
    {"ikazia", OrgKind::kHospital, "Ikazia Ziekenhuis", "06010202", nullptr},
    {"huidkliniek", OrgKind::kZbc, "Huidkliniek Rijnmond (ZBC)", "22010303", nullptr},
    {"kaderartsen", OrgKind::kKaderartsGroup, "Kaderhuisartsen Rijnmond", "03010404", nullptr},
    {"zilverenkruis", OrgKind::kInsurer, "Zilveren Kruis", nullptr, nullptr},
    {"ros", OrgKind::kRegionOffice, "ROS Rijnmond", nullptr, nullptr},
};

const domain::Specialty kSpecialties[] = {
    {"dermatologie", "Dermatologie", "Dermatology", "0310", 24500},
    {"cardiologie", "Cardiologie", "Cardiology", "0320", 68000},
    {"orthopedie", "Orthopedie", "Orthopaedics", "0305", 59000},
    {"neurologie", "Neurologie", "Neurology", "0330", 52000},
    {"interne-geneeskunde", "Interne geneeskunde", "Internal medicine", "0313", 61000},
    {"kno", "Keel-, neus- en oorheelkunde", "Ear, nose and throat", "0302", 34000},
    {"gynaecologie", "Gynaecologie", "Gynaecology", "0307", 43000},
    {"kader-diabetes", "Kaderhuisarts diabetes", "GP with special interest: diabetes", {}, 30000},
};

struct UserSpec {
  const char* username;
  const char* display_name;
  const char* organisation;
  Role role;
  const char* agb = nullptr;  // the personal AGB code: GPs' and specialists' systems name them by it
};

const UserSpec kUsers[] = {
    {"huisarts.devries", "Dr. Anna de Vries", "kralingen", Role::kGp, "01012345"},
    {"huisarts.bakker", "Dr. Pieter Bakker", "zuidplein", Role::kGp, "01023456"},
    {"huisarts.jansen", "Dr. Fatima Jansen", "schiedam", Role::kGp, "01034567"},
    {"huisarts.elamrani", "Dr. Youssef El Amrani", "vlaardingen", Role::kGp, "01045678"},
    {"assistent.visser", "Lotte Visser (POH)", "kralingen", Role::kAssistant},
    {"specialist.smit", "Dr. Eva Smit, dermatoloog", "maasstad", Role::kSpecialist, "03012345"},
    {"specialist.mulder", "Dr. Joost Mulder, dermatoloog", "maasstad", Role::kSpecialist, "03023456"},
    {"specialist.dekker", "Dr. Sanne Dekker, cardioloog", "maasstad", Role::kSpecialist},
    {"specialist.bos", "Dr. Hugo Bos, neuroloog", "maasstad", Role::kSpecialist},
    {"specialist.peters", "Dr. Ilse Peters, internist", "maasstad", Role::kSpecialist},
    {"specialist.vandam", "Dr. Mark van Dam, orthopeed", "ikazia", Role::kSpecialist},
    {"specialist.meijer", "Dr. Noor Meijer, KNO-arts", "ikazia", Role::kSpecialist},
    {"specialist.koster", "Dr. Tim Koster, gynaecoloog", "ikazia", Role::kSpecialist},
    {"specialist.dijkstra", "Dr. Lieke Dijkstra, dermatoloog", "huidkliniek", Role::kSpecialist},
    {"kaderarts.hendriks", "Dr. Ruud Hendriks, kaderhuisarts diabetes", "kaderartsen",
     Role::kSpecialist},
    {"coordinator.zorggroep", "Marieke de Groot", "zorggroep", Role::kCoordinator},
    {"coordinator.hon", "Hans Verbeek", "hon", Role::kCoordinator},
    {"coordinator.maasstad", "Erik van Leeuwen", "maasstad", Role::kCoordinator},
    {"coordinator.rijnmond", "Ingrid Vos", "ros", Role::kCoordinator},
    {"analist.zilverenkruis", "Sophie Willems", "zilverenkruis", Role::kAnalyst},
    {"privacy.kralingen", "Jan de Boer", "kralingen", Role::kPrivacyOfficer},
    {"admin", "Beheerder meekijk", "zorggroep", Role::kAdmin},
};

struct PoolSpec {
  const char* key;
  const char* organisation;
  const char* specialty;
  const char* name;
  std::vector<const char*> members;
};

const PoolSpec kPools[] = {
    {"derma_maasstad", "maasstad", "dermatologie", "Dermatologie Maasstad",
     {"specialist.smit", "specialist.mulder"}},
    {"cardio_maasstad", "maasstad", "cardiologie", "Cardiologie Maasstad", {"specialist.dekker"}},
    {"neuro_maasstad", "maasstad", "neurologie", "Neurologie Maasstad", {"specialist.bos"}},
    {"interne_maasstad", "maasstad", "interne-geneeskunde", "Interne geneeskunde Maasstad",
     {"specialist.peters"}},
    {"ortho_ikazia", "ikazia", "orthopedie", "Orthopedie Ikazia", {"specialist.vandam"}},
    {"kno_ikazia", "ikazia", "kno", "KNO Ikazia", {"specialist.meijer"}},
    {"gyn_ikazia", "ikazia", "gynaecologie", "Gynaecologie Ikazia", {"specialist.koster"}},
    {"derma_huidkliniek", "huidkliniek", "dermatologie", "Dermatologie Huidkliniek Rijnmond",
     {"specialist.dijkstra"}},
    {"diabetes_kader", "kaderartsen", "kader-diabetes", "Kaderhuisartsen diabetes",
     {"kaderarts.hendriks"}},
};

// The two care groups set up visibly differently, each by its own coordinator: Zorggroep Rijnmond
// Zuid consults seven specialties, with its own templates for dermatology and cardiology; HON
// consults five, chooses between two hospitals for dermatology, answers within two days and gives
// Goede Vrijdag off.
struct AgreementSpec {
  const char* coordinator;
  const char* gp_organisation;
  const char* pool;
  std::vector<ConsultMode> modes;
  int response_days;
  bool requires_identification;
  const char* question_template;  // a key of kTemplates, or null
  int64_t gp_fee_cents;
  int64_t specialist_fee_cents;  // per minute under FeeBasis::kMinute
  domain::DaysOff days_off;
  domain::OfficeHours office_hours = {};
};

const std::vector<ConsultMode> kDigital{ConsultMode::kDigital};
// A pool consult nobody claimed within a working day goes to the whole pool and its coordinator.
constexpr int kDemoEscalationHours = 8;
const std::vector<ConsultMode> kBoth{ConsultMode::kDigital, ConsultMode::kPhysical};
constexpr domain::DaysOff kGoodFriday{.good_friday = true};
// HON's practices open at 08:30; its agreements count the response time from then.
constexpr domain::OfficeHours kHonHours{.opens_minute = 8 * 60 + 30, .closes_minute = 17 * 60};

const AgreementSpec kAgreements[] = {
    {"coordinator.zorggroep", "zorggroep", "derma_maasstad", kBoth, 3, false, "huid_zorggroep",
     2500, 4500, {}},
    {"coordinator.zorggroep", "zorggroep", "cardio_maasstad", kDigital, 2, false,
     "hart_zorggroep", 2500, 4500, {}},
    {"coordinator.zorggroep", "zorggroep", "neuro_maasstad", kDigital, 5, false, nullptr, 2500,
     4500, {}},
    {"coordinator.zorggroep", "zorggroep", "interne_maasstad", kDigital, 3, true, nullptr, 2500,
     4500, {}},
    {"coordinator.zorggroep", "zorggroep", "ortho_ikazia", kBoth, 5, false, nullptr, 2500, 4500,
     {}},
    {"coordinator.zorggroep", "zorggroep", "kno_ikazia", kDigital, 3, false, nullptr, 2500, 4500,
     {}},
    {"coordinator.zorggroep", "zorggroep", "diabetes_kader", kBoth, 5, false, nullptr, 2000, 3000,
     {}},
    {"coordinator.hon", "hon", "derma_huidkliniek", kBoth, 2, false, "huid_hon", 3000, 300,
     kGoodFriday, kHonHours},
    {"coordinator.hon", "hon", "derma_maasstad", kDigital, 2, false, "huid_hon", 3000, 5000,
     kGoodFriday, kHonHours},
    {"coordinator.hon", "hon", "ortho_ikazia", kDigital, 5, false, nullptr, 3000, 5000,
     kGoodFriday, kHonHours},
    {"coordinator.hon", "hon", "kno_ikazia", kDigital, 3, false, nullptr, 3000, 5000, kGoodFriday,
     kHonHours},
    {"coordinator.hon", "hon", "gyn_ikazia", kDigital, 4, false, nullptr, 3000, 5000, kGoodFriday,
     kHonHours},
    {"coordinator.hon", "hon", "cardio_maasstad", kDigital, 2, false, nullptr, 3000, 5000,
     kGoodFriday, kHonHours},
};

domain::TemplateField Question(const char* key, const char* label, domain::FieldType type,
                               bool required, const char* help = "",
                               std::vector<std::string> options = {},
                               std::optional<std::string> unit = {}) {
  return {key, label, help, type, required, std::move(unit), std::move(options)};
}

struct TemplateSpec {
  const char* key;
  const char* coordinator;
  const char* specialty;
  const char* name;
  std::vector<domain::TemplateField> fields;
};

using domain::FieldType;

const TemplateSpec kTemplates[] = {
    {"huid_zorggroep", "coordinator.zorggroep", "dermatologie", "Huidafwijking",
     {Question("duur_weken", "Hoe lang bestaat de afwijking?", FieldType::kNumber, false, "", {},
               "weken"),
      Question("locatie", "Waar zit de afwijking?", FieldType::kChoice, false, "",
               {"Gelaat of hoofdhuid", "Romp", "Armen of handen", "Benen of voeten", "Verspreid"}),
      Question("jeuk", "Jeukt het?", FieldType::kYesNo, false),
      Question("fotos", "Overzichts- en detailfoto", FieldType::kPhoto, false,
               "Een foto van de hele regio en een scherpe van dichtbij, met een liniaal erbij.")}},
    {"hart_zorggroep", "coordinator.zorggroep", "cardiologie", "Hartklachten",
     {Question("inspanning", "Zijn de klachten inspanningsgebonden?", FieldType::kYesNo, true),
      Question("klachten_sinds", "Sinds wanneer bestaan de klachten?", FieldType::kDate, false),
      Question("ecg", "ECG", FieldType::kPhoto, false, "Het ECG als pdf of foto.")}},
    {"huid_hon", "coordinator.hon", "dermatologie", "Huidklachten HON",
     {Question("beloop", "Hoe is het beloop tot nu toe?", FieldType::kText, false,
               "Wat is geprobeerd en met welk effect?"),
      Question("foto", "Foto van de afwijking", FieldType::kPhoto, false)}},
};

}  // namespace

namespace {

// Pools, templates and agreements, made by the region's own people through the use cases they
// use in the web app: the administrator sets up the hospitals' pools, each care group's
// coordinator its templates and agreements.
Result<void> CreateInfrastructure(store::Database& database, const Clock& clock,
                                  const std::map<std::string, int64_t>& organisation_ids,
                                  DemoPeople& people) {
  service::RegionService region(database, clock);
  service::LoginService logins(database, clock);
  auto as = [&](const char* username) {
    return logins.PrincipalOf(people.user_ids.at(username), {"demo", "demo"});
  };
  MK_ASSIGN_OR_RETURN(service::Principal admin, as("admin"));
  for (const PoolSpec& spec : kPools) {
    service::NewPool pool{organisation_ids.at(spec.organisation), spec.specialty, spec.name, {}};
    for (const char* member : spec.members) pool.member_ids.push_back(people.user_ids.at(member));
    MK_ASSIGN_OR_RETURN(service::PoolView created, region.CreatePool(admin, pool));
    people.pool_ids[spec.key] = created.pool.id;
  }
  std::map<std::string, int64_t> template_ids;
  for (const TemplateSpec& spec : kTemplates) {
    MK_ASSIGN_OR_RETURN(service::Principal coordinator, as(spec.coordinator));
    domain::QuestionTemplate question_template;
    question_template.specialty = spec.specialty;
    question_template.name = spec.name;
    question_template.fields = spec.fields;
    MK_ASSIGN_OR_RETURN(service::TemplateView created,
                        region.CreateTemplate(coordinator, question_template));
    template_ids[spec.key] = created.question_template.id;
  }
  for (const AgreementSpec& spec : kAgreements) {
    MK_ASSIGN_OR_RETURN(service::Principal coordinator, as(spec.coordinator));
    domain::Agreement agreement;
    agreement.gp_organisation_ids = {organisation_ids.at(spec.gp_organisation)};
    agreement.pool_id = people.pool_ids.at(spec.pool);
    agreement.modes = spec.modes;
    agreement.response_days = spec.response_days;
    agreement.days_off = spec.days_off;
    agreement.office_hours = spec.office_hours;
    agreement.valid_from = "2024-01-01";
    agreement.requires_identification = spec.requires_identification;
    agreement.gp_fee_cents = spec.gp_fee_cents;
    agreement.specialist_fee_cents = spec.specialist_fee_cents;
    agreement.escalate_after_hours = kDemoEscalationHours;
    agreement.insurer_id = organisation_ids.at("zilverenkruis");
    // Ikazia's orthopaedists are paid through the DBC when the patient is referred after all; the
    // dermatologists of the Huidkliniek by the minute they record.
    agreement.pay_specialist_when_referred = std::string_view(spec.pool) != "ortho_ikazia";
    if (std::string_view(spec.pool) == "derma_huidkliniek") {
      agreement.specialist_fee_basis = domain::FeeBasis::kMinute;
    }
    if (spec.question_template) agreement.template_id = template_ids.at(spec.question_template);
    if (std::find(spec.modes.begin(), spec.modes.end(), ConsultMode::kPhysical) !=
        spec.modes.end()) {
      // A visit to the practice costs the specialist an afternoon: paid more than a digital one.
      agreement.physical_specialist_fee_cents = spec.specialist_fee_cents * 2;
    }
    MK_ASSIGN_OR_RETURN(service::AgreementView created,
                        region.CreateAgreement(coordinator, agreement));
    people.agreement_ids[std::string(spec.gp_organisation) + "/" + spec.pool] =
        created.agreement.id;
  }
  return Ok();
}

}  // namespace

Result<std::vector<DemoAccount>> CreateDemoRegion(store::Database& database, const Clock& clock,
                                                  const std::string& password, bool history) {
  service::DirectoryService directory(database, clock);
  MK_ASSIGN_OR_RETURN(bool empty, directory.IsEmpty());
  if (!empty) {
    return MakeError(ErrorCode::kConflict,
                     "Deze database bevat al gegevens; de demo vult alleen een lege database.",
                     "This database already holds data; the demo only fills an empty one.");
  }
  MK_RETURN_IF_ERROR(auth::ValidateNewPassword(password));
  std::map<std::string, int64_t> ids;
  std::map<std::string, std::string> names;
  std::map<std::string, OrgKind> kinds;
  for (const OrgSpec& spec : kOrganisations) {
    domain::Organisation organisation{0, spec.kind, spec.name,
                                      spec.agb ? std::optional<std::string>(spec.agb) : std::nullopt,
                                      spec.parent ? std::optional<int64_t>(ids.at(spec.parent))
                                                  : std::nullopt,
                                      "Rotterdam e.o."};
    MK_ASSIGN_OR_RETURN(ids[spec.key], directory.AddOrganisation(organisation));
    names[spec.key] = spec.name;
    kinds[spec.key] = spec.kind;
  }
  for (const domain::Specialty& specialty : kSpecialties) {
    MK_RETURN_IF_ERROR(directory.AddSpecialty(specialty));
  }
  // One hash for the one demo password: hashing it twenty times would only cost time.
  MK_ASSIGN_OR_RETURN(std::string hash, auth::HashPassword(password));
  service::LoginService logins(database, clock);
  std::vector<DemoAccount> accounts;
  DemoPeople people;
  for (const UserSpec& spec : kUsers) {
    // Addresses at example.nl (RFC 2606): a demo's mails reach a test server, never a person.
    service::NewUser user{spec.username, spec.display_name,
                          std::string(spec.username) + "@example.nl",
                          spec.agb ? std::optional<std::string>(spec.agb) : std::nullopt, "",
                          {{ids.at(spec.organisation), spec.role}}};
    MK_ASSIGN_OR_RETURN(int64_t id, directory.AddUserWithHash(user, hash));
    people.user_ids[spec.username] = id;
    std::string secret = auth::NewTotpSecret();
    MK_RETURN_IF_ERROR(logins.EnrolForDemo(id, secret));
    accounts.push_back({spec.username, std::string(domain::Name(spec.role)),
                        names.at(spec.organisation), spec.display_name, auth::Base32(secret),
                        ids.at(spec.organisation),
                        std::string(domain::Name(kinds.at(spec.organisation)))});
  }
  MK_RETURN_IF_ERROR(CreateInfrastructure(database, clock, ids, people));
  MK_RETURN_IF_ERROR(CreateDemoConsults(database, clock, people));
  MK_RETURN_IF_ERROR(
      CreateDemoClinic(database, clock, people, people.agreement_ids.at("zorggroep/derma_maasstad")));
  if (history) MK_RETURN_IF_ERROR(CreateDemoHistory(database, clock, people));
  return accounts;
}

}  // namespace meekijk::cli
