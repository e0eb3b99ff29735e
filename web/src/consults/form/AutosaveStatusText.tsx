// The autosave's state in words, in a polite live region next to the form's buttons.
import { useTranslation } from 'react-i18next';
import type { AutosaveStatus } from './useAutosave';

export function AutosaveStatusText({ status }: { status: AutosaveStatus }) {
  const { t, i18n } = useTranslation();
  let text = '';
  switch (status.state) {
    case 'saving':
      text = t('form.autosaving');
      break;
    case 'saved':
      text = t('form.autosaved', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(status.at) });
      break;
    case 'error':
      text = status.placed.actionError ? t('form.autosaveFailed', { message: status.placed.actionError }) : t('form.autosaveFieldError');
      break;
    case 'conflict':
      text = status.message;
      break;
    case 'idle':
      break;
  }
  return (
    <p className="mk-autosave" role="status" aria-live="polite">
      {text}
    </p>
  );
}
