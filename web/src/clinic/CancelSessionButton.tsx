// Cancelling a session cannot be undone: its bookings and waiting list are released and the GPs
// are told. So it asks first, in a dialog, and says there why it failed when it does.
import { Button as UtrechtButton, Paragraph } from '@utrecht/component-library-react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { ModalDialog } from '../components/ModalDialog';
import { useAction } from '../lib/useAction';
import { cancelSession, type ClinicSessionDetail } from './api';

export function CancelSessionButton({ session, onCancelled }: {
  session: ClinicSessionDetail;
  onCancelled: (cancelled: ClinicSessionDetail) => void;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const cancel = () => action.run(async () => onCancelled(await cancelSession(session.id)));
  return (
    <div className="mk-action">
      <ModalDialog title={t('clinic.cancel.title')}
        trigger={<Button className="utrecht-button utrecht-button--secondary-action">{t('clinic.cancel.button')}</Button>}>
        <Paragraph>{t('clinic.cancel.confirm')}</Paragraph>
        <div className="mk-action">
          <UtrechtButton appearance="primary-action-button" hint="danger" type="button" busy={action.busy} onClick={() => void cancel()}>
            {t('clinic.cancel.button')}
          </UtrechtButton>
          <ActionError message={action.error} />
        </div>
      </ModalDialog>
    </div>
  );
}
