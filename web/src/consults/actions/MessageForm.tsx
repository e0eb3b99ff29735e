// Writes one message on the thread: the GP's or assistant's reply to an info request, the GP's
// follow-up question, the specialist's info request. Kept through a session expiry.
import { FormFieldTextarea, Heading3, PrimaryActionButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { usePersistentForm } from '../../lib/usePersistentForm';
import { postMessage, type MessageKind } from '../api';
import type { ConsultAction } from '../view/availableActions';
import type { ConsultActionRunner } from './useConsultAction';

const kFields = ['body'] as const;

export function MessageForm({ consultId, action, kind, runner }: {
  consultId: number;
  action: Extract<ConsultAction, 'reply' | 'question' | 'info_request'>;
  kind: MessageKind;
  runner: ConsultActionRunner;
}) {
  const { t } = useTranslation();
  const form = usePersistentForm(`action.${consultId}.${action}`, { body: '' });
  const error = runner.fieldError(action, 'body');
  const submit = async () => {
    if (await runner.run(action, kFields, () => postMessage(consultId, kind, form.value.body))) form.reset();
  };
  return (
    <form className="mk-action-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Heading3>{t(`actions.${action}.title`)}</Heading3>
      <FormFieldTextarea
        label={t(`actions.${action}.label`)}
        rows={4}
        value={form.value.body}
        onChange={(e) => form.update({ body: e.target.value })}
        invalid={!!error}
        errorMessage={error}
      />
      <div className="mk-action">
        <PrimaryActionButton type="submit" busy={runner.busy === action}>{t(`actions.${action}.submit`)}</PrimaryActionButton>
        <ActionError message={runner.actionError(action)} />
      </div>
    </form>
  );
}
