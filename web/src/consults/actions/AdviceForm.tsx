// The specialist's answer: a recommendation and the advice itself, and, if the specialist wishes,
// the minutes spent on it (1–600; they add up over several answers, and an agreement may pay per
// minute) and how well the question was put (1–5).
import { FormFieldTextarea, Heading3, PrimaryActionButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextField } from '../../components/TextField';
import { useFormFields } from '../../components/useFormFields';
import { usePersistentForm } from '../../lib/usePersistentForm';
import { parseCount } from '../../region/format';
import { giveAdvice, kRecommendations, type AdviceExtras, type Recommendation } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

const kFields = ['recommendation', 'body', 'minutes', 'question_rating'] as const;
const kRatings = ['1', '2', '3', '4', '5'] as const;
type Rating = (typeof kRatings)[number];
/** The minutes one answer may add, as the contract bounds them. */
export const kMinutes = { min: 1, max: 600 } as const;

type AdviceValues = {
  recommendation: Recommendation | '';
  body: string;
  /** As typed; blank for none. */
  minutes: string;
  question_rating: Rating | '';
};

/** The optional extras as the API takes them, or the refusal of minutes that are not 1–600. */
export function adviceExtras(values: Pick<AdviceValues, 'minutes' | 'question_rating'>): { extras: AdviceExtras; minutesRefused: boolean } {
  const extras: AdviceExtras = {};
  if (values.question_rating) extras.question_rating = Number(values.question_rating);
  if (values.minutes.trim() === '') return { extras, minutesRefused: false };
  const minutes = parseCount(values.minutes);
  if (minutes === null || minutes < kMinutes.min || minutes > kMinutes.max) return { extras, minutesRefused: true };
  return { extras: { ...extras, minutes }, minutesRefused: false };
}

export function AdviceForm({ consultId, runner }: { consultId: number; runner: ConsultActionRunner }) {
  const { t } = useTranslation();
  const fields = useFormFields('advice');
  const form = usePersistentForm<AdviceValues>(`action.${consultId}.advice`, {
    recommendation: '', body: '', minutes: '', question_rating: '',
  });
  const submit = async () => {
    const { recommendation, body } = form.value;
    const { extras, minutesRefused } = adviceExtras(form.value);
    const missing = { ...fields.missing(form.value), ...(minutesRefused ? { minutes: t('actions.advice.minutesRange', kMinutes) } : {}) };
    const work = () => giveAdvice(consultId, recommendation as Recommendation, body, extras);
    if (await runner.run('advice', kFields, work, missing)) form.reset();
  };
  return (
    <form className="mk-action-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Heading3>{t('actions.advice.title')}</Heading3>
      <RadioGroupField<Recommendation>
        legend={fields.label('recommendation')}
        required={fields.required('recommendation')}
        options={kRecommendations.map((r) => ({ value: r, label: t(`recommendation.${r}`) }))}
        value={form.value.recommendation}
        onChange={(recommendation) => form.update({ recommendation })}
        errorMessage={runner.fieldError('advice', 'recommendation')}
      />
      <FormFieldTextarea
        label={fields.label('body')}
        required={fields.required('body')}
        rows={6}
        value={form.value.body}
        onChange={(e) => form.update({ body: e.target.value })}
        invalid={!!runner.fieldError('advice', 'body')}
        errorMessage={runner.fieldError('advice', 'body')}
      />
      <TextField
        label={fields.label('minutes')}
        inputMode="numeric"
        value={form.value.minutes}
        onChange={(minutes) => form.update({ minutes })}
        description={t('actions.advice.minutesHelp')}
        errorMessage={runner.fieldError('advice', 'minutes')}
      />
      <RadioGroupField<Rating>
        legend={fields.label('question_rating')}
        description={t('actions.advice.questionRatingHelp')}
        options={kRatings.map((r) => ({ value: r, label: r }))}
        value={form.value.question_rating}
        onChange={(question_rating) => form.update({ question_rating })}
        errorMessage={runner.fieldError('advice', 'question_rating')}
        className="mk-inline-radios"
      />
      <div className="mk-action">
        <PrimaryActionButton type="submit" busy={runner.busy === 'advice'}>{t('actions.advice.submit')}</PrimaryActionButton>
        <ActionError message={runner.actionError('advice')} />
      </div>
    </form>
  );
}
