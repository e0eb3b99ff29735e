// The JSON-lines writer behind meekijk::log.
#include "core/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

#include "core/clock.h"
#include "core/utf8.h"

namespace meekijk::log {
namespace {

std::atomic<Level> g_minimum{Level::kInfo};
std::mutex g_write_mutex;

const char* LevelName(Level level) {
  switch (level) {
    case Level::kDebug: return "debug";
    case Level::kInfo: return "info";
    case Level::kWarn: return "warn";
    case Level::kError: return "error";
  }
  return "info";
}

}  // namespace

void SetMinimumLevel(Level level) { g_minimum = level; }

void OncePerSecond::Warn(std::string_view event, std::string_view reason) {
  int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::steady_clock::now().time_since_epoch())
                    .count();
  int64_t last = last_ns_.load();
  bool too_soon = last != 0 && now - last < 1'000'000'000;
  if (too_soon || !last_ns_.compare_exchange_strong(last, now)) {
    ++suppressed_;
    return;
  }
  log::Warn(event, {{"reason", reason}, {"suppressed", suppressed_.exchange(0)}});
}

void AppendJsonString(std::string& out, std::string_view s) {
  out.push_back('"');
  for (size_t at = 0; at < s.size();) {
    size_t length = utf8::SequenceLength(s, at);
    if (length == 0) {
      out += "\\ufffd";  // a byte that is no UTF-8: the answer stays valid JSON
      ++at;
      continue;
    }
    char c = s[at];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out.append(s, at, length);
        }
    }
    at += length;
  }
  out.push_back('"');
}

void AppendCappedJsonString(std::string& out, std::string_view s) {
  std::string_view kept = utf8::PrefixOfAtMost(s, kMaxLoggedStringBytes);
  if (kept.size() == s.size()) return AppendJsonString(out, s);
  AppendJsonString(out, std::string(kept) + "…[+" + std::to_string(s.size() - kept.size()) +
                            " bytes]");
}

std::string FormatLine(Level level, std::string_view event, std::initializer_list<Field> fields) {
  std::string line = "{\"time\":";
  AppendJsonString(line, FormatIso8601(std::chrono::system_clock::now()));
  line += ",\"level\":";
  AppendJsonString(line, LevelName(level));
  line += ",\"event\":";
  AppendJsonString(line, event);
  for (const Field& field : fields) {
    line.push_back(',');
    AppendJsonString(line, field.key);
    line.push_back(':');
    if (auto* s = std::get_if<std::string_view>(&field.value)) {
      AppendCappedJsonString(line, *s);
    } else if (auto* i = std::get_if<int64_t>(&field.value)) {
      line += std::to_string(*i);
    } else if (auto* d = std::get_if<double>(&field.value)) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.6g", *d);
      line += buffer;
    } else {
      line += std::get<bool>(field.value) ? "true" : "false";
    }
  }
  line += "}\n";
  return line;
}

void Write(Level level, std::string_view event, std::initializer_list<Field> fields) {
  if (level < g_minimum.load()) return;
  std::string line = FormatLine(level, event, fields);
  std::lock_guard lock(g_write_mutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace meekijk::log
