// The specialist's advice and, once closed, the GP's recorded outcome.
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/due';
import type { Consult } from '../api';

export function AdviceAndOutcome({ consult }: { consult: Consult }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {consult.advice && (
        <section aria-labelledby="advice-heading" className="mk-advice">
          <Heading2 id="advice-heading">{t('view.advice')}</Heading2>
          <Paragraph>
            <strong>{t('view.recommendation')}:</strong> {t(`recommendation.${consult.advice.recommendation}`)}
            {' · '}
            <time dateTime={consult.advice.given_at}>{formatDateTime(consult.advice.given_at, i18n.language)}</time>
          </Paragraph>
          <Paragraph className="mk-prewrap">{consult.advice.body}</Paragraph>
        </section>
      )}
      {consult.outcome && (
        <Alert type="info" role="status">
          <Heading2>{t('view.outcome')}</Heading2>
          <Paragraph>
            {t(`outcome.${consult.outcome.outcome}`)} · {t(consult.outcome.learned ? 'view.learnedYes' : 'view.learnedNo')} ·{' '}
            {t('actions.close.stars', { count: consult.outcome.rating })}
          </Paragraph>
        </Alert>
      )}
    </>
  );
}
