#include "store/principal_tables.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>

namespace meekijk::store {
namespace {

std::atomic<uint64_t> generation{1};

constexpr std::array<std::string_view, 8> kPrincipalTables = {
    "sessions", "users", "memberships", "organisations", "pools", "pool_members", "second_factors",
    "api_clients"};

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(),
                    [](char a, char b) { return a == std::toupper(static_cast<unsigned char>(b)); });
}

std::string_view SkipSpace(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  return text;
}

}  // namespace

bool ChangesPrincipalTables(std::string_view sql) {
  sql = SkipSpace(sql);
  std::string_view rest;
  if (StartsWith(sql, "INSERT")) {
    size_t into = sql.find("INTO ");
    if (into == std::string_view::npos) return false;
    rest = sql.substr(into + 5);
  } else if (StartsWith(sql, "UPDATE ")) {
    rest = sql.substr(7);
  } else if (StartsWith(sql, "DELETE FROM ")) {
    rest = sql.substr(12);
  } else {
    return false;
  }
  rest = SkipSpace(rest);
  size_t end = 0;
  while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == '_')) {
    ++end;
  }
  std::string_view table = rest.substr(0, end);
  return std::find(kPrincipalTables.begin(), kPrincipalTables.end(), table) != kPrincipalTables.end();
}

uint64_t PrincipalTablesGeneration() { return generation.load(std::memory_order_acquire); }

void NotePrincipalTablesChanged() { generation.fetch_add(1, std::memory_order_acq_rel); }

}  // namespace meekijk::store
