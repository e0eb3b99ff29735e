// How a consult's response deadline reads in a list: relative ("in 2 days", "3 hours late"),
// and whether it has passed. Overdue is also said in words, never by colour alone (WCAG 1.4.1).

export interface DueDescription {
  /** Relative time in the UI language, e.g. "over 2 dagen" or "3 hours ago". */
  relative: string;
  /** Absolute date and time in the UI language, for a tooltip or a screen reader. */
  absolute: string;
  overdue: boolean;
}

const kMinute = 60_000;
const kHour = 60 * kMinute;
const kDay = 24 * kHour;

// Picks the largest unit that keeps the number readable: minutes under an hour, hours under two
// days, days beyond.
function relativeParts(deltaMs: number): [number, Intl.RelativeTimeFormatUnit] {
  const size = Math.abs(deltaMs);
  if (size < kHour) return [Math.round(deltaMs / kMinute), 'minute'];
  if (size < 2 * kDay) return [Math.round(deltaMs / kHour), 'hour'];
  return [Math.round(deltaMs / kDay), 'day'];
}

/** Describes `dueAt` (ISO 8601) relative to `now`; null when the consult has no deadline yet. */
export function describeDue(dueAt: string | null | undefined, now: Date, locale: string): DueDescription | null {
  if (!dueAt) return null;
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) return null;
  const delta = due.getTime() - now.getTime();
  const [value, unit] = relativeParts(delta);
  return {
    relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit),
    absolute: formatDateTime(dueAt, locale),
    overdue: delta < 0,
  };
}

/** A date and time as people in `locale` write it, in the browser's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Statuses in which the specialist's response time is running; afterwards a deadline says nothing. */
const kAwaitingAnswer = new Set(['sent', 'claimed', 'info_requested']);

/** Whether a consult in `status` still waits for the specialist's answer, so its deadline matters. */
export function deadlineApplies(status: string): boolean {
  return kAwaitingAnswer.has(status);
}
