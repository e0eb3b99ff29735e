// The life cycle ↔ Task status table of docs/fhir.md.
#include "fhir/task_status.h"

#include <gtest/gtest.h>

namespace meekijk::fhir {
namespace {

using domain::ConsultStatus;
using service::TaskTransition;

TEST(TaskStatusTest, EveryConsultStateHasOneTaskStatusAndComesBackFromIt) {
  for (ConsultStatus status : {ConsultStatus::kDraft, ConsultStatus::kSent, ConsultStatus::kClaimed,
                               ConsultStatus::kInfoRequested, ConsultStatus::kAnswered,
                               ConsultStatus::kClosed, ConsultStatus::kDeclined,
                               ConsultStatus::kCancelled}) {
    EXPECT_EQ(ConsultStatusesOf(TaskStatusOf(status)), std::vector<ConsultStatus>{status});
  }
  EXPECT_EQ(TaskStatusOf(ConsultStatus::kSent), "requested");
  EXPECT_EQ(TaskStatusOf(ConsultStatus::kInfoRequested), "on-hold");
  EXPECT_EQ(TaskStatusOf(ConsultStatus::kAnswered), "in-progress");
  EXPECT_EQ(TaskStatusOf(ConsultStatus::kClosed), "completed");
  EXPECT_EQ(TaskStatusOf(ConsultStatus::kDeclined), "rejected");
  EXPECT_TRUE(ConsultStatusesOf("failed").empty());
}

TEST(TaskStatusTest, AClientSetsTheStatusesOfTheUseCasesItMayRun) {
  EXPECT_EQ(*TransitionTo("requested"), TaskTransition::kSend);
  EXPECT_EQ(*TransitionTo("accepted"), TaskTransition::kClaim);
  EXPECT_EQ(*TransitionTo("rejected"), TaskTransition::kDecline);
  EXPECT_EQ(*TransitionTo("cancelled"), TaskTransition::kCancel);
  EXPECT_EQ(*TransitionTo("completed"), TaskTransition::kClose);
}

TEST(TaskStatusTest, OtherStatusesAreRefusedWithTheWayToReachThem) {
  Result<TaskTransition> on_hold = TransitionTo("on-hold");
  EXPECT_EQ(on_hold.error().code, ErrorCode::kConflict);
  EXPECT_NE(on_hold.error().message.en.find("Communication"), std::string::npos);
  EXPECT_EQ(TransitionTo("failed").error().code, ErrorCode::kConflict);
  EXPECT_EQ(TransitionTo("draft").error().code, ErrorCode::kConflict);
  EXPECT_EQ(TransitionTo("done").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(TransitionTo("done").error().field, "Task.status");
}

}  // namespace
}  // namespace meekijk::fhir
