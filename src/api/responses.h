// Writing responses: JSON bodies, and the one place that maps error codes to HTTP statuses.
#pragma once

#include <boost/json/value.hpp>

#include "core/result.h"
#include "http/message.h"

namespace meekijk::api {

enum class Language { kDutch, kEnglish };

// English when the caller's Accept-Language prefers it; Dutch otherwise.
Language LanguageOf(const http::Request& request);

int HttpStatus(ErrorCode code);

// {"error": {"code", "message", "field"?}} with the fitting status. Internal errors say only
// that something went wrong; their detail is in the log under the request id.
http::Response ErrorResponse(const http::Request& request, const Error& error);

http::Response JsonResponse(int status, const boost::json::value& body);

}  // namespace meekijk::api
