// The specialist declines a consult, saying why (the GP reads the reason).
import { FormFieldTextarea, Heading3, SecondaryActionButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { useFormFields } from '../../components/useFormFields';
import { usePersistentForm } from '../../lib/usePersistentForm';
import { declineConsult } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

const kFields = ['reason'] as const;

export function DeclineForm({ consultId, runner }: { consultId: number; runner: ConsultActionRunner }) {
  const { t } = useTranslation();
  const fields = useFormFields('decline');
  const form = usePersistentForm(`action.${consultId}.decline`, { reason: '' });
  const submit = async () => {
    const work = () => declineConsult(consultId, form.value.reason);
    if (await runner.run('decline', kFields, work, fields.missing(form.value))) form.reset();
  };
  return (
    <form className="mk-action-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Heading3>{t('actions.decline.title')}</Heading3>
      <FormFieldTextarea
        label={fields.label('reason')}
        required={fields.required('reason')}
        rows={3}
        value={form.value.reason}
        onChange={(e) => form.update({ reason: e.target.value })}
        invalid={!!runner.fieldError('decline', 'reason')}
        errorMessage={runner.fieldError('decline', 'reason')}
      />
      <div className="mk-action">
        <SecondaryActionButton type="submit" busy={runner.busy === 'decline'}>{t('actions.decline.submit')}</SecondaryActionButton>
        <ActionError message={runner.actionError('decline')} />
      </div>
    </form>
  );
}
