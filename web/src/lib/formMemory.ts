// What a person typed into a form, kept in sessionStorage while they work, so that an expired
// session (401 → login page → back) or a reload does not lose it. Cleared when the form is sent
// and on log-out; sessionStorage itself dies with the tab, so patient data does not linger.

const kPrefix = 'meekijk.form.';

export function saveForm(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(kPrefix + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the form still works, it just cannot be restored.
  }
}

/**
 * The saved value for `key`, laid over `fallback` so that fields added to a form since it was
 * saved get their defaults; `fallback` when nothing (readable) was saved.
 */
export function loadForm<T extends object>(storage: Storage, key: string, fallback: T): T {
  try {
    const raw = storage.getItem(kPrefix + key);
    if (raw === null) return fallback;
    const saved: unknown = JSON.parse(raw);
    if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return fallback;
    return { ...fallback, ...(saved as Partial<T>) };
  } catch {
    return fallback;
  }
}

export function hasSavedForm(storage: Storage, key: string): boolean {
  return storage.getItem(kPrefix + key) !== null;
}

export function forgetForm(storage: Storage, key: string): void {
  storage.removeItem(kPrefix + key);
}

/** Forgets every saved form: on log-out, so the next user of the tab sees none of it. */
export function forgetAllForms(storage: Storage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(kPrefix)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
