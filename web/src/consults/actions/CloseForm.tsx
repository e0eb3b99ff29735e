// The GP closes the consult with its outcome: where the patient was treated, whether the GP
// learned something, and a rating from 1 to 5 (the triple-aim figures come from these).
import { Heading3, PrimaryActionButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { RadioGroupField } from '../../components/RadioGroupField';
import { useFormFields } from '../../components/useFormFields';
import { usePersistentForm } from '../../lib/usePersistentForm';
import { closeConsult, kOutcomes, type OutcomeKind } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

const kFields = ['outcome', 'learned', 'rating'] as const;
const kRatings = ['1', '2', '3', '4', '5'] as const;
type Rating = (typeof kRatings)[number];

export function CloseForm({ consultId, runner }: { consultId: number; runner: ConsultActionRunner }) {
  const { t } = useTranslation();
  const fields = useFormFields('close');
  const form = usePersistentForm<{ outcome: OutcomeKind | ''; learned: 'yes' | 'no' | ''; rating: Rating | '' }>(
    `action.${consultId}.close`,
    { outcome: '', learned: '', rating: '' },
  );
  const { outcome, learned, rating } = form.value;
  const submit = async () => {
    // Checked in the browser first; should the check let something through, it goes as it is, so
    // the server's sentence names the missing field.
    const work = () => closeConsult(consultId, outcome as OutcomeKind, learned === '' ? undefined : learned === 'yes', Number(rating || 0));
    if (await runner.run('close', kFields, work, fields.missing(form.value))) form.reset();
  };
  return (
    <form className="mk-action-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Heading3>{t('actions.close.title')}</Heading3>
      <RadioGroupField<OutcomeKind>
        legend={fields.label('outcome')}
        required={fields.required('outcome')}
        options={kOutcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        value={outcome}
        onChange={(value) => form.update({ outcome: value })}
        errorMessage={runner.fieldError('close', 'outcome')}
      />
      <RadioGroupField<'yes' | 'no'>
        legend={fields.label('learned')}
        required={fields.required('learned')}
        options={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]}
        value={learned}
        onChange={(value) => form.update({ learned: value })}
        errorMessage={runner.fieldError('close', 'learned')}
        className="mk-inline-radios"
      />
      <RadioGroupField<Rating>
        legend={fields.label('rating')}
        required={fields.required('rating')}
        options={kRatings.map((r) => ({ value: r, label: t('actions.close.stars', { count: Number(r) }) }))}
        value={rating}
        onChange={(value) => form.update({ rating: value })}
        errorMessage={runner.fieldError('close', 'rating')}
        className="mk-inline-radios"
      />
      <div className="mk-action">
        <PrimaryActionButton type="submit" busy={runner.busy === 'close'}>{t('actions.close.submit')}</PrimaryActionButton>
        <ActionError message={runner.actionError('close')} />
      </div>
    </form>
  );
}
