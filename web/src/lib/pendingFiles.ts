// Files chosen for a consult but not yet uploaded (uploads need the consult to exist). Kept in
// memory, per form, because File objects cannot go into sessionStorage; the SPA never reloads on
// a session expiry, so they survive a re-login too.

const pending = new Map<string, File[]>();

export function pendingFiles(formKey: string): File[] {
  return pending.get(formKey) ?? [];
}

export function setPendingFiles(formKey: string, files: File[]): void {
  if (files.length === 0) pending.delete(formKey);
  else pending.set(formKey, files);
}

/** Hands the files of an unsaved form to the form of the draft it became. */
export function movePendingFiles(fromKey: string, toKey: string): void {
  setPendingFiles(toKey, pendingFiles(fromKey));
  pending.delete(fromKey);
}

export function forgetAllPendingFiles(): void {
  pending.clear();
}
