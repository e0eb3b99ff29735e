// The specialist's answer: a recommendation and the advice itself.
import { FormFieldTextarea, Heading3, PrimaryActionButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { RadioGroupField } from '../../components/RadioGroupField';
import { useFormFields } from '../../components/useFormFields';
import { usePersistentForm } from '../../lib/usePersistentForm';
import { giveAdvice, kRecommendations, type Recommendation } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

const kFields = ['recommendation', 'body'] as const;

export function AdviceForm({ consultId, runner }: { consultId: number; runner: ConsultActionRunner }) {
  const { t } = useTranslation();
  const fields = useFormFields('advice');
  const form = usePersistentForm<{ recommendation: Recommendation | ''; body: string }>(`action.${consultId}.advice`, {
    recommendation: '',
    body: '',
  });
  const submit = async () => {
    const { recommendation, body } = form.value;
    const work = () => giveAdvice(consultId, recommendation as Recommendation, body);
    if (await runner.run('advice', kFields, work, fields.missing(form.value))) form.reset();
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
      <div className="mk-action">
        <PrimaryActionButton type="submit" busy={runner.busy === 'advice'}>{t('actions.advice.submit')}</PrimaryActionButton>
        <ActionError message={runner.actionError('advice')} />
      </div>
    </form>
  );
}
