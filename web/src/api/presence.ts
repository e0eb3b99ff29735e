// Whether someone is at the screen: the time of the last key, pointer, wheel or touch input. The
// API client marks the requests made while nobody has touched the screen for a minute (the
// refetches a change seen by the poller sets off, a tab left open), and the server does not count
// those as activity: an unattended screen reaches the idle end of its login (ASVS 3.3.2).
const kAwayAfterMs = 60_000;
const kInputEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

let lastInput = Date.now();

/** Records input now; the listeners below call it. */
export function noteInput(now = Date.now()): void {
  lastInput = now;
}

/** True when nobody has given input for more than a minute. */
export function isAway(now = Date.now()): boolean {
  return now - lastInput > kAwayAfterMs;
}

if (typeof window !== 'undefined') {
  for (const type of kInputEvents) {
    window.addEventListener(type, () => noteInput(), { capture: true, passive: true });
  }
}
