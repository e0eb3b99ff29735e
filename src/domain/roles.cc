// Which roles belong in which kinds of organisation.
#include "domain/roles.h"

namespace meekijk::domain {

bool RoleFitsOrganisation(Role role, OrgKind kind) {
  switch (role) {
    case Role::kGp:
    case Role::kAssistant:
      return kind == OrgKind::kGpPractice;
    case Role::kSpecialist:
      return kind == OrgKind::kHospital || kind == OrgKind::kZbc ||
             kind == OrgKind::kKaderartsGroup;
    case Role::kAnalyst:
      return kind == OrgKind::kInsurer || kind == OrgKind::kCareGroup ||
             kind == OrgKind::kRegionOffice;
    case Role::kCoordinator:
    case Role::kPrivacyOfficer:
    case Role::kAdmin:
      return true;
  }
  return false;
}

bool RequiresAgb(OrgKind kind) { return kind != OrgKind::kInsurer && kind != OrgKind::kRegionOffice; }

bool RoleSeesPatientData(Role role) { return role != Role::kAnalyst; }

}  // namespace meekijk::domain
