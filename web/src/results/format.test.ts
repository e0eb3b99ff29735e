// The dashboard writes its figures as people in the UI language write them: a Dutch thousands
// point and decimal comma, whole percentages, euros from cents; a figure the server has none of
// stays none.
import { describe, expect, it } from 'vitest';
import { formatCents, formatCount, formatDecimal, formatShare, percentOf } from './format';

// Intl puts a no-break space between "€" and the amount.
const plain = (text: string | null) => text?.replace(/\s/g, ' ') ?? null;

describe('figure formats', () => {
  it('writes counts with a thousands separator', () => {
    expect(formatCount(1234, 'nl')).toBe('1.234');
    expect(formatCount(1234, 'en')).toBe('1,234');
  });

  it('writes a share from 0 to 1 as a whole percentage', () => {
    expect(formatShare(0.625, 'nl')).toBe('63%');
    expect(formatShare(1, 'en')).toBe('100%');
  });

  it('writes hours and marks with at most one decimal', () => {
    expect(formatDecimal(3.46, 'nl')).toBe('3,5');
    expect(formatDecimal(12, 'nl')).toBe('12');
    expect(formatDecimal(4.26, 'en')).toBe('4.3');
  });

  it('writes cents as euros', () => {
    expect(plain(formatCents(12345650, 'nl'))).toBe('€ 123.456,50');
    expect(formatCents(10005, 'en')).toBe('€100.05');
  });

  it('keeps a missing figure missing', () => {
    expect([formatCount(null, 'nl'), formatShare(null, 'nl'), formatDecimal(null, 'nl'), formatCents(null, 'nl')]).toEqual([null, null, null, null]);
  });

  it('gives a chart the percentage with one decimal', () => {
    expect(percentOf(0.6254)).toBe(62.5);
    expect(percentOf(null)).toBeNull();
  });
});
