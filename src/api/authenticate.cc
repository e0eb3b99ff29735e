// Bearer authentication and path ids.
#include "api/authenticate.h"

#include <charconv>

#include "api/responses.h"

namespace meekijk::api {

std::string_view BearerToken(const http::Request& request) {
  std::string_view header = request.Header("authorization").value_or("");
  constexpr std::string_view kScheme = "Bearer ";
  if (header.size() <= kScheme.size()) return {};
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return {};
    }
  }
  return header.substr(kScheme.size());
}

Result<service::Principal> Authenticate(Services& services, const http::Request& request) {
  return services.sessions.Authenticate(BearerToken(request),
                                        {request.client_address, request.request_id});
}

Result<int64_t> PathId(const http::Request& request, const char* name) {
  auto it = request.params.find(name);
  int64_t id = 0;
  if (it != request.params.end()) {
    const std::string& text = it->second;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error == std::errc() && end == text.data() + text.size() && id > 0) return id;
  }
  return MakeError(ErrorCode::kNotFound, "Dit bestaat niet.", "This does not exist.");
}

}  // namespace meekijk::api
