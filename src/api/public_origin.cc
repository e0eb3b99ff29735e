#include "api/public_origin.h"

namespace meekijk::api {

std::string PublicOrigin(const http::Request& request, std::string_view public_url) {
  if (!public_url.empty()) {
    while (!public_url.empty() && public_url.back() == '/') public_url.remove_suffix(1);
    return std::string(public_url);
  }
  bool tls = request.over_tls || request.Header("x-forwarded-proto").value_or("") == "https";
  return std::string(tls ? "https://" : "http://") +
         std::string(request.Header("host").value_or("localhost"));
}

}  // namespace meekijk::api
