#include "core/clock.h"

#include <gtest/gtest.h>

namespace meekijk {
namespace {

TEST(ClockTest, FormatsIso8601InUtcWithMilliseconds) {
  EXPECT_EQ(FormatIso8601(FromUnixMillis(1772442900123)), "2026-03-02T09:15:00.123Z");
  EXPECT_EQ(FormatIso8601(FromUnixMillis(0)), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIso8601(FromUnixMillis(-1)), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatIso8601(FromUnixMillis(951782400000)), "2000-02-29T00:00:00.000Z");  // leap day
  EXPECT_EQ(FormatIso8601(FromUnixMillis(7258118399999)), "2199-12-31T23:59:59.999Z");
}

TEST(ClockTest, FakeClockMovesOnlyWhenTold) {
  FakeClock clock(FromUnixMillis(1000));
  EXPECT_EQ(ToUnixMillis(clock.Now()), 1000);
  clock.Advance(std::chrono::seconds(2));
  EXPECT_EQ(ToUnixMillis(clock.Now()), 3000);
}

}  // namespace
}  // namespace meekijk
