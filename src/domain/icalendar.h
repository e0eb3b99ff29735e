// An iCalendar (RFC 5545) feed of a person's clinic sessions and bookings, as calendar programs
// subscribe to it. Holds what the events say and nothing else: the caller decides that no
// patient data goes in (a consult number and a practice at most).
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"

namespace meekijk::domain {

struct CalendarEvent {
  std::string uid;  // stable across versions of the feed: "session-12@meekijk.example.nl"
  TimePoint starts_at;
  TimePoint ends_at;
  std::string summary;
  std::string location;
  std::string description;
  bool cancelled = false;
  int sequence = 0;  // raised when the event changes (a moved session), so calendars update
};

// The whole VCALENDAR: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
// character), text escaped, times in UTC. `name` is the calendar's display name.
std::string RenderCalendar(const std::string& name, const std::vector<CalendarEvent>& events,
                           TimePoint now);

}  // namespace meekijk::domain
