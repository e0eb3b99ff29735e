// The scopes of an API client, in the SMART on FHIR v2 form `system/<Resource>.<cruds>`: which
// FHIR resources it may create, read, update, delete or search. A scope narrows what the client's
// user may do; it never widens it (the consult rules still decide).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace meekijk::domain {

// The resources the FHIR API serves, and "*" for all of them.
const std::vector<std::string_view>& FhirResourceNames();

// The scopes in a space-separated text, each checked and written canonically (v1's `.read` and
// `.write` become `.rs` and `.cud`); kInvalidArgument on the field "scopes" naming the bad one.
Result<std::vector<std::string>> ParseScopes(std::string_view text);

// Whether `scopes` allow `permission` (one of c, r, u, d, s) on `resource`.
bool ScopesAllow(const std::vector<std::string>& scopes, std::string_view resource,
                 char permission);

// The scopes of `requested` that `granted` covers in full; kInvalidArgument (reason
// "invalid_scope") for one it does not. An empty request asks for everything granted.
Result<std::vector<std::string>> NarrowScopes(const std::vector<std::string>& granted,
                                              std::string_view requested);

std::string JoinScopes(const std::vector<std::string>& scopes);

}  // namespace meekijk::domain
