// The consult's life cycle as FHIR Task statuses (docs/fhir.md): the exact state always travels
// along as Task.businessStatus, so that nothing is lost where FHIR's statuses are coarser.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/consult.h"
#include "service/fhir_access.h"

namespace meekijk::fhir {

// draft→draft, sent→requested, claimed→accepted, info_requested→on-hold, answered→in-progress
// (the advice is there; the GP has still to close), closed→completed, declined→rejected,
// cancelled→cancelled.
std::string_view TaskStatusOf(domain::ConsultStatus status);

// The consult states a Task status stands for; empty for a status that is not one of FHIR's.
std::vector<domain::ConsultStatus> ConsultStatusesOf(std::string_view task_status);

// The use case a client asks for by setting a Task's status: requested (send a draft), accepted
// (claim), rejected (decline), cancelled, completed (close). kConflict for a status that is
// reached otherwise (on-hold and in-progress: a Communication; the others: no one sets them),
// kInvalidArgument for one that is not a Task status at all.
Result<service::TaskTransition> TransitionTo(std::string_view task_status);

}  // namespace meekijk::fhir
