// One action a button starts, and its outcome for the screen: whether it is running (a second
// press meanwhile does nothing) and, when it failed, the sentence to show beside the button — the
// server's, or a translated one for a failure without words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs `work` unless it runs already; a failure becomes `error` until the next run. */
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof Error && failure.message ? failure.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, run };
}
