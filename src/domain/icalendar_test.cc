#include "domain/icalendar.h"

#include <gtest/gtest.h>

namespace meekijk::domain {
namespace {

using std::chrono::hours;
using std::chrono::sys_days;

TimePoint At(int hour) {
  return sys_days{std::chrono::year{2026} / 12 / 8} + hours{hour};
}

CalendarEvent Event() {
  CalendarEvent event;
  event.uid = "session-1@meekijk.test";
  event.starts_at = At(12);
  event.ends_at = At(14);
  event.summary = "Meekijkspreekuur dermatologie";
  event.location = "De Linde, spreekkamer 2; achteringang";
  return event;
}

TEST(ICalendarTest, EventsCarryUtcTimesAndEscapedText) {
  std::string feed = RenderCalendar("meekijk", {Event()}, At(9));
  EXPECT_EQ(feed.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_NE(feed.find("DTSTART:20261208T120000Z\r\n"), std::string::npos);
  EXPECT_NE(feed.find("DTEND:20261208T140000Z\r\n"), std::string::npos);
  EXPECT_NE(feed.find("LOCATION:De Linde\\, spreekkamer 2\\; achteringang\r\n"),
            std::string::npos);
  EXPECT_NE(feed.find("STATUS:CONFIRMED"), std::string::npos);
  EXPECT_TRUE(feed.ends_with("END:VCALENDAR\r\n"));
}

TEST(ICalendarTest, ACancelledEventSaysSo) {
  CalendarEvent event = Event();
  event.cancelled = true;
  event.sequence = 2;
  std::string feed = RenderCalendar("meekijk", {event}, At(9));
  EXPECT_NE(feed.find("STATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(feed.find("SEQUENCE:2\r\n"), std::string::npos);
}

TEST(ICalendarTest, LongLinesAreFoldedBetweenCharacters) {
  CalendarEvent event = Event();
  event.description = std::string(70, 'a') + "ééééééééééé" + std::string(100, 'b');
  event.summary = "line\nbreak";
  std::string feed = RenderCalendar("meekijk", {event}, At(9));
  EXPECT_NE(feed.find("SUMMARY:line\\nbreak\r\n"), std::string::npos);
  size_t start = 0;
  while (start < feed.size()) {
    size_t end = feed.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u);
    // A continuation never starts inside a UTF-8 character.
    if (feed[start] == ' ') {
      EXPECT_NE(static_cast<unsigned char>(feed[start + 1]) & 0xC0, 0x80);
    }
    start = end + 2;
  }
}

}  // namespace
}  // namespace meekijk::domain
