// The conversation on a consult, oldest first: who wrote what, as what kind of message, when.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/due';
import type { Consult } from '../api';

export function Thread({ consult }: { consult: Consult }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="thread-heading" className="mk-thread">
      <Heading2 id="thread-heading">{t('view.thread')}</Heading2>
      {consult.thread.length === 0 ? (
        <Paragraph>{t('view.noMessages')}</Paragraph>
      ) : (
        <ol className="mk-thread__list">
          {consult.thread.map((message) => (
            <li key={message.id} className={`mk-message mk-message--${message.kind}`}>
              <article aria-label={t(`messageKind.${message.kind}`)}>
                <header className="mk-message__header">
                  <strong>{t(`messageKind.${message.kind}`)}</strong>
                  {' · '}
                  {message.author.name} ({t(`role.${message.author.role}`)})
                  {' · '}
                  <time dateTime={message.created_at}>{formatDateTime(message.created_at, i18n.language)}</time>
                </header>
                {message.recommendation && (
                  <Paragraph className="mk-message__recommendation">
                    <strong>{t('view.recommendation')}:</strong> {t(`recommendation.${message.recommendation}`)}
                  </Paragraph>
                )}
                <Paragraph className="mk-message__body">{message.body}</Paragraph>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
