// UTF-8 as people and protocols meet it: checking it, cutting it at a character boundary,
// repairing what is not UTF-8, and telling a text that only looks blank from one that says
// something. Every text that reaches a database, a JSON answer or a log line passes through here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace meekijk::utf8 {

// The length (1–4) of the well-formed UTF-8 sequence at text[at], or 0 when none starts there:
// a stray continuation byte, a truncated sequence, an overlong form, a surrogate, or a code point
// beyond U+10FFFF.
size_t SequenceLength(std::string_view text, size_t at);

// The code point of the well-formed sequence at text[at]; SequenceLength must be non-zero.
char32_t DecodeAt(std::string_view text, size_t at, size_t length);

bool IsValid(std::string_view text);

// Counts code points, so that a Dutch text with accents is not held to a shorter limit.
size_t CodePointCount(std::string_view text);

// A copy in which every byte that is not part of a well-formed sequence is replaced by U+FFFD.
std::string Repaired(std::string_view text);

// At most `max_bytes` bytes of text, cut before a character that would not fit whole.
std::string_view PrefixOfAtMost(std::string_view text, size_t max_bytes);

// True when the text shows nothing: only white space of any Unicode kind (spaces, no-break and
// em spaces, line and paragraph separators…) and invisible format characters (zero-width spaces
// and joiners, the byte order mark, bidirectional marks).
bool IsBlank(std::string_view text);

// True for Unicode's White_Space characters and the invisible format characters IsBlank skips.
bool IsInvisible(char32_t code_point);

// Characters that change how text around them is displayed without being seen themselves: the
// bidirectional embeddings, overrides, isolates and marks (U+202E turns "gnp.exe" into
// "exe.png" on screen).
bool IsBidiControl(char32_t code_point);

}  // namespace meekijk::utf8
