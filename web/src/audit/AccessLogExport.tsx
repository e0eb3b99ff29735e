// "Exporteren als CSV": every row for the current filters as toegangslog.csv. The server wants the
// password (and a code) from the last few minutes for it; when it asks (reauthentication_required),
// the re-authentication form takes its place and the export is tried again once it is given.
import { Button } from '@utrecht/component-library-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { saveBlob } from '../lib/download';
import { ReauthenticateForm } from '../security/ReauthenticateForm';
import { exportAccessLog, type AccessLogFilters } from './api';

export const kExportFileName = 'toegangslog.csv';

export function AccessLogExport({ filters }: { filters: AccessLogFilters }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const hintId = useId();

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      saveBlob(await exportAccessLog(filters), kExportFileName);
      setNotice(t('accessLog.export.done', { file: kExportFileName }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'reauthentication_required') {
        setAsking(true);
        return;
      }
      setError(e instanceof Error ? e.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };

  // The form goes away with its focused field; the focus returns to the button that opened it.
  const closeForm = () => {
    setAsking(false);
    requestAnimationFrame(() => button.current?.focus());
  };

  return (
    <div className="mk-log-export">
      {asking ? (
        <ReauthenticateForm help={t('accessLog.export.reauthHelp')} onCancel={closeForm}
          onDone={() => {
            closeForm();
            void run();
          }} />
      ) : (
        <div className="mk-action">
          <Button ref={button} type="button" appearance="secondary-action-button" busy={busy} aria-describedby={hintId}
            onClick={() => void run()}>
            {t('accessLog.export.button')}
          </Button>
          <p id={hintId} className="mk-hint">{t('accessLog.export.help')}</p>
          <ActionError message={error} />
        </div>
      )}
      <p role="status" className="utrecht-paragraph mk-log-export__notice">{notice}</p>
    </div>
  );
}
