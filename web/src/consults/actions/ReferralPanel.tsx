// "Verwijzen" on an answered consult whose advice is "refer", for its practice: the referral letter
// as the server fills it in (question, summary, answers, advice, the consult's number). The GP may
// adjust it, answers whether they learned something and the rating as closing asks them, and sends
// it in one action, after which the consult is closed as referred under its own number and thread.
// The assistant reads the letter and is told that the GP sends it. Missing answers are refused in
// the browser at their fields, in the server's words; the server's refusals are placed the same way.
import { FormFieldTextarea, Heading2, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { Loading } from '../../components/Loading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { useFocusFirstError } from '../../components/useFocusFirstError';
import { useFormFields } from '../../components/useFormFields';
import { usePersistentForm } from '../../lib/usePersistentForm';
import type { Consult } from '../api';
import { offersReferral, sendReferral, sendsReferral, useReferralDraft } from '../referral';
import { LetterText } from '../view/ReferralLetter';
import { useConsultAction } from './useConsultAction';

const kFields = ['letter', 'learned', 'rating'] as const;
const kRatings = ['1', '2', '3', '4', '5'] as const;
const kLetterRows = 18;
type Rating = (typeof kRatings)[number];

interface ReferralValues {
  /** The letter as the GP changed it; null while it is the server's draft, untouched. */
  letter: string | null;
  learned: 'yes' | 'no' | '';
  rating: Rating | '';
}

export function ReferralPanel({ consult, onSent }: { consult: Consult; onSent?: () => void }) {
  const { t } = useTranslation();
  if (!offersReferral(consult)) return null;
  return (
    <section aria-labelledby="referral-heading" className="mk-referral">
      <Heading2 id="referral-heading">{t('referral.title')}</Heading2>
      {sendsReferral(consult) ? <ReferralForm consult={consult} onSent={onSent} /> : <ReferralPreview consult={consult} />}
    </section>
  );
}

/** The assistant's view: the letter as filled in now, and who sends it. */
function ReferralPreview({ consult }: { consult: Consult }) {
  const { t } = useTranslation();
  const draft = useReferralDraft(consult);
  return (
    <>
      <Paragraph>{t('referral.assistantHint')}</Paragraph>
      {draft.isPending && <Loading />}
      {draft.isError && <ActionError message={draft.error.message} />}
      {draft.isSuccess && <LetterText text={draft.data.letter} />}
    </>
  );
}

function ReferralForm({ consult, onSent }: { consult: Consult; onSent?: () => void }) {
  const { t } = useTranslation();
  const fields = useFormFields('referral');
  const runner = useConsultAction();
  const draft = useReferralDraft(consult);
  const form = usePersistentForm<ReferralValues>(`action.${consult.id}.referral`, { letter: null, learned: '', rating: '' });
  const formRef = useRef<HTMLFormElement>(null);
  const letterError = runner.fieldError('refer', 'letter');
  const learnedError = runner.fieldError('refer', 'learned');
  const ratingError = runner.fieldError('refer', 'rating');
  const fieldErrors = useMemo(() => Object.fromEntries(
    Object.entries({ letter: letterError, learned: learnedError, rating: ratingError }).filter(([, message]) => message),
  ) as Record<string, string>, [letterError, learnedError, ratingError]);
  useFocusFirstError(formRef, fieldErrors);

  const letter = form.value.letter ?? draft.data?.letter;
  if (letter === undefined) return draft.isError ? <ActionError message={draft.error.message} /> : <Loading />;
  const { learned, rating } = form.value;

  const submit = async () => {
    // Checked in the browser first; should the check let something through, it goes as it is, so
    // the server's sentence names the field.
    const work = () => sendReferral(consult.id, letter, learned === '' ? undefined : learned === 'yes', Number(rating || 0));
    if (await runner.run('refer', kFields, work, fields.missing({ letter, learned, rating }))) {
      form.forget(); // the form goes with the answered status; nothing is kept for it
      onSent?.();
    }
  };
  return (
    <form ref={formRef} className="mk-referral__form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Paragraph className="mk-hint">{t('referral.help')}</Paragraph>
      <FormFieldTextarea
        label={fields.label('letter')}
        required={fields.required('letter')}
        rows={kLetterRows}
        value={letter}
        onChange={(e) => form.update({ letter: e.target.value })}
        invalid={!!letterError}
        errorMessage={letterError}
        className="mk-referral__letter"
      />
      <RadioGroupField<'yes' | 'no'>
        legend={fields.label('learned')}
        required={fields.required('learned')}
        options={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]}
        value={learned}
        onChange={(value) => form.update({ learned: value })}
        errorMessage={learnedError}
        className="mk-inline-radios"
      />
      <RadioGroupField<Rating>
        legend={fields.label('rating')}
        required={fields.required('rating')}
        options={kRatings.map((r) => ({ value: r, label: t('actions.close.stars', { count: Number(r) }) }))}
        value={rating}
        onChange={(value) => form.update({ rating: value })}
        errorMessage={ratingError}
        className="mk-inline-radios"
      />
      <div className="mk-action">
        <PrimaryActionButton type="submit" busy={runner.busy === 'refer'}>{t('referral.submit')}</PrimaryActionButton>
        <ActionError message={runner.actionError('refer')} />
      </div>
    </form>
  );
}
