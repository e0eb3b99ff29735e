// A full session's waiting list, first come first: the consult (a link when the viewer may open
// it), its practice and since when it waits. The first takes a slot that comes free.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../lib/due';
import type { WaitingEntry } from './api';

export function WaitingList({ entries }: { entries: readonly WaitingEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="clinic-waiting">
      <Heading2 id="clinic-waiting">{t('clinic.waiting.title')}</Heading2>
      {entries.length === 0 ? (
        <Paragraph>{t('clinic.waiting.empty')}</Paragraph>
      ) : (
        <ol className="mk-waiting-list">
          {entries.map((entry, index) => (
            <li key={`${entry.consult_number}-${index}`}>
              {entry.consult_id !== null ? (
                <Link className="utrecht-link" to={`/consults/${entry.consult_id}`}>{entry.consult_number}</Link>
              ) : (
                entry.consult_number || t('clinic.slot.taken')
              )}
              {entry.practice_name && <> · {entry.practice_name}</>}
              {' · '}
              {t('clinic.waiting.since', { when: formatDateTime(entry.added_at, i18n.language) })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
