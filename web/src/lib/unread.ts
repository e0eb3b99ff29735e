// Which consults changed since this user last opened them. The marker of a consult is its
// `updated_at` (it moves with every message and transition); the last marker seen per consult is
// kept in localStorage per user, so it survives a reload and does not leak between accounts.

export type SeenMarkers = Record<string, string>;

interface MarkedConsult {
  id: number;
  updated_at: string;
}

const kKeyPrefix = 'meekijk.seen.';
// Enough for a busy year of one person's consults; older markers are dropped first.
const kMaxMarkers = 2000;

function storageKey(userId: number): string {
  return `${kKeyPrefix}${userId}`;
}

export function loadSeen(storage: Storage, userId: number): SeenMarkers {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(userId)) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as SeenMarkers) : {};
  } catch {
    return {};
  }
}

/** Records that the user saw `consult` as it is now. */
export function markSeen(storage: Storage, userId: number, consult: MarkedConsult): void {
  const seen = loadSeen(storage, userId);
  if (seen[consult.id] === consult.updated_at) return;
  delete seen[consult.id];
  seen[consult.id] = consult.updated_at;
  const ids = Object.keys(seen);
  for (const old of ids.slice(0, Math.max(0, ids.length - kMaxMarkers))) delete seen[old];
  try {
    storage.setItem(storageKey(userId), JSON.stringify(seen));
  } catch {
    // A full or disabled storage only costs the unread markers.
  }
}

/** True when the consult was never opened by this user, or changed since. */
export function isUnread(seen: SeenMarkers, consult: MarkedConsult): boolean {
  return seen[consult.id] !== consult.updated_at;
}
