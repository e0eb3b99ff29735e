// A key just registered: its key_id and the launch address, each in a read-only field with a copy
// button, and what a launch link holds (the claims the HIS signs, with an example) and how the HIS
// opens it. It takes the focus when it appears, so that a screen reader reads it first.
import { Alert, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../components/CopyField';
import { launchUrl, type LaunchKey } from './api';

/** The claims every link carries, in the order explained. */
const kClaims = ['iss', 'aud', 'exp', 'jti', 'agb', 'patient', 'icpc', 'summary', 'question', 'specialty', 'mode'] as const;

export function RegisteredKeyPanel({ launchKey }: { launchKey: LaunchKey }) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const url = launchUrl(launchKey.launch_path);
  useEffect(() => heading.current?.focus(), [launchKey.id]);
  const example = JSON.stringify({
    iss: launchKey.key_id,
    aud: url,
    exp: t('launchKeys.registered.expExample'),
    jti: t('launchKeys.registered.jtiExample'),
    agb: '01012345',
    patient: { birth_year: 1971, sex: 'female' },
    icpc: 'S88',
    summary: t('launchKeys.registered.summaryExample'),
    question: t('launchKeys.registered.questionExample'),
    specialty: 'dermatologie',
    mode: 'digital',
  }, null, 2);
  return (
    <section aria-labelledby={`${id}-title`} className="mk-launch-key-registered">
      <Heading2 id={`${id}-title`} ref={heading} tabIndex={-1}>{t('launchKeys.registered.title', { name: launchKey.name })}</Heading2>
      <CopyField label={t('launchKeys.registered.keyId')} value={launchKey.key_id} />
      <CopyField label={t('launchKeys.registered.launchUrl')} value={url} />
      <Alert type="info">
        <Paragraph>{t('launchKeys.registered.handOver')}</Paragraph>
      </Alert>
      <Heading3>{t('launchKeys.registered.howTitle')}</Heading3>
      <Paragraph>{t('launchKeys.registered.how')}</Paragraph>
      <pre className="mk-code-example">{`${url}#token=<JWT>`}</pre>
      <Paragraph>{t('launchKeys.registered.claims')}</Paragraph>
      <UnorderedList>
        {kClaims.map((claim) => (
          <UnorderedListItem key={claim}><code>{claim}</code>: {t(`launchKeys.claim.${claim}`)}</UnorderedListItem>
        ))}
      </UnorderedList>
      <Paragraph>{t('launchKeys.registered.example')}</Paragraph>
      <pre className="mk-code-example">{example}</pre>
      <Paragraph>{t('launchKeys.registered.after')}</Paragraph>
    </section>
  );
}
