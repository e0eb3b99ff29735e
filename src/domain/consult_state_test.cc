#include "domain/consult_state.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace meekijk::domain {
namespace {

using S = ConsultStatus;
using A = ConsultAction;

struct Allowed {
  S from;
  A action;
  Role role;
  S to;
};

// Every allowed transition of DESIGN.md's table, written out independently of the implementation.
const Allowed kAllowed[] = {
    {S::kDraft, A::kEdit, Role::kGp, S::kDraft},
    {S::kDraft, A::kEdit, Role::kAssistant, S::kDraft},
    {S::kDraft, A::kSend, Role::kGp, S::kSent},
    {S::kDraft, A::kCancel, Role::kGp, S::kCancelled},
    {S::kSent, A::kCancel, Role::kGp, S::kCancelled},
    {S::kSent, A::kClaim, Role::kSpecialist, S::kClaimed},
    {S::kSent, A::kForward, Role::kSpecialist, S::kSent},
    {S::kSent, A::kForward, Role::kCoordinator, S::kSent},
    // The coordinator of the pool's organisation gives a consult to one of its specialists.
    {S::kSent, A::kAssign, Role::kCoordinator, S::kClaimed},
    {S::kClaimed, A::kAssign, Role::kCoordinator, S::kClaimed},
    {S::kSent, A::kDecline, Role::kSpecialist, S::kDeclined},
    {S::kClaimed, A::kDecline, Role::kSpecialist, S::kDeclined},
    {S::kClaimed, A::kInfoRequest, Role::kSpecialist, S::kInfoRequested},
    {S::kInfoRequested, A::kReply, Role::kGp, S::kClaimed},
    {S::kInfoRequested, A::kReply, Role::kAssistant, S::kClaimed},
    {S::kClaimed, A::kAdvice, Role::kSpecialist, S::kAnswered},
    {S::kAnswered, A::kQuestion, Role::kGp, S::kClaimed},
    // The specialist who advised sends the consult back for a second round.
    {S::kAnswered, A::kInfoRequest, Role::kSpecialist, S::kInfoRequested},
    {S::kAnswered, A::kClose, Role::kGp, S::kClosed},
    {S::kDeclined, A::kClose, Role::kGp, S::kClosed},
};

template <typename E>
std::vector<E> AllOf() {
  std::vector<E> all;
  for (const auto& [value, name] : EnumNames<E>::kNames) all.push_back(value);
  return all;
}

TEST(ConsultStateTest, AllowsEveryTransitionOfTheDesignTable) {
  for (const Allowed& row : kAllowed) {
    Result<S> next = NextStatus(row.from, row.action, row.role);
    ASSERT_TRUE(next.ok()) << Name(row.from) << " " << Name(row.action) << " " << Name(row.role)
                           << ": " << next.error().message.en;
    EXPECT_EQ(*next, row.to) << Name(row.from) << " " << Name(row.action);
  }
}

TEST(ConsultStateTest, RefusesEveryOtherCombinationWithTheSpecificCode) {
  std::set<std::tuple<S, A, Role>> allowed;
  for (const Allowed& row : kAllowed) allowed.insert({row.from, row.action, row.role});
  int refused = 0;
  for (S from : AllOf<S>()) {
    for (A action : AllOf<A>()) {
      for (Role role : AllOf<Role>()) {
        if (allowed.count({from, action, role})) continue;
        Result<S> next = NextStatus(from, action, role);
        ASSERT_FALSE(next.ok()) << Name(from) << " " << Name(action) << " " << Name(role);
        ErrorCode expected = RoleMayTake(role, action) ? ErrorCode::kConflict : ErrorCode::kForbidden;
        EXPECT_EQ(next.error().code, expected) << Name(from) << " " << Name(action) << " "
                                               << Name(role);
        EXPECT_FALSE(next.error().message.nl.empty());
        EXPECT_FALSE(next.error().message.en.empty());
        ++refused;
      }
    }
  }
  EXPECT_EQ(refused, 8 * 12 * 7 - static_cast<int>(std::size(kAllowed)));
}

TEST(ConsultStateTest, SendingToANamedSpecialistClaimsAtOnce) {
  EXPECT_EQ(*NextStatus(S::kDraft, A::kSend, Role::kGp, Addressee::kNamedSpecialist), S::kClaimed);
}

TEST(ConsultStateTest, AssistantNeverSendsEvenADraft) {
  Result<S> next = NextStatus(S::kDraft, A::kSend, Role::kAssistant);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(next.error().message.nl, "Alleen een huisarts mag een consultatie versturen.");
}

TEST(ConsultStateTest, RefusedStateNamesTheCurrentStatusForPeople) {
  Result<S> next = NextStatus(S::kClosed, A::kAdvice, Role::kSpecialist);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().code, ErrorCode::kConflict);
  EXPECT_EQ(next.error().message.nl,
            "Deze consultatie is afgesloten; beantwoorden met een advies kan nu niet.");
}

TEST(ConsultStateTest, AllowedActionsAreTheTableRowsOfTheStatusAndRole) {
  for (S from : AllOf<S>()) {
    for (Role role : AllOf<Role>()) {
      std::vector<A> expected;
      for (A action : AllOf<A>()) {
        for (const Allowed& row : kAllowed) {
          if (row.from == from && row.action == action && row.role == role) expected.push_back(action);
        }
      }
      EXPECT_EQ(AllowedActions(from, role), expected) << Name(from) << " " << Name(role);
    }
  }
  EXPECT_EQ(AllowedActions(S::kDraft, Role::kGp),
            (std::vector<A>{A::kEdit, A::kSend, A::kCancel}));
}

TEST(ConsultStateTest, OnlyClosedAndCancelledAreFinal) {
  for (S status : AllOf<S>()) {
    EXPECT_EQ(IsFinal(status), status == S::kClosed || status == S::kCancelled) << Name(status);
  }
}

TEST(ConsultStateTest, NamesRoundTrip) {
  for (S status : AllOf<S>()) EXPECT_EQ(Parse<S>(Name(status)), status);
  for (A action : AllOf<A>()) EXPECT_EQ(Parse<A>(Name(action)), action);
  EXPECT_EQ(Parse<S>("bogus"), std::nullopt);
}

}  // namespace
}  // namespace meekijk::domain
