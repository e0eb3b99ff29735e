// The demo region's organisations, people and agreements.
#include "cli/demo_region.h"

#include <map>

#include "auth/password.h"
#include "auth/totp.h"
#include "cli/demo_consults.h"
#include "service/directory_service.h"
#include "service/login_service.h"

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
};

const domain::Specialty kSpecialties[] = {
    {"dermatologie", "Dermatologie", "Dermatology", "0310"},
    {"cardiologie", "Cardiologie", "Cardiology", "0320"},
    {"orthopedie", "Orthopedie", "Orthopaedics", "0305"},
    {"neurologie", "Neurologie", "Neurology", "0330"},
    {"interne-geneeskunde", "Interne geneeskunde", "Internal medicine", "0313"},
    {"kno", "Keel-, neus- en oorheelkunde", "Ear, nose and throat", "0302"},
    {"gynaecologie", "Gynaecologie", "Gynaecology", "0307"},
    {"kader-diabetes", "Kaderhuisarts diabetes", "GP with special interest: diabetes", {}},
};

struct UserSpec {
  const char* username;
  const char* display_name;
  const char* organisation;
  Role role;
};

const UserSpec kUsers[] = {
    {"huisarts.devries", "Dr. Anna de Vries", "kralingen", Role::kGp},
    {"huisarts.bakker", "Dr. Pieter Bakker", "zuidplein", Role::kGp},
    {"huisarts.jansen", "Dr. Fatima Jansen", "schiedam", Role::kGp},
    {"huisarts.elamrani", "Dr. Youssef El Amrani", "vlaardingen", Role::kGp},
    {"assistent.visser", "Lotte Visser (POH)", "kralingen", Role::kAssistant},
    {"specialist.smit", "Dr. Eva Smit, dermatoloog", "maasstad", Role::kSpecialist},
    {"specialist.mulder", "Dr. Joost Mulder, dermatoloog", "maasstad", Role::kSpecialist},
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
    {"coordinator.maasstad", "Erik van Leeuwen", "maasstad", Role::kCoordinator},
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

struct AgreementSpec {
  const char* gp_organisation;
  const char* pool;
  std::vector<ConsultMode> modes;
  int response_days;
  bool requires_identification;
};

const std::vector<ConsultMode> kDigital{ConsultMode::kDigital};
const std::vector<ConsultMode> kBoth{ConsultMode::kDigital, ConsultMode::kPhysical};

const AgreementSpec kAgreements[] = {
    {"zorggroep", "derma_maasstad", kBoth, 3, false},
    {"zorggroep", "cardio_maasstad", kDigital, 2, false},
    {"zorggroep", "neuro_maasstad", kDigital, 5, false},
    {"zorggroep", "interne_maasstad", kDigital, 3, true},
    {"zorggroep", "ortho_ikazia", kBoth, 5, false},
    {"zorggroep", "kno_ikazia", kDigital, 3, false},
    {"zorggroep", "diabetes_kader", kBoth, 5, false},
    {"hon", "derma_huidkliniek", kBoth, 2, false},
    {"hon", "ortho_ikazia", kDigital, 5, false},
    {"hon", "kno_ikazia", kDigital, 3, false},
    {"hon", "gyn_ikazia", kDigital, 4, false},
    {"hon", "cardio_maasstad", kDigital, 2, false},
};

}  // namespace

Result<std::vector<DemoAccount>> CreateDemoRegion(store::Database& database, const Clock& clock,
                                                  const std::string& password) {
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
  for (const OrgSpec& spec : kOrganisations) {
    domain::Organisation organisation{0, spec.kind, spec.name,
                                      spec.agb ? std::optional<std::string>(spec.agb) : std::nullopt,
                                      spec.parent ? std::optional<int64_t>(ids.at(spec.parent))
                                                  : std::nullopt,
                                      "Rotterdam e.o."};
    MK_ASSIGN_OR_RETURN(ids[spec.key], directory.AddOrganisation(organisation));
    names[spec.key] = spec.name;
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
    service::NewUser user{spec.username, spec.display_name, "", {}, "",
                          {{ids.at(spec.organisation), spec.role}}};
    MK_ASSIGN_OR_RETURN(int64_t id, directory.AddUserWithHash(user, hash));
    people.user_ids[spec.username] = id;
    std::string secret = auth::NewTotpSecret();
    MK_RETURN_IF_ERROR(logins.EnrolForDemo(id, secret));
    accounts.push_back({spec.username, std::string(domain::Name(spec.role)),
                        names.at(spec.organisation), spec.display_name, auth::Base32(secret)});
  }
  for (const PoolSpec& spec : kPools) {
    std::vector<int64_t> members;
    for (const char* member : spec.members) members.push_back(people.user_ids.at(member));
    MK_ASSIGN_OR_RETURN(people.pool_ids[spec.key],
                        directory.AddPool({0, ids.at(spec.organisation), spec.specialty, spec.name},
                                          members));
  }
  for (const AgreementSpec& spec : kAgreements) {
    domain::Agreement agreement;
    agreement.gp_organisation_id = ids.at(spec.gp_organisation);
    agreement.pool_id = people.pool_ids.at(spec.pool);
    agreement.modes = spec.modes;
    agreement.response_days = spec.response_days;
    agreement.valid_from = "2024-01-01";
    agreement.requires_identification = spec.requires_identification;
    MK_RETURN_IF_ERROR(directory.AddAgreement(agreement));
  }
  MK_RETURN_IF_ERROR(CreateDemoConsults(database, clock, people));
  return accounts;
}

}  // namespace meekijk::cli
