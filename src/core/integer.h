// Reading integers from text, one way everywhere: the whole text must be a decimal number in
// range. No locale, no exceptions, no leading "+" or spaces (std::from_chars).
#pragma once

#include <charconv>
#include <concepts>
#include <optional>
#include <string_view>

namespace meekijk {

template <std::integral T = long long>
std::optional<T> ParseInteger(std::string_view text) {
  T value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace meekijk
