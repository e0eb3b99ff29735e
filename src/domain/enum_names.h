// One table per enum maps its values to the stable lower-case names used in JSON, SQL and URLs,
// so that parsing and printing can never disagree.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace meekijk::domain {

// Specialise with `static constexpr std::array<std::pair<E, std::string_view>, N> kNames`.
template <typename E>
struct EnumNames;

template <typename E>
std::string_view Name(E value) {
  for (const auto& [candidate, name] : EnumNames<E>::kNames) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <typename E>
std::optional<E> Parse(std::string_view name) {
  for (const auto& [candidate, candidate_name] : EnumNames<E>::kNames) {
    if (candidate_name == name) return candidate;
  }
  return std::nullopt;
}

}  // namespace meekijk::domain
