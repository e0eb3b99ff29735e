// Writes one message on the thread: the GP's or assistant's reply to an info request, the GP's
// follow-up question, the specialist's info request (after an advice: sending the consult back for
// a second round, `wording="second_round"`). Kept through a session expiry. The text is labelled by
// what it is: the catalogue's form is the message's kind.
import { FormFieldTextarea, Heading3, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { useFormFields } from '../../components/useFormFields';
import { usePersistentForm } from '../../lib/usePersistentForm';
import { postMessage, type ConsultAction, type MessageKind } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

const kFields = ['body'] as const;

export function MessageForm({ consultId, action, kind, runner, wording }: {
  consultId: number;
  action: Extract<ConsultAction, 'reply' | 'question' | 'info_request'>;
  kind: MessageKind;
  runner: ConsultActionRunner;
  wording?: 'second_round';
}) {
  const { t } = useTranslation();
  const fields = useFormFields(kind);
  const form = usePersistentForm(`action.${consultId}.${action}`, { body: '' });
  const error = runner.fieldError(action, 'body');
  const submit = async () => {
    const work = () => postMessage(consultId, kind, form.value.body);
    if (await runner.run(action, kFields, work, fields.missing(form.value))) form.reset();
  };
  return (
    <form className="mk-action-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Heading3>{t(`actions.${wording ?? action}.title`)}</Heading3>
      {wording && <Paragraph>{t(`actions.${wording}.hint`)}</Paragraph>}
      <FormFieldTextarea
        label={fields.label('body')}
        required={fields.required('body')}
        rows={4}
        value={form.value.body}
        onChange={(e) => form.update({ body: e.target.value })}
        invalid={!!error}
        errorMessage={error}
      />
      <div className="mk-action">
        <PrimaryActionButton type="submit" busy={runner.busy === action}>{t(`actions.${wording ?? action}.submit`)}</PrimaryActionButton>
        <ActionError message={runner.actionError(action)} />
      </div>
    </form>
  );
}
