// Calendar months as the fee statements name them ("2026-11"): last month as the default, the
// months a coordinator may choose, and a month in words. Months are the browser's calendar months;
// the server counts a consult in the month it was closed in. Pure functions: unit-tested.

const kMonth = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The address parameter of the month shown on /declaraties: ?maand=2026-11. */
export const kMonthParam = 'maand';

/** The address of the statements of `month`. */
export function statementsPath(month: string): string {
  return `/declaraties?${new URLSearchParams({ [kMonthParam]: month }).toString()}`;
}

/** How far back the month choice reaches: two years, enough for every statement still to check. */
export const kMonthsToChoose = 24;

/** Whether `text` is a month as the API takes it: YYYY-MM. */
export function isMonth(text: string | null | undefined): text is string {
  return !!text && kMonth.test(text);
}

function monthOf(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month before the one `now` is in: the one whose statements are due to be checked. */
export function lastMonth(now: Date = new Date()): string {
  return monthOf(now.getFullYear(), now.getMonth() - 1);
}

/** This month and the `count - 1` before it, newest first. */
export function recentMonths(now: Date = new Date(), count = kMonthsToChoose): string[] {
  return Array.from({ length: count }, (_, back) => monthOf(now.getFullYear(), now.getMonth() - back));
}

/** A month in words: "november 2026" (nl), "November 2026" (en); the text itself when it is not one. */
export function formatMonth(month: string, language: string): string {
  const match = kMonth.exec(month);
  if (!match) return month;
  const first = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(first);
}
