// A client just registered: its client_id and the absolute token address, each in a read-only
// field with a copy button, and how the system gets its tokens (private_key_jwt: a JWT assertion
// it signs with its own private key, exchanged at the token address). It takes the focus when it
// appears, so that a screen reader reads it first.
import { Alert, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../components/CopyField';
import { absoluteTokenUrl, type ApiClient } from './api';

const kAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export function RegisteredPanel({ client }: { client: ApiClient }) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const tokenUrl = absoluteTokenUrl(client.token_url);
  useEffect(() => heading.current?.focus(), [client.id]);
  const claims = JSON.stringify({
    iss: client.client_id, sub: client.client_id, aud: tokenUrl, exp: t('apiClients.registered.expExample'), jti: t('apiClients.registered.jtiExample'),
  }, null, 2);
  const request = [
    `POST ${tokenUrl}`,
    'Content-Type: application/x-www-form-urlencoded',
    '',
    `grant_type=client_credentials&client_assertion_type=${encodeURIComponent(kAssertionType)}&client_assertion=<JWT>`,
  ].join('\n');
  return (
    <section aria-labelledby={`${id}-title`} className="mk-api-client-registered">
      <Heading2 id={`${id}-title`} ref={heading} tabIndex={-1}>{t('apiClients.registered.title', { name: client.name })}</Heading2>
      <CopyField label={t('apiClients.registered.clientId')} value={client.client_id} />
      <CopyField label={t('apiClients.registered.tokenUrl')} value={tokenUrl} />
      <Alert type="info">
        <Paragraph>{t('apiClients.registered.handOver')}</Paragraph>
      </Alert>
      <Heading3>{t('apiClients.registered.howTitle')}</Heading3>
      <Paragraph>{t('apiClients.registered.how')}</Paragraph>
      <Paragraph>{t('apiClients.registered.claims')}</Paragraph>
      <pre className="mk-code-example">{claims}</pre>
      <Paragraph>{t('apiClients.registered.exchange')}</Paragraph>
      <pre className="mk-code-example">{request}</pre>
      <Paragraph>{t('apiClients.registered.use')}</Paragraph>
    </section>
  );
}
