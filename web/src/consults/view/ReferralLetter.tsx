// "Verwijsbrief": the letter a consult was referred with, read-only, for everyone who sees the
// consult (the practice, the specialist, a coordinator), with when and by whom it was sent. Once the
// GP has sent it from this page, the focus comes to its heading, where the sent letter now is.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/due';
import type { Consult } from '../api';

/** A letter's text as written, its lines and blank lines kept. */
export function LetterText({ text }: { text: string }) {
  return <Paragraph className="mk-letter mk-prewrap">{text}</Paragraph>;
}

export function ReferralLetter({ consult, takeFocus = false }: {
  consult: Consult;
  /** Moves the focus to the letter once it shows: the form it was sent from has gone. */
  takeFocus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const referral = consult.referral;
  const shown = !!referral;
  useEffect(() => {
    if (takeFocus && shown) heading.current?.focus();
  }, [takeFocus, shown]);
  if (!referral) return null;
  return (
    <section aria-labelledby="referral-letter-heading" className="mk-referral-letter">
      <Heading2 id="referral-letter-heading" ref={heading} tabIndex={-1}>{t('referral.letter')}</Heading2>
      <Paragraph className="mk-hint">
        {t('referral.sent', { at: formatDateTime(referral.sent_at, i18n.language), by: referral.sent_by })}
      </Paragraph>
      <LetterText text={referral.letter} />
    </section>
  );
}
