// Revoking a client cannot be undone: its tokens stop working at once and it gets no new ones. So
// it asks first, in a dialog, and says there why it failed when it does (409: revoked already).
import { Button as UtrechtButton, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { ModalDialog } from '../components/ModalDialog';
import { useAction } from '../lib/useAction';
import { apiClientKeys, revokeApiClient, type ApiClient } from './api';

export function RevokeButton({ client, onRevoked }: {
  client: ApiClient;
  onRevoked: (revoked: ApiClient) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const action = useAction();
  const revoke = () => action.run(async () => {
    const revoked = await revokeApiClient(client.id);
    queryClient.setQueryData<{ items: ApiClient[] }>(apiClientKeys.all, (list) =>
      list && { items: list.items.map((c) => (c.id === revoked.id ? revoked : c)) });
    onRevoked(revoked);
  });
  return (
    <ModalDialog title={t('apiClients.revoke.title', { name: client.name })}
      trigger={
        <Button className="utrecht-button utrecht-button--secondary-action">
          {t('apiClients.revoke.button')}
          <span className="mk-visually-hidden"> {t('apiClients.for', { name: client.name })}</span>
        </Button>
      }>
      <Paragraph>{t('apiClients.revoke.confirm', { name: client.name, clientId: client.client_id })}</Paragraph>
      <div className="mk-action">
        <UtrechtButton appearance="primary-action-button" hint="danger" type="button" busy={action.busy} onClick={() => void revoke()}>
          {t('apiClients.revoke.button')}
        </UtrechtButton>
        <ActionError message={action.error} />
      </div>
    </ModalDialog>
  );
}
