// Windows-1252 and ASCII from UTF-8: see legacy_encodings.h.
#include "domain/legacy_encodings.h"

#include <array>
#include <utility>

#include "core/utf8.h"

namespace meekijk::domain {
namespace {

// The code points Windows-1252 puts at 0x80–0x9F (0 where it has none).
constexpr std::array<char32_t, 32> kHighControls = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

// Calls emit(code point) for each character, '?' for each malformed byte.
template <typename Emit>
void EachCodePoint(std::string_view text, Emit&& emit) {
  for (size_t i = 0; i < text.size();) {
    size_t length = utf8::SequenceLength(text, i);
    if (length == 0) {
      emit(U'?');
      ++i;
      continue;
    }
    emit(utf8::DecodeAt(text, i, length));
    i += length;
  }
}

// The ASCII letters of Latin-1's accented letters U+00C0–U+00FF, by position ("" where none).
constexpr std::array<std::string_view, 64> kLatinLetters = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y"};

}  // namespace

std::string ToWindows1252(std::string_view utf8) {
  std::string out;
  EachCodePoint(utf8, [&](char32_t c) {
    if (c < 0x20 || c == 0x7F) {
      out += ' ';
    } else if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
      out += static_cast<char>(c);
    } else {
      char byte = '?';
      for (size_t i = 0; i < kHighControls.size(); ++i) {
        if (kHighControls[i] == c) byte = static_cast<char>(0x80 + i);
      }
      out += byte;
    }
  });
  return out;
}

std::string ToAscii(std::string_view utf8) {
  std::string out;
  EachCodePoint(utf8, [&](char32_t c) {
    if (c < 0x20 || c == 0x7F) {
      out += ' ';
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c >= 0xC0 && c <= 0xFF) {
      out += kLatinLetters[c - 0xC0];
    } else if (c == 0x2018 || c == 0x2019) {
      out += '\'';
    } else if (c == 0x201C || c == 0x201D) {
      out += '"';
    } else if (c == 0x2013 || c == 0x2014) {
      out += '-';
    } else if (c == 0xA0) {
      out += ' ';
    } else {
      out += '?';
    }
  });
  return out;
}

}  // namespace meekijk::domain
