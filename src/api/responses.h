// Writing responses: JSON bodies, and the one place that maps error codes to HTTP statuses.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <vector>

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

// A download: the bytes with their media type, offered under `filename`.
http::Response File(std::string body, std::string content_type, const std::string& filename);

// 204 without a body.
http::Response NoContent();

// One view as JSON with `status`, or the error.
template <typename View, typename ToJson>
http::Response One(const http::Request& request, int status, const Result<View>& view,
                   ToJson to_json) {
  if (!view.ok()) return ErrorResponse(request, view.error());
  return JsonResponse(status, to_json(*view));
}

// {"items": [...]} of the views, or the error.
template <typename View, typename ToJson>
http::Response Items(const http::Request& request, const Result<std::vector<View>>& views,
                     ToJson to_json) {
  if (!views.ok()) return ErrorResponse(request, views.error());
  boost::json::array items;
  for (const View& view : *views) items.push_back(to_json(view));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace meekijk::api
