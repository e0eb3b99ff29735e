// Calendar dates as the API has them (YYYY-MM-DD, a day without a time zone): in words for a view,
// and today's as a date input holds it. Pure functions: unit-tested.

/** A calendar date in words: "1 januari 2026" (nl), "1 January 2026" (en); the text itself when it is not one. */
export function formatDate(date: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
}

/** Today's calendar date where the browser is, as a date input holds it. */
export function todayInput(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
