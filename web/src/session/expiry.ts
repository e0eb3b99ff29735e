// Whether the last session ended by expiring (a 401 while logged in) rather than by logging out,
// so the login page can say so. A tiny external store for useSyncExternalStore.
import { useSyncExternalStore } from 'react';

let expired = false;
const listeners = new Set<() => void>();

export function setSessionExpired(value: boolean): void {
  if (expired === value) return;
  expired = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionExpired(): boolean {
  return useSyncExternalStore(subscribe, () => expired);
}
