// The survey's three questions, each a group of large radio buttons under its question (a fieldset
// with its legend, worded as the form field catalogue words it, form "survey"): how satisfied the
// patient is with the care (1–5), whether the GP explained the advice well (1–5), and where they
// would rather be treated. All three are asked before anything is sent, in the server's words; the
// answers go in the language the patient chose on the page.
import { PrimaryActionButton } from '@utrecht/button-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { RadioGroupField } from '../components/RadioGroupField';
import { useFormFields } from '../components/useFormFields';
import { kPreferences, kScale, type Preference, type ScaleValue, type SurveyAnswer } from './api';

const kFields = ['overall', 'explained', 'preference'] as const;

type Answers = {
  overall: ScaleValue | '';
  explained: ScaleValue | '';
  preference: Preference | '';
};

/** The answer to send, or null while a question is unanswered. */
function toAnswer(answers: Answers, language: string): SurveyAnswer | null {
  const { overall, explained, preference } = answers;
  if (!overall || !explained || !preference) return null;
  return { language: language === 'en' ? 'en' : 'nl', overall: Number(overall), explained: Number(explained), preference };
}

export function SurveyForm({ send }: {
  /** Sends the answer; a refusal it throws is shown at its question or by the button. */
  send: (answer: SurveyAnswer) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const fields = useFormFields('survey');
  const [answers, setAnswers] = useState<Answers>({ overall: '', explained: '', preference: '' });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const update = (patch: Partial<Answers>) => setAnswers((old) => ({ ...old, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const answer = toAnswer(answers, i18n.language);
    if (!answer) {
      setErrors({ fieldErrors: fields.missing(answers), actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      await send(answer);
    } catch (error) {
      setErrors(placeError(error, kFields, t('errors.unknown')));
      setBusy(false);
    }
  };

  const scale = (question: 'overall' | 'explained') =>
    kScale.map((value) => ({ value, label: t(`survey.${question}.${value}`) }));
  return (
    <form className="mk-form mk-survey-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('survey.formLabel')}>
      <RadioGroupField<ScaleValue> legend={fields.label('overall')} required={fields.required('overall')} options={scale('overall')}
        value={answers.overall} onChange={(overall) => update({ overall })} errorMessage={errors.fieldErrors.overall} />
      <RadioGroupField<ScaleValue> legend={fields.label('explained')} required={fields.required('explained')} options={scale('explained')}
        value={answers.explained} onChange={(explained) => update({ explained })} errorMessage={errors.fieldErrors.explained} />
      <RadioGroupField<Preference> legend={fields.label('preference')} required={fields.required('preference')}
        options={kPreferences.map((value) => ({ value, label: t(`survey.preference.${value}`) }))}
        value={answers.preference} onChange={(preference) => update({ preference })} errorMessage={errors.fieldErrors.preference} />
      <div className="mk-action">
        <PrimaryActionButton type="submit" busy={busy}>{t('survey.submit')}</PrimaryActionButton>
        <ActionError message={errors.actionError} />
      </div>
    </form>
  );
}
