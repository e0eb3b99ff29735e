// Formatting of instants for JSON and logs.
#include "core/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace meekijk {

namespace {

// Writes `value` as exactly `width` digits, ending before `end`.
char* Digits(char* end, int value, int width) {
  for (int i = 0; i < width; ++i) {
    *--end = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return end;
}

}  // namespace

// Written digit by digit rather than through snprintf and gmtime: every consult in a page of JSON
// carries several moments, and formatting them was the larger part of the page's time.
std::string FormatIso8601(TimePoint t) {
  using namespace std::chrono;
  int64_t ms = ToUnixMillis(t);
  int64_t days = ms >= 0 ? ms / 86'400'000 : (ms - 86'399'999) / 86'400'000;
  int64_t in_day = ms - days * 86'400'000;
  year_month_day date{sys_days{std::chrono::days{days}}};
  int year = static_cast<int>(date.year());
  if (year < 0 || year > 9999) {  // not a moment of this application; kept readable anyway
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", year,
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<long long>(in_day / 3'600'000),
                  static_cast<long long>(in_day / 60'000 % 60),
                  static_cast<long long>(in_day / 1000 % 60), static_cast<long long>(in_day % 1000));
    return buffer;
  }
  std::string out(24, '\0');  // YYYY-MM-DDTHH:MM:SS.mmmZ
  char* p = out.data();
  Digits(p + 4, year, 4);
  p[4] = '-';
  Digits(p + 7, static_cast<int>(static_cast<unsigned>(date.month())), 2);
  p[7] = '-';
  Digits(p + 10, static_cast<int>(static_cast<unsigned>(date.day())), 2);
  p[10] = 'T';
  Digits(p + 13, static_cast<int>(in_day / 3'600'000), 2);
  p[13] = ':';
  Digits(p + 16, static_cast<int>(in_day / 60'000 % 60), 2);
  p[16] = ':';
  Digits(p + 19, static_cast<int>(in_day / 1000 % 60), 2);
  p[19] = '.';
  Digits(p + 23, static_cast<int>(in_day % 1000), 3);
  p[23] = 'Z';
  return out;
}

}  // namespace meekijk
