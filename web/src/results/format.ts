// How the dashboard writes its figures, in the UI language (nl-NL unless English is chosen):
// counts with a thousands separator, shares as whole percentages, working hours and marks with one
// decimal, amounts in euros from the API's cents. A figure the server has none of (null) is null
// here too, so that each view says "no figure" in its own way. Pure functions: unit-tested.
import { formatEuros } from '../region/format';

function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

function formatNumber(value: number | null, language: string, options: Intl.NumberFormatOptions): string | null {
  return value === null ? null : new Intl.NumberFormat(localeOf(language), options).format(value);
}

/** 1234 → "1.234" (nl), "1,234" (en). */
export function formatCount(value: number | null, language: string): string | null {
  return formatNumber(value, language, { maximumFractionDigits: 0 });
}

/** A share from 0 to 1 as a whole percentage: 0.625 → "63%". */
export function formatShare(value: number | null, language: string): string | null {
  return formatNumber(value, language, { style: 'percent', maximumFractionDigits: 0 });
}

/** A number with at most one decimal: 3.45 → "3,5" (nl), "3.5" (en); for hours and marks. */
export function formatDecimal(value: number | null, language: string): string | null {
  return formatNumber(value, language, { maximumFractionDigits: 1 });
}

/** Cents as euros, "€ 1.234,50" (nl) or "€1,234.50" (en). */
export function formatCents(cents: number | null, language: string): string | null {
  return cents === null ? null : formatEuros(cents, language);
}

/** A share from 0 to 1 as the percentage a chart plots, one decimal: 0.6254 → 62.5. */
export function percentOf(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

const kMonthKey = /^(\d{4})-(\d{2})$/;

/** A month as the report keys it ("2026-03") in words: "maart 2026", or "mrt 2026" short; other text as it is. */
export function formatMonth(key: string, language: string, month: 'long' | 'short' = 'long'): string {
  const match = kMonthKey.exec(key);
  if (!match) return key;
  const first = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
  return new Intl.DateTimeFormat(localeOf(language), { month, year: 'numeric', timeZone: 'UTC' }).format(first).replace('.', '');
}
