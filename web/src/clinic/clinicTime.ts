// Days and clock times of clinic sessions as the people at the practice read them: in Amsterdam
// time, whatever the browser's own time zone, a day with its weekday ("dinsdag 8 december 2026"),
// and the period the session list starts with. Pure functions: unit-tested.

export const kClinicTimeZone = 'Europe/Amsterdam';

const kDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const kDayMs = 86_400_000;
/** The list starts with this week and the eight after it. */
const kDefaultWeeks = 9;
/** The server lists at most a year at once. */
export const kMaxPeriodDays = 366;

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: kClinicTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The Amsterdam clock time of an instant: "13:00". */
export function clockTime(iso: string): string {
  return clock.format(new Date(iso));
}

/** From one instant to another as a span of clock times: "13:00–13:20". */
export function timeSpan(startIso: string, endIso: string): string {
  return `${clockTime(startIso)}–${clockTime(endIso)}`;
}

function utcMidnight(day: string): number | null {
  const match = kDayPattern.exec(day);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** A calendar day with its weekday: "dinsdag 8 december 2026" (en: "Tuesday 8 December 2026"); the text itself when it is not one. */
export function formatDay(day: string, language: string): string {
  const midnight = utcMidnight(day);
  if (midnight === null) return day;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(midnight).replace(',', '');
}

/** The day `count` days after `day` (before it when negative), both YYYY-MM-DD. */
export function addDays(day: string, count: number): string {
  const midnight = utcMidnight(day);
  return midnight === null ? day : new Date(midnight + count * kDayMs).toISOString().slice(0, 10);
}

/** How many days `to` lies after `from`; NaN when either is not a day. */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [utcMidnight(from), utcMidnight(to)];
  return a === null || b === null ? Number.NaN : Math.round((b - a) / kDayMs);
}

/** This week's Monday (where the browser is) to the Sunday eight weeks later. */
export function defaultPeriod(now: Date = new Date()): { from: string; to: string } {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const weekday = new Date(today).getUTCDay() || 7; // Monday 1 … Sunday 7
  const monday = new Date(today - (weekday - 1) * kDayMs).toISOString().slice(0, 10);
  return { from: monday, to: addDays(monday, kDefaultWeeks * 7 - 1) };
}

/** Whether `text` is a calendar day as a date input gives it. */
export function isDay(text: string): boolean {
  const midnight = utcMidnight(text);
  return midnight !== null && new Date(midnight).toISOString().slice(0, 10) === text;
}
