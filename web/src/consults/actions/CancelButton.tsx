// Cancelling a consult cannot be undone, so it asks first, in a dialog.
import { Button as UtrechtButton, Paragraph } from '@utrecht/component-library-react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { ModalDialog } from '../../components/ModalDialog';
import { runAction } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

export function CancelButton({ runner, consultId }: { runner: ConsultActionRunner; consultId: number }) {
  const { t } = useTranslation();
  return (
    <div className="mk-action">
      <ModalDialog
        title={t('actions.cancel.title')}
        trigger={<Button className="utrecht-button utrecht-button--secondary-action">{t('actions.cancel.button')}</Button>}
      >
        <Paragraph>{t('actions.cancel.confirm')}</Paragraph>
        <UtrechtButton
          appearance="primary-action-button"
          hint="danger"
          type="button"
          busy={runner.busy === 'cancel'}
          onClick={() => void runner.run('cancel', [], () => runAction(consultId, 'cancel'))}
        >
          {t('actions.cancel.button')}
        </UtrechtButton>
      </ModalDialog>
      <ActionError message={runner.actionError('cancel')} />
    </div>
  );
}
