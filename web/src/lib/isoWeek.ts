// ISO 8601 weeks as the API names them ("2026-W50": Monday to Sunday, week 1 holding the year's
// first Thursday): the week of a day, a week earlier or later, and a week in words
// ("week 50, 7–13 december 2026"). Pure functions, computed on UTC midnights so that no time zone
// or daylight saving change moves a day: unit-tested.

const kDayMs = 86_400_000;
const kWeekPattern = /^(\d{4})-W(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The ISO week of the day at UTC midnight `utcMs`. */
function weekOfUtcDay(utcMs: number): string {
  const weekday = new Date(utcMs).getUTCDay() || 7; // Monday 1 … Sunday 7
  const thursday = new Date(utcMs + (4 - weekday) * kDayMs);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / kDayMs / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The ISO week ("2026-W50") of the calendar day `date` is on where the browser is. */
export function isoWeekOf(date: Date): string {
  return weekOfUtcDay(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

/** The Monday of `week` as UTC midnight in milliseconds; null when `week` is not an ISO week that exists. */
export function mondayOf(week: string): number | null {
  const match = kWeekPattern.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const firstMonday = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * kDayMs;
  const monday = firstMonday + (number - 1) * 7 * kDayMs;
  // Week 00, or 53 of a year that has 52, lands in another year's weeks.
  return number >= 1 && weekOfUtcDay(monday) === week ? monday : null;
}

/** The week `delta` weeks after `week` (before it when negative); `week` itself when it is not one. */
export function shiftWeek(week: string, delta: number): string {
  const monday = mondayOf(week);
  return monday === null ? week : weekOfUtcDay(monday + delta * 7 * kDayMs);
}

/** The week's number without the year: 50 for "2026-W50". */
export function weekNumber(week: string): number {
  return Number(kWeekPattern.exec(week)?.[2] ?? Number.NaN);
}

/**
 * The week in words, its days from Monday to Sunday: "week 50, 7–13 december 2026",
 * "week 49, 30 november – 6 december 2026" (en: "week 50, 7–13 December 2026"); the text itself
 * when it is not a week.
 */
export function formatWeek(week: string, language: string): string {
  const monday = mondayOf(week);
  if (monday === null) return week;
  const month = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', timeZone: 'UTC' });
  // Written out rather than Intl's formatRange, whose spacing differs between browsers and versions.
  const [first, last] = [new Date(monday), new Date(monday + 6 * kDayMs)];
  const day = (d: Date) => `${d.getUTCDate()} ${month.format(d)}`;
  let days: string;
  if (first.getUTCFullYear() !== last.getUTCFullYear()) {
    days = `${day(first)} ${first.getUTCFullYear()} – ${day(last)} ${last.getUTCFullYear()}`;
  } else if (first.getUTCMonth() !== last.getUTCMonth()) {
    days = `${day(first)} – ${day(last)} ${last.getUTCFullYear()}`;
  } else {
    days = `${first.getUTCDate()}–${day(last)} ${last.getUTCFullYear()}`;
  }
  return `week ${weekNumber(week)}, ${days}`;
}
