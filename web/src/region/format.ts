// How the region screens write amounts and counts: euros from the API's cents and back, and whole
// numbers as typed. Pure functions: unit-tested.

/** Cents as a euro amount in the UI language: 2500 → "€ 25,00" (nl) or "€25.00" (en). */
export function formatEuros(cents: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' })
    .format(cents / 100);
}

/** Cents as a text box holds them, with a decimal comma: 2500 → "25,00". */
export function eurosInput(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = String(Math.abs(cents % 100)).padStart(2, '0');
  return `${euros},${rest}`;
}

/**
 * The cents of a typed euro amount ("25", "25,5", "25,50", "€ 25.50"); null when it is not one
 * (letters, a third decimal, a minus sign). A blank text is null too: the caller decides what
 * no answer means.
 */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/€/g, '').replace(/\s/g, '');
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** A typed whole number of zero or more ("3", " 12 "); null for anything else, blank included. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}
