// The specialist's advice, with the minutes the specialist recorded and how well they found the
// question put, and, once closed, the GP's recorded outcome (a referral sent with its letter said
// as such, not as "referred after all"), with its correction when the GP corrected it afterwards
// (when, and why).
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/due';
import type { Consult } from '../api';

/** The advice's extras in words: "Bestede tijd: 25 minuten · Vraagstelling: 4 van 5"; '' when it has none. */
function useAdviceExtras(consult: Consult): string {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (consult.specialist_minutes > 0) parts.push(t('view.specialistMinutes', { count: consult.specialist_minutes }));
  if (consult.question_rating !== null) parts.push(t('view.questionRating', { rating: consult.question_rating }));
  return parts.join(' · ');
}

export function AdviceAndOutcome({ consult }: { consult: Consult }) {
  const { t, i18n } = useTranslation();
  const extras = useAdviceExtras(consult);
  const outcome = consult.outcome;
  const outcomeText = outcome?.outcome === 'referred' && consult.referral
    ? t('referral.outcome')
    : outcome && t(`outcome.${outcome.outcome}`);
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
          {extras && <Paragraph className="mk-hint">{extras}</Paragraph>}
        </section>
      )}
      {outcome && (
        <Alert type="info" role="status">
          <Heading2>{t('view.outcome')}</Heading2>
          <Paragraph>
            {outcomeText} · {t(outcome.learned ? 'view.learnedYes' : 'view.learnedNo')} ·{' '}
            {t('actions.close.stars', { count: outcome.rating })}
          </Paragraph>
          {outcome.corrected_at && (
            <Paragraph className="mk-prewrap">
              {t('view.correctedAt', { at: formatDateTime(outcome.corrected_at, i18n.language), reason: outcome.correction_reason ?? '' })}
            </Paragraph>
          )}
        </Alert>
      )}
    </>
  );
}
