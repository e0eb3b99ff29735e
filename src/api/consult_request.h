// Reading a new consult from its JSON body.
#pragma once

#include <boost/json/object.hpp>

#include "service/consult_service.h"

namespace meekijk::api {

Result<service::NewConsult> NewConsultFromJson(const boost::json::object& body);

}  // namespace meekijk::api
