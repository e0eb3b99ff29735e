// The transition table of the consult life cycle, and its labels for people.
#include "domain/consult_state.h"

#include <initializer_list>

namespace meekijk::domain {
namespace {

struct Transition {
  ConsultAction action;
  std::initializer_list<ConsultStatus> from;
  ConsultStatus to;
};

using S = ConsultStatus;
using A = ConsultAction;

// The table of DESIGN.md, row by row. Sending to a named specialist is handled in NextStatus.
const Transition kTransitions[] = {
    {A::kEdit, {S::kDraft}, S::kDraft},
    {A::kSend, {S::kDraft}, S::kSent},
    {A::kCancel, {S::kDraft, S::kSent}, S::kCancelled},
    {A::kClaim, {S::kSent}, S::kClaimed},
    {A::kForward, {S::kSent}, S::kSent},
    {A::kAssign, {S::kSent, S::kClaimed}, S::kClaimed},
    {A::kDecline, {S::kSent, S::kClaimed}, S::kDeclined},
    // From answered too: the specialist who advised sends the consult back for a second round
    // (e.g. "start this, and send me the results in six weeks"); the GP's reply returns it to them.
    {A::kInfoRequest, {S::kClaimed, S::kAnswered}, S::kInfoRequested},
    {A::kReply, {S::kInfoRequested}, S::kClaimed},
    {A::kAdvice, {S::kClaimed}, S::kAnswered},
    {A::kQuestion, {S::kAnswered}, S::kClaimed},
    {A::kClose, {S::kAnswered, S::kDeclined}, S::kClosed},
};

Text RoleRefusal(ConsultAction action) {
  switch (action) {
    case A::kEdit:
      return {"Alleen de praktijk wijzigt een concept.", "Only the practice changes a draft."};
    case A::kQuestion:
      return {"Alleen een huisarts mag een vervolgvraag stellen.",
              "Only a GP may ask a follow-up question."};
    case A::kSend:
    case A::kCancel:
    case A::kClose:
      return {"Alleen een huisarts mag een consultatie " + std::string(ActionLabel(action).nl) + ".",
              "Only a GP may " + ActionLabel(action).en + " a consult."};
    case A::kReply:
      return {"Alleen de huisarts of praktijkmedewerker mag een informatievraag beantwoorden.",
              "Only the GP or practice assistant may reply to an information request."};
    case A::kForward:
      return {"Alleen een specialist of coördinator mag een consultatie doorsturen.",
              "Only a specialist or coordinator may forward a consult."};
    case A::kAssign:
      return {"Alleen een coördinator van de pool mag een consultatie toewijzen.",
              "Only a coordinator of the pool may assign a consult."};
    case A::kClaim:
    case A::kDecline:
    case A::kInfoRequest:
    case A::kAdvice:
      return {"Alleen een specialist van de pool mag een consultatie " +
                  std::string(ActionLabel(action).nl) + ".",
              "Only a specialist of the pool may " + ActionLabel(action).en + " a consult."};
  }
  return {"Dit mag u niet doen.", "You may not do this."};
}

}  // namespace

bool RoleMayTake(Role role, ConsultAction action) {
  switch (action) {
    case A::kSend:
    case A::kCancel:
    case A::kQuestion:
    case A::kClose:
      return role == Role::kGp;
    case A::kEdit:
    case A::kReply:
      return role == Role::kGp || role == Role::kAssistant;
    case A::kClaim:
    case A::kDecline:
    case A::kInfoRequest:
    case A::kAdvice:
      return role == Role::kSpecialist;
    case A::kForward:
      return role == Role::kSpecialist || role == Role::kCoordinator;
    case A::kAssign:
      return role == Role::kCoordinator;
  }
  return false;
}

Result<ConsultStatus> NextStatus(ConsultStatus from, ConsultAction action, Role role,
                                 Addressee addressee) {
  if (!RoleMayTake(role, action)) {
    Text why = RoleRefusal(action);
    return Error{ErrorCode::kForbidden, why, {}, {}, 0};
  }
  for (const Transition& transition : kTransitions) {
    if (transition.action != action) continue;
    for (ConsultStatus allowed : transition.from) {
      if (allowed != from) continue;
      if (action == A::kSend && addressee == Addressee::kNamedSpecialist) return S::kClaimed;
      return transition.to;
    }
  }
  return MakeError(ErrorCode::kConflict,
                   "Deze consultatie is " + StatusLabel(from).nl + "; " + ActionLabel(action).nl +
                       " kan nu niet.",
                   "This consult is " + StatusLabel(from).en + "; you cannot " +
                       ActionLabel(action).en + " it now.");
}

std::vector<ConsultAction> AllowedActions(ConsultStatus from, Role role, Addressee addressee) {
  std::vector<ConsultAction> allowed;
  for (const auto& [action, name] : EnumNames<ConsultAction>::kNames) {
    if (NextStatus(from, action, role, addressee).ok()) allowed.push_back(action);
  }
  return allowed;
}

bool IsFinal(ConsultStatus status) {
  return status == S::kClosed || status == S::kCancelled;
}

Text StatusLabel(ConsultStatus status) {
  switch (status) {
    case S::kDraft: return {"een concept", "a draft"};
    case S::kSent: return {"verstuurd", "sent"};
    case S::kClaimed: return {"in behandeling", "claimed"};
    case S::kInfoRequested: return {"wachtend op informatie", "waiting for information"};
    case S::kAnswered: return {"beantwoord", "answered"};
    case S::kClosed: return {"afgesloten", "closed"};
    case S::kDeclined: return {"geweigerd", "declined"};
    case S::kCancelled: return {"geannuleerd", "cancelled"};
  }
  return {"onbekend", "unknown"};
}

Text ActionLabel(ConsultAction action) {
  switch (action) {
    case A::kEdit: return {"wijzigen", "edit"};
    case A::kSend: return {"versturen", "send"};
    case A::kCancel: return {"annuleren", "cancel"};
    case A::kClaim: return {"oppakken", "claim"};
    case A::kForward: return {"doorsturen", "forward"};
    case A::kAssign: return {"toewijzen", "assign"};
    case A::kDecline: return {"weigeren", "decline"};
    case A::kInfoRequest: return {"om informatie vragen", "ask for information on"};
    case A::kReply: return {"informatie aanvullen", "reply to"};
    case A::kAdvice: return {"beantwoorden met een advies", "give advice on"};
    case A::kQuestion: return {"een vervolgvraag stellen over", "ask a follow-up question on"};
    case A::kClose: return {"afsluiten", "close"};
  }
  return {"", ""};
}

}  // namespace meekijk::domain
