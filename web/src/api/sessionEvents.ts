// The seam between the API client (which sees a 401) and the session state (which reacts to it):
// a tiny listener list, so the client does not depend on React or TanStack Query.

type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `listener` whenever a request comes back 401 (session expired or never there). */
export function onSessionLost(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportSessionLost(): void {
  for (const listener of listeners) listener();
}
