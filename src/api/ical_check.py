#!/usr/bin/python3
"""Reads an iCalendar file with the icalendar library (Debian's python3-icalendar), as calendar
programs would, and prints one line per event: UID, start, end (UTC), status and summary. Exits 1
when the file does not parse or has no VCALENDAR."""
import sys

import icalendar


def main() -> int:
    with open(sys.argv[1], "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    if calendar.name != "VCALENDAR":
        return 1
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        print("\t".join([str(event.get("UID")), start.strftime("%Y-%m-%dT%H:%MZ"),
                         end.strftime("%Y-%m-%dT%H:%MZ"), str(event.get("STATUS")),
                         str(event.get("SUMMARY")), str(event.get("LOCATION", ""))]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
