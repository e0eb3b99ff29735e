// After a refused submit, the focus goes to the first field that says why, so that keyboard and
// screen reader users land on the sentence instead of searching the form for it (WCAG 3.3.1).
import { useEffect, type RefObject } from 'react';

const kFocusable = 'input:not([type="hidden"]), select, textarea, button';

/** Focuses the first invalid control in `form` each time `errors` changes to a non-empty set. */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, errors: Readonly<Record<string, string>>) {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    const target = invalid.matches(kFocusable) ? invalid : invalid.querySelector<HTMLElement>(kFocusable);
    target?.focus();
  }, [errors, form]);
}
