// libFuzzer target: any bytes as one HTTP request, read as the server reads it, then routed as the
// API routes them (per-route body limits, the JSON media type check). Nothing may crash, hang or
// leak, and every refusal must be a 4xx in valid UTF-8 JSON.
#include <cstdint>
#include <cstdlib>

#include "core/utf8.h"
#include "http/router.h"
#include "http/server.h"

namespace {

using meekijk::http::BodyRule;
using meekijk::http::Request;
using meekijk::http::Response;
using meekijk::http::Router;

Response Echo(Request& request) {
  Response response;
  response.body = request.route;
  return response;
}

const Router& ApiLikeRouter() {
  static const Router* router = [] {
    auto* r = new Router;
    r->Add("POST", "/api/v1/session", Echo);
    r->Add("POST", "/api/v1/consults", Echo, BodyRule::Text());
    r->Add("GET", "/api/v1/consults/{id}", Echo);
    r->Add("POST", "/api/v1/consults/{id}/attachments", Echo, BodyRule::Upload(1 << 20));
    r->SetFallback(Echo);
    return r;
  }();
  return *router;
}

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  meekijk::http::ServerOptions options;
  options.body_limit = [](std::string_view method, std::string_view target) {
    std::optional<std::string> path = meekijk::http::DecodedPath(target);
    return ApiLikeRouter().BodyLimit(method, path ? *path : "");
  };
  meekijk::http::ParsedRequest parsed = meekijk::http::ParseRequestBytes(
      std::string_view(reinterpret_cast<const char*>(data), size), options);
  if (!parsed.complete) return 0;
  if (parsed.refusal) {
    Check(parsed.refusal->status >= 400 && parsed.refusal->status < 500);
    Check(meekijk::utf8::IsValid(parsed.refusal->body));
    return 0;
  }
  // What reaches a handler is decoded and valid UTF-8.
  Check(meekijk::utf8::IsValid(parsed.request.path));
  for (const auto& [key, value] : parsed.request.query) {
    Check(meekijk::utf8::IsValid(key) && meekijk::utf8::IsValid(value));
  }
  Response response = ApiLikeRouter().Dispatch(parsed.request);
  Check(response.status == 200 || (response.status >= 400 && response.status < 500));
  return 0;
}
