// The specialist's answer: a recommendation and the advice itself.
import { FormFieldTextarea, Heading3, PrimaryActionButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { RadioGroupField } from '../../components/RadioGroupField';
import { usePersistentForm } from '../../lib/usePersistentForm';
import { giveAdvice, kRecommendations, type Recommendation } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

const kFields = ['recommendation', 'body'] as const;

export function AdviceForm({ consultId, runner }: { consultId: number; runner: ConsultActionRunner }) {
  const { t } = useTranslation();
  const form = usePersistentForm<{ recommendation: Recommendation | ''; body: string }>(`action.${consultId}.advice`, {
    recommendation: '',
    body: '',
  });
  const submit = async () => {
    const { recommendation, body } = form.value;
    // An unchosen recommendation goes as "" so the server names the field in its answer.
    if (await runner.run('advice', kFields, () => giveAdvice(consultId, recommendation as Recommendation, body))) form.reset();
  };
  return (
    <form className="mk-action-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Heading3>{t('actions.advice.title')}</Heading3>
      <RadioGroupField<Recommendation>
        legend={t('actions.advice.recommendation')}
        options={kRecommendations.map((r) => ({ value: r, label: t(`recommendation.${r}`) }))}
        value={form.value.recommendation}
        onChange={(recommendation) => form.update({ recommendation })}
        errorMessage={runner.fieldError('advice', 'recommendation')}
      />
      <FormFieldTextarea
        label={t('actions.advice.label')}
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
