// The consult life cycle of DESIGN.md as one table: who may do what in which state.
#pragma once

#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "domain/consult.h"
#include "domain/roles.h"

namespace meekijk::domain {

// kEdit changes a draft's content and leaves it a draft; every other action moves the status.
enum class ConsultAction {
  kEdit, kSend, kCancel, kClaim, kForward, kAssign, kDecline, kInfoRequest, kReply, kAdvice,
  kQuestion, kClose
};

template <>
struct EnumNames<ConsultAction> {
  static constexpr std::array<std::pair<ConsultAction, std::string_view>, 12> kNames{{
      {ConsultAction::kEdit, "edit"},       {ConsultAction::kSend, "send"},       {ConsultAction::kCancel, "cancel"},
      {ConsultAction::kClaim, "claim"},     {ConsultAction::kForward, "forward"},
      {ConsultAction::kAssign, "assign"},
      {ConsultAction::kDecline, "decline"}, {ConsultAction::kInfoRequest, "info_request"},
      {ConsultAction::kReply, "reply"},     {ConsultAction::kAdvice, "advice"},
      {ConsultAction::kQuestion, "question"}, {ConsultAction::kClose, "close"},
  }};
};

// Whether the consult names one specialist (claimed at once on sending) or a whole pool.
enum class Addressee { kPool, kNamedSpecialist };

// Whether a member with `role` may ever take `action`, whatever the consult's state.
bool RoleMayTake(Role role, ConsultAction action);

// The status after `action` by a member with `role`, or: kForbidden when the role may never take
// the action, kConflict when the current status does not allow it. The role is checked first, so
// an assistant who tries to send a closed consult hears that assistants never send.
Result<ConsultStatus> NextStatus(ConsultStatus from, ConsultAction action, Role role,
                                 Addressee addressee = Addressee::kPool);

// The actions a member with `role` may take in status `from`, in ConsultAction's order: what the
// consult view offers. Rules outside the table (only the holder of a claimed consult answers it)
// are the service's.
std::vector<ConsultAction> AllowedActions(ConsultStatus from, Role role,
                                          Addressee addressee = Addressee::kPool);

// Whether the consult is finished: closed, cancelled. Declined consults still await closing.
bool IsFinal(ConsultStatus status);

// Dutch and English words for people: "in behandeling" / "claimed".
Text StatusLabel(ConsultStatus status);
Text ActionLabel(ConsultAction action);

}  // namespace meekijk::domain
