// Where an API client asked to be told of changes (its FHIR subscriptions), for the administrator
// who answers for where patient data goes: each endpoint, what it hears, whether it gets the
// content, and whether the notifications arrive (with why the latest failed).
import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from './api';

export function SubscriptionList({ client }: { client: ApiClient }) {
  const { t } = useTranslation();
  const subscriptions = client.subscriptions ?? [];
  if (subscriptions.length === 0) return <>{t('apiClients.subscriptions.none')}</>;
  return (
    <UnorderedList className="mk-subscription-list">
      {subscriptions.map((s) => (
        <UnorderedListItem key={s.id} className={s.status === 'off' ? 'mk-row--revoked' : undefined}>
          <code>{s.endpoint}</code>
          {' — '}
          {t(s.criteria === 'Task' ? 'apiClients.subscriptions.criteria.any' : 'apiClients.subscriptions.criteria.completed')}
          {', '}
          {t(s.with_content ? 'apiClients.subscriptions.withContent' : 'apiClients.subscriptions.withoutContent')}
          {' — '}
          <strong>{t(`apiClients.subscriptions.status.${s.status}`)}</strong>
          {s.last_error && <>: {s.last_error}</>}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}
