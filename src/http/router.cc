// Matching request paths against route patterns.
#include "http/router.h"

#include "core/log.h"

namespace meekijk::http {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) segments.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

// "application/json", also with parameters ("application/json; charset=utf-8"), in any case.
bool EqualsIgnoringCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) return false;
  }
  return true;
}

// application/json, and FHIR's own application/fhir+json (a JSON body with the FHIR grammar).
bool IsJsonMediaType(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return EqualsIgnoringCase(type, "application/json") ||
         EqualsIgnoringCase(type, "application/fhir+json");
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, BodyRule body) {
  std::vector<std::string> segments = Split(pattern);
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(segments), std::move(handler), body});
}

const Router::Route* Router::Find(std::string_view method,
                                  const std::vector<std::string>& segments,
                                  std::map<std::string, std::string>& params,
                                  bool& path_known) const {
  path_known = false;
  for (const Route& route : routes_) {
    if (!Match(route, segments, params)) continue;
    path_known = true;
    if (route.method == method) return &route;
  }
  return nullptr;
}

size_t Router::BodyLimit(std::string_view method, std::string_view path) const {
  std::map<std::string, std::string> params;
  bool path_known = false;
  const Route* route = Find(method, Split(path), params, path_known);
  return route ? route->body.max_bytes : BodyRule{}.max_bytes;
}

bool Router::Match(const Route& route, const std::vector<std::string>& segments,
                   std::map<std::string, std::string>& params) {
  if (route.segments.size() != segments.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& expected = route.segments[i];
    if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
      found[expected.substr(1, expected.size() - 2)] = segments[i];
    } else if (expected != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

Response Router::Dispatch(Request& request) const {
  std::map<std::string, std::string> params;
  bool path_known = false;
  if (const Route* route = Find(request.method, Split(request.path), params, path_known)) {
    request.route = route->pattern;
    request.params = std::move(params);
    if (request.body.size() > route->body.max_bytes) {
      return JsonError(413, "too_large", "Het verzoek is te groot. / The request is too large.");
    }
    if (route->body.json && !request.body.empty() &&
        !IsJsonMediaType(request.Header("content-type").value_or(""))) {
      return JsonError(415, "unsupported_media_type",
                       "Stuur de gegevens als application/json. / Send the data as "
                       "application/json.");
    }
    return route->handler(request);
  }
  request.route = "unmatched";
  if (!path_known && fallback_ && (request.method == "GET" || request.method == "HEAD") &&
      request.path.rfind("/api/", 0) != 0 && request.path.rfind("/fhir/", 0) != 0) {
    request.route = "static";
    return fallback_(request);
  }
  if (path_known) {
    return JsonError(405, "method_not_allowed",
                     "Deze methode is hier niet toegestaan. / This method is not allowed here.");
  }
  return JsonError(404, "not_found", "Deze pagina bestaat niet. / This page does not exist.");
}

std::vector<Router::RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  for (const Route& route : routes_) out.push_back({route.method, route.pattern});
  return out;
}

Response JsonError(int status, std::string_view code, std::string_view message) {
  Response response;
  response.status = status;
  response.body = "{\"error\":{\"code\":";
  log::AppendJsonString(response.body, code);
  response.body += ",\"message\":";
  log::AppendJsonString(response.body, message);
  response.body += "}}";
  return response;
}

}  // namespace meekijk::http
