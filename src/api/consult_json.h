// The consult as the API shows it: a summary for lists and the full view with its thread.
#pragma once

#include <boost/json/object.hpp>

#include "service/consult_service.h"
#include "service/directory_service.h"
#include "service/principal.h"

namespace meekijk::api {

boost::json::object ConsultSummaryJson(const domain::Consult& consult);
boost::json::object ConsultJson(const service::ConsultDetail& detail);
boost::json::object AttachmentJson(const domain::Attachment& attachment);
boost::json::object UserJson(const service::Principal& principal);
boost::json::object SpecialtyJson(const service::SpecialtyOption& option);

}  // namespace meekijk::api
