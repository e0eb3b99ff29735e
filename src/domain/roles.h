// Who people are in meekijk: the kinds of organisation and the roles of their members.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "domain/enum_names.h"

namespace meekijk::domain {

// A region office (regio-organisatie, such as a ROS) keeps the region's agreements as a whole.
enum class OrgKind {
  kGpPractice, kCareGroup, kHospital, kZbc, kKaderartsGroup, kInsurer, kRegionOffice
};

// A specialist covers kaderhuisartsen too: both answer consults for a pool.
enum class Role { kGp, kAssistant, kSpecialist, kCoordinator, kAnalyst, kPrivacyOfficer, kAdmin };

template <>
struct EnumNames<OrgKind> {
  static constexpr std::array<std::pair<OrgKind, std::string_view>, 7> kNames{{
      {OrgKind::kGpPractice, "gp_practice"},
      {OrgKind::kCareGroup, "care_group"},
      {OrgKind::kHospital, "hospital"},
      {OrgKind::kZbc, "zbc"},
      {OrgKind::kKaderartsGroup, "kaderarts_group"},
      {OrgKind::kInsurer, "insurer"},
      {OrgKind::kRegionOffice, "region_office"},
  }};
};

template <>
struct EnumNames<Role> {
  static constexpr std::array<std::pair<Role, std::string_view>, 7> kNames{{
      {Role::kGp, "gp"},
      {Role::kAssistant, "assistant"},
      {Role::kSpecialist, "specialist"},
      {Role::kCoordinator, "coordinator"},
      {Role::kAnalyst, "analyst"},
      {Role::kPrivacyOfficer, "privacy_officer"},
      {Role::kAdmin, "admin"},
  }};
};

// Whether members with this role may be part of an organisation of this kind: a GP works in a
// practice, a specialist in a hospital, ZBC or kaderarts group, an analyst at an insurer.
bool RoleFitsOrganisation(Role role, OrgKind kind);

// Whether members with this role see patient data (names, BSNs, clinical texts) and therefore
// must log in with a second factor (NEN 7510): every role but the insurer's analyst, who sees
// only figures.
bool RoleSeesPatientData(Role role);

// Whether an organisation of this kind must carry an AGB code (care providers do).
bool RequiresAgb(OrgKind kind);

}  // namespace meekijk::domain
