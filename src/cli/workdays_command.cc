// `meekijk workdays holidays YEAR` and `meekijk workdays add YYYY-MM-DDTHH:MM[:SS] N`: the
// working-day calendar behind response times, for coordinators checking a due moment. Times are
// Amsterdam wall-clock times; --good-friday and --liberation-day count those days off, as an
// agreement may.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <string_view>

#include "cli/commands.h"
#include "domain/consult_validation.h"
#include "domain/working_days.h"

namespace meekijk::cli {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

struct WorkdaysOptions {
  domain::DaysOff off;
  int year = 0;
  std::string start;
  int count = 0;
};

int Refuse(const std::string& nl, const std::string& en) {
  std::cerr << "meekijk: " << nl << "\nmeekijk: " << en << "\n";
  return 2;
}

std::string IsoDate(std::chrono::year_month_day day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

int Holidays(const WorkdaysOptions& options) {
  if (options.year < 1900 || options.year > 2200) {
    return Refuse("Kies een jaar van 1900 tot 2200.", "Choose a year from 1900 to 2200.");
  }
  for (const auto& [day, name] :
       domain::DutchPublicHolidays(std::chrono::year{options.year}, options.off)) {
    std::cout << IsoDate(day) << " " << name << "\n";
  }
  return 0;
}

// "YYYY-MM-DDTHH:MM" or with ":SS": the digits where they belong (std::regex would do, but g++ 12
// misreads its automaton as uninitialised under the sanitizers).
bool IsMoment(std::string_view text) {
  if (text.size() != 16 && text.size() != 19) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char expected = i == 4 || i == 7 ? '-' : i == 10 ? 'T' : i == 13 || i == 16 ? ':' : '0';
    bool ok = expected == '0' ? text[i] >= '0' && text[i] <= '9' : text[i] == expected;
    if (!ok) return false;
  }
  return true;
}

int Add(const WorkdaysOptions& options) {
  const std::string& start = options.start;
  if (!IsMoment(start) || !domain::IsValidIsoDate(start.substr(0, 10))) {
    return Refuse(
        "Schrijf het begin als JJJJ-MM-DDTUU:MM (seconden mogen erbij), Amsterdamse tijd.",
        "Write the start as YYYY-MM-DDTHH:MM (seconds optional), Amsterdam time.");
  }
  bool with_seconds = start.size() == 19;
  int hour = std::stoi(start.substr(11, 2)), minute = std::stoi(start.substr(14, 2));
  int second = with_seconds ? std::stoi(start.substr(17, 2)) : 0;
  if (hour > 23 || minute > 59 || second > 59) {
    return Refuse("Die tijd bestaat niet.", "That time does not exist.");
  }
  if (options.count < 0 || options.count > 1000) {
    return Refuse("Tel 0 tot 1000 werkdagen.", "Count 0 to 1000 working days.");
  }
  std::string date = start.substr(0, 10);
  std::chrono::year_month_day day{
      std::chrono::year{std::stoi(date.substr(0, 4))},
      std::chrono::month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
  TimePoint local = sys_days{day} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
                    std::chrono::seconds{second};
  TimePoint due =
      domain::AddWorkingDays(domain::AmsterdamLocalToUtc(local), options.count, options.off);
  TimePoint due_local = domain::UtcToAmsterdamLocal(due);
  sys_days due_day = std::chrono::floor<days>(due_local);
  auto time = std::chrono::hh_mm_ss(std::chrono::floor<std::chrono::seconds>(due_local - due_day));
  char clock[16];
  if (with_seconds) {
    std::snprintf(clock, sizeof clock, "T%02d:%02d:%02d", static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
  } else {
    std::snprintf(clock, sizeof clock, "T%02d:%02d", static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()));
  }
  std::cout << IsoDate(std::chrono::year_month_day{due_day}) << clock << "\n";
  return 0;
}

void AddDaysOffFlags(CLI::App& command, WorkdaysOptions& options) {
  command.add_flag("--good-friday", options.off.good_friday, "Goede Vrijdag is vrij / off");
  command.add_flag("--liberation-day", options.off.liberation_day,
                   "Bevrijdingsdag (5 mei) is vrij / Liberation Day (5 May) is off");
}

}  // namespace

void AddWorkdaysCommand(CLI::App& app) {
  CLI::App* workdays =
      app.add_subcommand("workdays", "Werkdagen en feestdagen / Working days and public holidays");
  workdays->require_subcommand(1);
  auto options = std::make_shared<WorkdaysOptions>();
  CLI::App* holidays =
      workdays->add_subcommand("holidays", "De feestdagen van een jaar / A year's public holidays");
  holidays->add_option("year", options->year, "YYYY")->required();
  AddDaysOffFlags(*holidays, *options);
  holidays->callback([options] { std::exit(Holidays(*options)); });
  CLI::App* add = workdays->add_subcommand(
      "add", "Het moment N werkdagen later / The moment N working days later");
  add->add_option("start", options->start, "YYYY-MM-DDTHH:MM[:SS], Amsterdam time")->required();
  add->add_option("days", options->count, "N")->required();
  AddDaysOffFlags(*add, *options);
  add->callback([options] { std::exit(Add(*options)); });
}

}  // namespace meekijk::cli
