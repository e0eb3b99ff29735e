// Status mapping and JSON responses.
#include "api/responses.h"

#include <boost/json/serialize.hpp>

#include <algorithm>

#include "api/error_text.h"
#include "core/log.h"

namespace meekijk::api {

Language LanguageOf(const http::Request& request) {
  std::string_view accept = request.Header("accept-language").value_or("nl");
  size_t en = accept.find("en");
  size_t nl = accept.find("nl");
  return en != std::string_view::npos && (nl == std::string_view::npos || en < nl)
             ? Language::kEnglish
             : Language::kDutch;
}

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 422;
    case ErrorCode::kMalformed: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kUnsupportedMedia: return 415;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

namespace {

// Reasons a client acts on (show the code field, offer the enrolment), given as the error's code
// in place of the generic one.
bool IsClientReason(std::string_view reason) {
  return reason == "otp_required" || reason == "reauthentication_required" ||
         reason == "launch_invalid";
}

}  // namespace

http::Response ErrorResponse(const http::Request& request, const Error& error) {
  boost::json::object body;
  body["code"] = IsClientReason(error.reason) ? error.reason.c_str() : ErrorCodeName(error.code);
  if (error.code == ErrorCode::kInternal) {
    log::Error("internal_error", {{"request_id", request.request_id},
                                  {"reason", error.reason},
                                  {"detail", error.message.en}});
    body["message"] = LanguageOf(request) == Language::kEnglish
                          ? "Something went wrong on our side. Reference: " + request.request_id
                          : "Er ging iets mis aan onze kant. Kenmerk: " + request.request_id;
  } else {
    Text text = ErrorText(error);
    body["message"] = LanguageOf(request) == Language::kEnglish ? text.en : text.nl;
  }
  // An internal error's field names a column or a detail of ours, never the caller's input.
  if (!error.field.empty() && error.code != ErrorCode::kInternal) body["field"] = error.field;
  http::Response response = JsonResponse(HttpStatus(error.code), boost::json::object{{"error", body}});
  if (error.code == ErrorCode::kUnauthenticated) {
    response.WithHeader("WWW-Authenticate", "Bearer realm=\"meekijk\"");
  }
  if (error.code == ErrorCode::kTooManyRequests) {
    response.WithHeader("Retry-After", std::to_string(std::max(1LL, error.retry_after_seconds)));
  }
  return response;
}

http::Response JsonResponse(int status, const boost::json::value& body) {
  http::Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = boost::json::serialize(body);
  return response;
}

http::Response NoContent() {
  http::Response response;
  response.status = 204;
  return response;
}

http::Response File(std::string body, std::string content_type, const std::string& filename) {
  http::Response response;
  response.status = 200;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.WithHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return response;
}

}  // namespace meekijk::api
