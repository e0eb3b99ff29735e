// Which changes end what a node may cache of a login. A node may keep a looked-up login for a few
// seconds (DESIGN, Scale); a change to any table a login's principal is read from — the login
// itself, the user, memberships, organisations, pools and their members, second factors, API clients — counts
// up this process's generation, so that a cache on the node that made the change drops the login
// at once, and other nodes within their cache's lifetime.
#pragma once

#include <cstdint>
#include <string_view>

namespace meekijk::store {

// Whether `sql` writes (INSERT, UPDATE, DELETE) one of the principal's tables.
bool ChangesPrincipalTables(std::string_view sql);

// Counts up whenever a statement that ChangesPrincipalTables runs in this process.
uint64_t PrincipalTablesGeneration();
void NotePrincipalTablesChanged();

}  // namespace meekijk::store
