// Structured logs: one JSON object per line on stderr, so that log shippers need no parsing rules.
// Every line carries a level, a time and an event name; request-scoped lines carry the request id.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace meekijk::log {

enum class Level { kDebug, kInfo, kWarn, kError };

struct Field {
  std::string_view key;
  std::variant<std::string_view, int64_t, double, bool> value;
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, int64_t v) : key(k), value(v) {}
  Field(std::string_view k, int v) : key(k), value(int64_t{v}) {}
  Field(std::string_view k, double v) : key(k), value(v) {}
  Field(std::string_view k, bool v) : key(k), value(v) {}
};

// Lines below this level are dropped. Thread-safe; the default is kInfo.
void SetMinimumLevel(Level level);

// Writes one line atomically (no interleaving between threads).
void Write(Level level, std::string_view event, std::initializer_list<Field> fields = {});

inline void Info(std::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kInfo, event, fields);
}
inline void Warn(std::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kWarn, event, fields);
}
inline void Error(std::string_view event, std::initializer_list<Field> fields = {}) {
  Write(Level::kError, event, fields);
}

// A warning for a condition that can repeat thousands of times a second (accept failing while the
// process has no file left): written at most once a second, with the number of times it was left
// out since the last one.
class OncePerSecond {
 public:
  void Warn(std::string_view event, std::string_view reason);

 private:
  std::atomic<int64_t> last_ns_{0};
  std::atomic<int64_t> suppressed_{0};
};

// Appends s to out as a JSON string literal, quotes included. Bytes that are not UTF-8 become
// U+FFFD, so that the result is always valid JSON whatever a client sent.
void AppendJsonString(std::string& out, std::string_view s);

// Every string value of a log line is cut to this many bytes (and says how many it lost): much of
// what is logged comes from clients, and a 20 MB user name must not become 20 MB of log.
inline constexpr size_t kMaxLoggedStringBytes = 512;

// The line Write writes, newline included.
std::string FormatLine(Level level, std::string_view event, std::initializer_list<Field> fields);

}  // namespace meekijk::log
