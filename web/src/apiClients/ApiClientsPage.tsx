// /api-clients, for administrators: the systems that call the FHIR API (each for one organisation,
// acting for one of its members), with their client_id to copy, scopes, when registered and
// whether active; registering one (its client_id and the token address shown afterwards, with how
// it gets its tokens) and revoking one after a confirmation. Others are told it is not theirs, and
// the server is not asked.
import {
  Button, Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { CopyButton } from '../components/CopyButton';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../lib/due';
import { usePageTitle } from '../lib/usePageTitle';
import { hasRole, useMe } from '../session/session';
import '../styles/api-clients.css';
import { apiClientKeys, useApiClients, type ApiClient } from './api';
import { RegisteredPanel } from './RegisteredPanel';
import { RegisterForm } from './RegisterForm';
import { RevokeButton } from './RevokeButton';

export default function ApiClientsPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  usePageTitle(t('apiClients.title'));
  if (!user) return <Loading />;
  if (!hasRole(user, 'admin')) {
    return (
      <>
        <Heading1>{t('apiClients.title')}</Heading1>
        <Paragraph>{t('apiClients.notForYou')}</Paragraph>
      </>
    );
  }
  return <ApiClients />;
}

function ApiClients() {
  const { t } = useTranslation();
  const clients = useApiClients();
  const queryClient = useQueryClient();
  const [registering, setRegistering] = useState(false);
  // The client just registered: its client_id and token address are shown until the next action.
  const [registered, setRegistered] = useState<ApiClient | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The row that takes the focus after its client was revoked (its button and dialog are gone).
  const [focusRow, setFocusRow] = useState<number | null>(null);

  const onRegistered = (client: ApiClient) => {
    setRegistering(false);
    setRegistered(client);
    queryClient.setQueryData<{ items: ApiClient[] }>(apiClientKeys.all, (list) => list && { items: [client, ...list.items] });
    void queryClient.invalidateQueries({ queryKey: apiClientKeys.all });
  };

  const onRevoked = (client: ApiClient) => {
    if (registered?.id === client.id) setRegistered(null);
    setNotice(t('apiClients.revoke.done', { name: client.name }));
    setFocusRow(client.id);
  };

  const items = clients.data?.items ?? [];
  return (
    <div className="mk-api-clients">
      <Heading1>{t('apiClients.title')}</Heading1>
      <Paragraph>{t('apiClients.intro')}</Paragraph>
      {registering ? (
        <RegisterForm onRegistered={onRegistered} onCancel={() => setRegistering(false)} />
      ) : (
        <div className="mk-actions">
          <Button type="button" appearance="secondary-action-button"
            onClick={() => {
              setRegistered(null);
              setNotice(null);
              setRegistering(true);
            }}>
            {t('apiClients.register')}
          </Button>
        </div>
      )}
      {registered && !registering && <RegisteredPanel client={registered} />}
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {clients.isPending && <Loading />}
      <ActionError message={clients.error?.message} />
      {clients.isSuccess && items.length === 0 && <Paragraph>{t('apiClients.empty')}</Paragraph>}
      {items.length > 0 && (
        <div className="mk-table-scroll">
          <Table className="mk-api-client-table">
            <TableCaption className="mk-visually-hidden">{t('apiClients.title')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('apiClients.column.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('apiClients.column.clientId')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('apiClients.column.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('apiClients.column.user')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('apiClients.column.scopes')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('apiClients.column.created')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('apiClients.column.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('apiClients.column.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((client) => (
                <ClientRow key={client.id} client={client} focus={focusRow === client.id} onRevoked={onRevoked} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function ClientRow({ client, focus, onRevoked }: {
  client: ApiClient;
  /** Gives the row's name the focus, as the row appears revoked. */
  focus: boolean;
  onRevoked: (client: ApiClient) => void;
}) {
  const { t, i18n } = useTranslation();
  const name = useRef<HTMLTableCellElement>(null);
  const clientId = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focus) name.current?.focus();
  }, [focus]);
  return (
    <TableRow className={client.revoked_at ? 'mk-row--revoked' : undefined}>
      <TableHeaderCell scope="row" ref={name} tabIndex={-1}>{client.name}</TableHeaderCell>
      <TableCell>
        <code ref={clientId} className="mk-client-id">{client.client_id}</code>{' '}
        <CopyButton text={client.client_id} target={clientId} context={t('apiClients.copy.clientIdOf', { name: client.name })} />
      </TableCell>
      <TableCell>{client.organisation.name}</TableCell>
      <TableCell>{client.user.username}</TableCell>
      <TableCell>
        <UnorderedList className="mk-scope-list">
          {client.scopes.map((scope) => <UnorderedListItem key={scope}><code>{scope}</code></UnorderedListItem>)}
        </UnorderedList>
      </TableCell>
      <TableCell><time dateTime={client.created_at}>{formatDateTime(client.created_at, i18n.language)}</time></TableCell>
      <TableCell>
        {client.revoked_at ? (
          <>
            {t('apiClients.status.revoked')}{' '}
            <time dateTime={client.revoked_at}>{formatDateTime(client.revoked_at, i18n.language)}</time>
          </>
        ) : t('apiClients.status.active')}
      </TableCell>
      <TableCell>{!client.revoked_at && <RevokeButton client={client} onRevoked={onRevoked} />}</TableCell>
    </TableRow>
  );
}
