// The access log's times as a Dutch privacy officer reads and asks for them: in Europe/Amsterdam,
// whatever the browser's own time zone. A chosen day runs from Amsterdam midnight to the next; the
// server takes the bounds as UTC instants ("2026-03-01T23:00:00Z"), `from` inclusive and `until`
// exclusive, so a "to and including" day is sent as the start of the day after.

export const kLogTimeZone = 'Europe/Amsterdam';

const kDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: kLogTimeZone, hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

// en-CA writes a date as YYYY-MM-DD.
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: kLogTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** How far Amsterdam's wall clock is ahead of UTC at `instant` (ms since the epoch), in ms. */
function zoneOffsetMs(instant: number): number {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day),
    Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - instant;
}

/** An instant as the server parses it: whole seconds, UTC. */
function toServerTime(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The UTC instant at which `day` (YYYY-MM-DD, as a date input gives it) begins in Amsterdam, plus
 * `addDays` days; null for anything that is not such a day.
 */
export function startOfDay(day: string, addDays = 0): string | null {
  const match = kDayPattern.exec(day);
  if (!match) return null;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  if (Number.isNaN(wall)) return null;
  // The offset at the guess, then at the instant found: midnight is never in a DST gap here.
  const guess = wall - zoneOffsetMs(wall);
  return toServerTime(wall - zoneOffsetMs(guess));
}

/** The Amsterdam day (YYYY-MM-DD) that `iso` falls on. */
export function dayOf(iso: string): string {
  return dayFormat.format(new Date(iso));
}

/** The day after `day` (both YYYY-MM-DD), counted in calendar days. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A log time as people in `locale` write it, with seconds, in Amsterdam time. */
export function formatLogTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: kLogTimeZone })
    .format(new Date(iso));
}

/** A day (YYYY-MM-DD) short, as "2 mrt." or "2 Mar", for the chart. */
export function formatShortDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(`${day}T00:00:00Z`));
}
