// Revoking a HIS's key cannot be undone: its links are refused from then on, those already made
// too. So it asks first, in a dialog, and says there why it failed when it does (409: revoked
// already).
import { Button as UtrechtButton, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { ModalDialog } from '../components/ModalDialog';
import { useAction } from '../lib/useAction';
import { launchKeyKeys, revokeLaunchKey, type LaunchKey } from './api';

export function RevokeKeyButton({ launchKey, onRevoked }: {
  launchKey: LaunchKey;
  onRevoked: (revoked: LaunchKey) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const action = useAction();
  const revoke = () => action.run(async () => {
    const revoked = await revokeLaunchKey(launchKey.id);
    queryClient.setQueryData<{ items: LaunchKey[] }>(launchKeyKeys.all, (list) =>
      list && { items: list.items.map((k) => (k.id === revoked.id ? revoked : k)) });
    onRevoked(revoked);
  });
  return (
    <ModalDialog title={t('launchKeys.revoke.title', { name: launchKey.name })}
      trigger={
        <Button className="utrecht-button utrecht-button--secondary-action">
          {t('launchKeys.revoke.button')}
          <span className="mk-visually-hidden"> {t('launchKeys.for', { name: launchKey.name })}</span>
        </Button>
      }>
      <Paragraph>
        {t('launchKeys.revoke.confirm', { name: launchKey.name, keyId: launchKey.key_id, practice: launchKey.organisation.name })}
      </Paragraph>
      <div className="mk-action">
        <UtrechtButton appearance="primary-action-button" hint="danger" type="button" busy={action.busy} onClick={() => void revoke()}>
          {t('launchKeys.revoke.button')}
        </UtrechtButton>
        <ActionError message={action.error} />
      </div>
    </ModalDialog>
  );
}
