// SMART v2 system scopes.
#include "domain/api_scope.h"

#include <algorithm>
#include <optional>

namespace meekijk::domain {
namespace {

constexpr std::string_view kPrefix = "system/";
constexpr std::string_view kPermissionOrder = "cruds";

struct Scope {
  std::string_view resource;
  std::string permissions;
};

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    if (end > i) words.push_back(text.substr(i, end - i));
    i = end;
  }
  return words;
}

// The permissions of a v2 suffix ("rs") or a v1 one ("read"); empty when neither.
std::string Permissions(std::string_view suffix) {
  if (suffix == "read") return "rs";
  if (suffix == "write") return "cud";
  if (suffix == "*") return "cruds";
  // v2: letters of "cruds", each once, in that order.
  size_t at = 0;
  for (char letter : suffix) {
    size_t found = kPermissionOrder.find(letter, at);
    if (found == std::string_view::npos) return {};
    at = found + 1;
  }
  return std::string(suffix);
}

std::optional<Scope> Parse(std::string_view word) {
  if (word.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view rest = word.substr(kPrefix.size());
  size_t dot = rest.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view resource = rest.substr(0, dot);
  const std::vector<std::string_view>& known = FhirResourceNames();
  if (std::find(known.begin(), known.end(), resource) == known.end()) return std::nullopt;
  std::string permissions = Permissions(rest.substr(dot + 1));
  if (permissions.empty()) return std::nullopt;
  return Scope{resource, std::move(permissions)};
}

std::string Canonical(const Scope& scope) {
  return std::string(kPrefix) + std::string(scope.resource) + "." + scope.permissions;
}

bool Covers(const Scope& granted, const Scope& wanted) {
  if (granted.resource != "*" && granted.resource != wanted.resource) return false;
  return std::all_of(wanted.permissions.begin(), wanted.permissions.end(), [&](char p) {
    return granted.permissions.find(p) != std::string::npos;
  });
}

}  // namespace

const std::vector<std::string_view>& FhirResourceNames() {
  static const std::vector<std::string_view> names = {
      "*", "Task", "ServiceRequest", "Communication", "Patient", "Practitioner",
      "PractitionerRole", "Organization", "Questionnaire", "QuestionnaireResponse",
      "Subscription", "Bundle", "Binary"};
  return names;
}

Result<std::vector<std::string>> ParseScopes(std::string_view text) {
  std::vector<std::string> scopes;
  for (std::string_view word : Words(text)) {
    std::optional<Scope> scope = Parse(word);
    if (!scope) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Onbekende scope '" + std::string(word) +
                           "'. Gebruik system/<Resource>.<cruds>, bijvoorbeeld system/Task.rs.",
                       "Unknown scope '" + std::string(word) +
                           "'. Use system/<Resource>.<cruds>, for example system/Task.rs.",
                       "scopes");
    }
    std::string canonical = Canonical(*scope);
    if (std::find(scopes.begin(), scopes.end(), canonical) == scopes.end()) {
      scopes.push_back(std::move(canonical));
    }
  }
  if (scopes.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "Geef minstens één scope.",
                     "Give at least one scope.", "scopes");
  }
  return scopes;
}

bool ScopesAllow(const std::vector<std::string>& scopes, std::string_view resource,
                 char permission) {
  Scope wanted{resource, std::string(1, permission)};
  return std::any_of(scopes.begin(), scopes.end(), [&](const std::string& text) {
    std::optional<Scope> granted = Parse(text);
    return granted && Covers(*granted, wanted);
  });
}

Result<std::vector<std::string>> NarrowScopes(const std::vector<std::string>& granted,
                                              std::string_view requested) {
  if (Words(requested).empty()) return granted;
  MK_ASSIGN_OR_RETURN(std::vector<std::string> wanted, ParseScopes(requested));
  for (const std::string& text : wanted) {
    Scope scope = *Parse(text);
    bool covered = std::any_of(granted.begin(), granted.end(), [&](const std::string& g) {
      std::optional<Scope> grant = Parse(g);
      return grant && Covers(*grant, scope);
    });
    if (!covered) {
      Error error = MakeError(ErrorCode::kInvalidArgument,
                              "Deze client heeft de scope " + text + " niet gekregen.",
                              "This client was not granted the scope " + text + ".", "scope");
      error.reason = "invalid_scope";
      return error;
    }
  }
  return wanted;
}

std::string JoinScopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const std::string& scope : scopes) out += (out.empty() ? "" : " ") + scope;
  return out;
}

}  // namespace meekijk::domain
