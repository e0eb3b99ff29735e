// The consult as the API shows it: a summary for lists and the full view with its thread.
#pragma once

#include <boost/json/object.hpp>

#include "service/consult_service.h"
#include "service/directory_service.h"
#include "service/principal.h"

namespace meekijk::api {

boost::json::object ConsultSummaryJson(const domain::Consult& consult);
// A page of a list: {"items": [summary…], "next_cursor": string or null}.
boost::json::object ConsultPageJson(const service::ConsultList& page);
boost::json::object ConsultJson(const service::ConsultDetail& detail);
// The patient; the name, date of birth and BSN only with `identifying` (null where absent).
boost::json::object PatientJson(const domain::Patient& patient, bool identifying);
// Where a physical consult is booked; null when nowhere.
boost::json::object BookingJson(const service::Booking& booking);
boost::json::value BookingJson(const std::optional<service::Booking>& booking);
boost::json::object AttachmentJson(const domain::Attachment& attachment);
boost::json::object UserJson(const service::Principal& principal);
boost::json::object SpecialtyJson(const service::SpecialtyOption& option);

}  // namespace meekijk::api
