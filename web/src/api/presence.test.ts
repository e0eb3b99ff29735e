// Presence: input keeps a person present for a minute; after that, requests are background.
import { describe, expect, it } from 'vitest';
import { isAway, noteInput } from './presence';

describe('presence', () => {
  it('is present for a minute after the last input, then away', () => {
    noteInput(1_000_000);
    expect(isAway(1_000_000 + 59_000)).toBe(false);
    expect(isAway(1_000_000 + 60_000)).toBe(false);
    expect(isAway(1_000_000 + 60_001)).toBe(true);
  });

  it('counts keys, pointers, wheels and touches as input', () => {
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
      noteInput(0);
      expect(isAway()).toBe(true);
      window.dispatchEvent(new Event(type));
      expect(isAway()).toBe(false);
    }
  });
});
