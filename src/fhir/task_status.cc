// Consult states ↔ Task statuses.
#include "fhir/task_status.h"

#include <algorithm>
#include <array>
#include <utility>

namespace meekijk::fhir {
namespace {

using domain::ConsultStatus;

constexpr std::array<std::pair<ConsultStatus, std::string_view>, 8> kStatuses{{
    {ConsultStatus::kDraft, "draft"},
    {ConsultStatus::kSent, "requested"},
    {ConsultStatus::kClaimed, "accepted"},
    {ConsultStatus::kInfoRequested, "on-hold"},
    {ConsultStatus::kAnswered, "in-progress"},
    {ConsultStatus::kClosed, "completed"},
    {ConsultStatus::kDeclined, "rejected"},
    {ConsultStatus::kCancelled, "cancelled"},
}};

// Task.status's value set (http://hl7.org/fhir/task-status) beyond those we use.
constexpr std::array<std::string_view, 3> kUnused{"received", "ready", "failed"};

}  // namespace

std::string_view TaskStatusOf(ConsultStatus status) {
  for (const auto& [consult, task] : kStatuses) {
    if (consult == status) return task;
  }
  return "draft";
}

std::vector<ConsultStatus> ConsultStatusesOf(std::string_view task_status) {
  std::vector<ConsultStatus> out;
  for (const auto& [consult, task] : kStatuses) {
    if (task == task_status) out.push_back(consult);
  }
  return out;
}

Result<service::TaskTransition> TransitionTo(std::string_view task_status) {
  using service::TaskTransition;
  if (task_status == "requested") return TaskTransition::kSend;
  if (task_status == "accepted") return TaskTransition::kClaim;
  if (task_status == "rejected") return TaskTransition::kDecline;
  if (task_status == "cancelled") return TaskTransition::kCancel;
  if (task_status == "completed") return TaskTransition::kClose;
  if (task_status == "on-hold" || task_status == "in-progress") {
    return MakeError(ErrorCode::kConflict,
                     "Een vraag om informatie of een advies gaat als Communication, niet als "
                     "nieuwe status van de Task.",
                     "An information request or an advice is sent as a Communication, not as a "
                     "new Task status.",
                     "Task.status");
  }
  bool known = task_status == "draft" ||
               std::find(kUnused.begin(), kUnused.end(), task_status) != kUnused.end();
  if (known) {
    return MakeError(ErrorCode::kConflict,
                     "Deze status kan een client niet zetten: " + std::string(task_status) + ".",
                     "A client cannot set this status: " + std::string(task_status) + ".",
                     "Task.status");
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "Onbekende Task-status: " + std::string(task_status) + ".",
                   "Unknown Task status: " + std::string(task_status) + ".", "Task.status");
}

}  // namespace meekijk::fhir
