// The address people and systems outside reach this server at, for the absolute URLs the API
// hands out (a token endpoint, a launch link's audience, FHIR's fullUrl).
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"

namespace meekijk::api {

// "https://meekijk.example": `public_url` (serve --public-url) without a trailing slash when it
// is set, which is what a proxy in front of several nodes needs; otherwise the request's own
// scheme and Host (X-Forwarded-Proto only survives from a trusted proxy, http/forwarded.h).
std::string PublicOrigin(const http::Request& request, std::string_view public_url);

}  // namespace meekijk::api
