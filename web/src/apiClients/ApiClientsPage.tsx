// /api-clients, for administrators: the systems that call the FHIR API (each for one organisation,
// acting for one of its members), with their client_id to copy, scopes, subscriptions (where
// notifications go, and whether they arrive), when registered and whether active; registering one (its client_id and the token address shown afterwards, with how
// it gets its tokens) and revoking one after a confirmation. Others are told it is not theirs, and
// the server is not asked.
import { Heading1, Paragraph, TableCell, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { CopyCode } from '../components/CopyCode';
import { KeyRegistry } from '../components/KeyRegistry';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import { hasRole, useMe } from '../session/session';
import '../styles/api-clients.css';
import { apiClientKeys, useApiClients } from './api';
import { RegisteredPanel } from './RegisteredPanel';
import { RegisterForm } from './RegisterForm';
import { RevokeButton } from './RevokeButton';
import { SubscriptionList } from './SubscriptionList';

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
  return (
    <KeyRegistry
      prefix="apiClients"
      className="mk-api-clients"
      tableClassName="mk-api-client-table"
      list={useApiClients()}
      queryKey={apiClientKeys.all}
      form={(registered, cancel) => <RegisterForm onRegistered={registered} onCancel={cancel} />}
      registeredPanel={(client) => <RegisteredPanel client={client} />}
      columns={[
        t('apiClients.column.clientId'), t('apiClients.column.organisation'), t('apiClients.column.user'),
        t('apiClients.column.scopes'), t('apiClients.column.subscriptions'),
      ]}
      cells={(client) => (
        <>
          <TableCell>
            <CopyCode text={client.client_id} className="mk-client-id" context={t('apiClients.copy.clientIdOf', { name: client.name })} />
          </TableCell>
          <TableCell>{client.organisation.name}</TableCell>
          <TableCell>{client.user.username}</TableCell>
          <TableCell>
            <UnorderedList className="mk-scope-list">
              {client.scopes.map((scope) => <UnorderedListItem key={scope}><code>{scope}</code></UnorderedListItem>)}
            </UnorderedList>
          </TableCell>
          <TableCell><SubscriptionList client={client} /></TableCell>
        </>
      )}
      revokeButton={(client, revoked) => <RevokeButton client={client} onRevoked={revoked} />}
    />
  );
}
