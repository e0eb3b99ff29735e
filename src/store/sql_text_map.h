// A map keyed by SQL text, looked up by the string_view a repository passes without copying it:
// what both engines keep their prepared statements in.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace meekijk::store {

struct SqlTextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

template <typename Value>
using SqlTextMap = std::unordered_map<std::string, Value, SqlTextHash, std::equal_to<>>;

}  // namespace meekijk::store
