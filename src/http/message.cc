// Header and query access on plain requests.
#include "http/message.h"

#include <cctype>

#include "auth/token.h"
#include "core/utf8.h"
#include "http/router.h"

namespace meekijk::http {

std::optional<std::string_view> Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Request::Query(std::string_view name) const {
  auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int high = hex(text[i + 1]);
      int low = hex(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high << 4 | low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string RequestIdFrom(std::string_view incoming) {
  bool plain = !incoming.empty() && incoming.size() <= 64;
  for (char c : incoming) {
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  }
  return plain ? std::string(incoming) : auth::RandomHex(8);
}

std::optional<std::multimap<std::string, std::string>> ParseQuery(std::string_view query) {
  std::multimap<std::string, std::string> out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    auto key = PercentDecode(pair.substr(0, eq), true);
    auto value = PercentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!key || !value || !utf8::IsValid(*key) || !utf8::IsValid(*value)) return std::nullopt;
    out.emplace(std::move(*key), std::move(*value));
  }
  return out;
}

std::optional<std::string> DecodedPath(std::string_view target) {
  std::optional<std::string> path = PercentDecode(target.substr(0, target.find('?')), false);
  if (!path || !utf8::IsValid(*path)) return std::nullopt;
  return path;
}

std::optional<Response> DecodeTarget(Request& request) {
  std::string_view target = request.target;
  std::optional<std::string> path = DecodedPath(target);
  if (!path) {
    return JsonError(400, "malformed_request",
                     "Het adres bevat een ongeldig %-teken of geen geldige UTF-8. / The address "
                     "contains an invalid %-escape or is not valid UTF-8.");
  }
  request.path = std::move(*path);
  size_t question = target.find('?');
  if (question == std::string_view::npos) return std::nullopt;
  auto query = ParseQuery(target.substr(question + 1));
  if (!query) {
    return JsonError(400, "malformed_request",
                     "Een zoekparameter bevat een ongeldig %-teken of geen geldige UTF-8. / A "
                     "query parameter contains an invalid %-escape or is not valid UTF-8.");
  }
  request.query = std::move(*query);
  return std::nullopt;
}

}  // namespace meekijk::http
