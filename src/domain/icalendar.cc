// Writing iCalendar text by RFC 5545: escaping (3.3.11), folding (3.1), UTC date-times (3.3.5).
#include "domain/icalendar.h"

#include <chrono>
#include <cstdio>

namespace meekijk::domain {
namespace {

std::string UtcStamp(TimePoint t) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  auto day = std::chrono::floor<std::chrono::days>(seconds);
  std::chrono::year_month_day date(day);
  std::chrono::hh_mm_ss clock(seconds - day);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02uT%02d%02d%02dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return buffer;
}

std::string EscapeText(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        // Other control characters have no place in a content line.
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
    }
  }
  return out;
}

// Appends one content line, folded so that no line exceeds 75 octets and no UTF-8 character is
// split: continuation lines begin with a space.
void AddLine(std::string& out, const std::string& line) {
  constexpr size_t kMaxOctets = 75;
  size_t start = 0;
  size_t limit = kMaxOctets;
  while (line.size() - start > limit) {
    size_t end = start + limit;
    while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
    out.append(line, start, end - start).append("\r\n ");
    start = end;
    limit = kMaxOctets - 1;  // the leading space counts
  }
  out.append(line, start, std::string::npos).append("\r\n");
}

}  // namespace

std::string RenderCalendar(const std::string& name, const std::vector<CalendarEvent>& events,
                           TimePoint now) {
  std::string out;
  AddLine(out, "BEGIN:VCALENDAR");
  AddLine(out, "VERSION:2.0");
  AddLine(out, "PRODID:-//meekijk//meekijkspreekuur//NL");
  AddLine(out, "CALSCALE:GREGORIAN");
  AddLine(out, "METHOD:PUBLISH");
  AddLine(out, "X-WR-CALNAME:" + EscapeText(name));
  for (const CalendarEvent& event : events) {
    AddLine(out, "BEGIN:VEVENT");
    AddLine(out, "UID:" + EscapeText(event.uid));
    AddLine(out, "DTSTAMP:" + UtcStamp(now));
    AddLine(out, "SEQUENCE:" + std::to_string(event.sequence));
    AddLine(out, "DTSTART:" + UtcStamp(event.starts_at));
    AddLine(out, "DTEND:" + UtcStamp(event.ends_at));
    AddLine(out, "SUMMARY:" + EscapeText(event.summary));
    if (!event.location.empty()) AddLine(out, "LOCATION:" + EscapeText(event.location));
    if (!event.description.empty()) AddLine(out, "DESCRIPTION:" + EscapeText(event.description));
    AddLine(out, std::string("STATUS:") + (event.cancelled ? "CANCELLED" : "CONFIRMED"));
    AddLine(out, "TRANSP:OPAQUE");
    AddLine(out, "END:VEVENT");
  }
  AddLine(out, "END:VCALENDAR");
  return out;
}

}  // namespace meekijk::domain
