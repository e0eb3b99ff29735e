// Approving a statement cannot be undone: afterwards it never changes, and a later correction goes
// into the month it arises in. So it asks first, in a dialog, and says there why it failed when it
// does (409: approved already; 422: the month is not over).
import { Button as UtrechtButton, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { ModalDialog } from '../components/ModalDialog';
import { useAction } from '../lib/useAction';
import { approveFeeStatement, feeKeys, type FeeStatement } from './api';

export function ApproveButton({ statement, onApproved }: {
  statement: FeeStatement;
  onApproved: (approved: FeeStatement) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const action = useAction();
  const { organisation, month } = statement;
  const approve = () => action.run(async () => {
    const approved = await approveFeeStatement(organisation.id, month);
    queryClient.setQueryData(feeKeys.one(organisation.id, month), approved);
    void queryClient.invalidateQueries({ queryKey: feeKeys.month(month) });
    onApproved(approved);
  });
  return (
    <div className="mk-action">
      <ModalDialog title={t('fees.approve.title')}
        trigger={<Button className="utrecht-button utrecht-button--primary-action">{t('fees.approve.button')}</Button>}>
        <Paragraph>{t('fees.approve.confirm', { name: organisation.name })}</Paragraph>
        <div className="mk-action">
          <UtrechtButton appearance="primary-action-button" type="button" busy={action.busy} onClick={() => void approve()}>
            {t('fees.approve.button')}
          </UtrechtButton>
          <ActionError message={action.error} />
        </div>
      </ModalDialog>
    </div>
  );
}
