import { beforeEach, describe, expect, it } from 'vitest';
import { isUnread, loadSeen, markSeen } from './unread';

describe('unread tracking', () => {
  beforeEach(() => localStorage.clear());

  it('treats a never-opened consult as unread', () => {
    expect(isUnread(loadSeen(localStorage, 1), { id: 5, updated_at: 'a' })).toBe(true);
  });

  it('is read after marking, unread again after a change', () => {
    markSeen(localStorage, 1, { id: 5, updated_at: 'a' });
    expect(isUnread(loadSeen(localStorage, 1), { id: 5, updated_at: 'a' })).toBe(false);
    expect(isUnread(loadSeen(localStorage, 1), { id: 5, updated_at: 'b' })).toBe(true);
  });

  it('keeps users apart', () => {
    markSeen(localStorage, 1, { id: 5, updated_at: 'a' });
    expect(isUnread(loadSeen(localStorage, 2), { id: 5, updated_at: 'a' })).toBe(true);
  });

  it('survives corrupt storage', () => {
    localStorage.setItem('meekijk.seen.1', '{not json');
    expect(loadSeen(localStorage, 1)).toEqual({});
  });
});
