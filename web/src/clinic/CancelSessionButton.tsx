// Cancelling a session cannot be undone: its bookings and waiting list are released and the GPs
// are told. So it asks first, in a dialog, and says there why it failed when it does.
import { Button as UtrechtButton, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { ModalDialog } from '../components/ModalDialog';
import { cancelSession, type ClinicSessionDetail } from './api';

export function CancelSessionButton({ session, onCancelled }: {
  session: ClinicSessionDetail;
  onCancelled: (cancelled: ClinicSessionDetail) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onCancelled(await cancelSession(session.id));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mk-action">
      <ModalDialog title={t('clinic.cancel.title')}
        trigger={<Button className="utrecht-button utrecht-button--secondary-action">{t('clinic.cancel.button')}</Button>}>
        <Paragraph>{t('clinic.cancel.confirm')}</Paragraph>
        <div className="mk-action">
          <UtrechtButton appearance="primary-action-button" hint="danger" type="button" busy={busy} onClick={() => void cancel()}>
            {t('clinic.cancel.button')}
          </UtrechtButton>
          <ActionError message={error} />
        </div>
      </ModalDialog>
    </div>
  );
}
