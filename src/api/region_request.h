// The bodies of the coordinators' calls: pools, question templates and agreements. A change
// (PATCH) names what changes; a field left out stays, a field given as null is cleared.
#pragma once

#include <boost/json/object.hpp>

#include "core/result.h"
#include "domain/agreement.h"
#include "domain/question_template.h"
#include "service/region_service.h"

namespace meekijk::api {

Result<service::NewPool> NewPoolFromJson(const boost::json::object& body);
Result<service::PoolChange> PoolChangeFromJson(const boost::json::object& body);

// {organisation_id?, specialty, name, fields: [...]}.
Result<domain::QuestionTemplate> NewTemplateFromJson(const boost::json::object& body);
// {version?, name?, fields?} onto the current version.
Result<void> ApplyTemplateChange(const boost::json::object& body,
                                 domain::QuestionTemplate& question_template);

// {gp_organisations: [id…], pool, modes, response_days, escalate_after_hours?, template?,
// named_specialist_allowed?, requires_identification?, good_friday_off?, liberation_day_off?,
// gp_fee_cents?, specialist_fee_cents?, valid_from, valid_to?}.
Result<domain::Agreement> NewAgreementFromJson(const boost::json::object& body);
// Any of those, and version?, onto the current version.
Result<void> ApplyAgreementChange(const boost::json::object& body, domain::Agreement& agreement);

}  // namespace meekijk::api
