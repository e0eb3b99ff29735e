import { describe, expect, it } from 'vitest';
import { deadlineApplies, describeDue } from './due';

const now = new Date('2026-03-02T12:00:00Z');

describe('describeDue', () => {
  it('returns null without a deadline', () => {
    expect(describeDue(null, now, 'nl')).toBeNull();
    expect(describeDue('not a date', now, 'nl')).toBeNull();
  });

  it('says a future deadline in days, in Dutch', () => {
    const due = describeDue('2026-03-05T12:00:00Z', now, 'nl');
    expect(due?.overdue).toBe(false);
    expect(due?.relative).toBe('over 3 dagen');
  });

  it('marks a passed deadline overdue, in hours when recent', () => {
    const due = describeDue('2026-03-02T09:00:00Z', now, 'en');
    expect(due?.overdue).toBe(true);
    expect(due?.relative).toBe('3 hours ago');
  });

  it('uses minutes under an hour', () => {
    expect(describeDue('2026-03-02T12:20:00Z', now, 'en')?.relative).toBe('in 20 minutes');
  });

  it('gives an absolute time as well', () => {
    expect(describeDue('2026-03-05T12:00:00Z', now, 'en')?.absolute).toMatch(/2026/);
  });
});

describe('deadlineApplies', () => {
  it('holds while the specialist still has to answer, and not after', () => {
    expect(['sent', 'claimed', 'info_requested'].every(deadlineApplies)).toBe(true);
    expect(['draft', 'answered', 'closed', 'declined', 'cancelled'].some(deadlineApplies)).toBe(false);
  });
});
