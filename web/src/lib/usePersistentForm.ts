// React state for a form that survives a session expiry: see formMemory.ts.
import { useCallback, useEffect, useState } from 'react';
import { forgetForm, loadForm, saveForm } from './formMemory';

export function usePersistentForm<T extends object>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => loadForm(sessionStorage, key, initial));

  useEffect(() => {
    saveForm(sessionStorage, key, value);
  }, [key, value]);

  /** Sets some fields, keeping the others. */
  const update = useCallback((patch: Partial<T>) => setValue((old) => ({ ...old, ...patch })), []);

  /** Forgets the saved copy and starts again from `next` (default: the initial value). */
  const reset = useCallback(
    (next?: T) => {
      forgetForm(sessionStorage, key);
      setValue(next ?? initial);
    },
    // `initial` is a literal at the call site; only the key decides which form this is.
    [key],
  );

  /** Forgets the saved copy but keeps the values: once the server has them, nothing is at risk. */
  const forget = useCallback(() => forgetForm(sessionStorage, key), [key]);

  return { value, setValue, update, reset, forget };
}
