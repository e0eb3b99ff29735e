// The actions the server allows this viewer on this consult now (`allowed_actions`, from the
// domain's life-cycle table), each with its own input and its own error message. The panel lays
// them out in its own order; it offers nothing the server did not name.
import { ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useFormFields } from '../../components/useFormFields';
import { runAction, type Consult, type ConsultAction } from '../api';
import { ActionButton } from './ActionButton';
import { AdviceForm } from './AdviceForm';
import { AssignForm } from './AssignForm';
import { CancelButton } from './CancelButton';
import { CloseForm } from './CloseForm';
import { DeclineForm } from './DeclineForm';
import { ForwardForm } from './ForwardForm';
import { MessageForm } from './MessageForm';
import { useConsultAction } from './useConsultAction';

export function ActionsPanel({ consult }: { consult: Consult }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const consultFields = useFormFields('consult');
  const runner = useConsultAction();
  const actions = consult.allowed_actions;
  if (actions.length === 0) return null;
  const has = (action: ConsultAction) => actions.includes(action);
  const id = consult.id;
  return (
    <section aria-labelledby="actions-heading" className="mk-actions-panel">
      <Heading2 id="actions-heading">{t('actions.title')}</Heading2>
      {consult.status === 'draft' && consult.viewer_role === 'assistant' && <Paragraph>{t('form.assistantHint')}</Paragraph>}
      <div className="mk-actions">
        {has('edit') && (
          <div className="mk-action">
            <ButtonLink
              appearance="secondary-action-button"
              href={`/consults/${id}/edit`}
              onClick={(e) => { e.preventDefault(); navigate(`/consults/${id}/edit`); }}
            >
              {t('actions.edit')}
            </ButtonLink>
          </div>
        )}
        {has('send') && <ActionButton runner={runner} action="send" primary work={() => runAction(id, 'send')}>{consultFields.text('send')}</ActionButton>}
        {has('claim') && <ActionButton runner={runner} action="claim" primary work={() => runAction(id, 'claim')}>{t('actions.claim')}</ActionButton>}
        {has('cancel') && <CancelButton runner={runner} consultId={id} />}
      </div>
      {has('reply') && <MessageForm consultId={id} action="reply" kind="reply" runner={runner} />}
      {has('info_request') && (
        <MessageForm
          consultId={id}
          action="info_request"
          kind="info_request"
          runner={runner}
          wording={consult.status === 'answered' ? 'second_round' : undefined}
        />
      )}
      {has('advice') && <AdviceForm consultId={id} runner={runner} />}
      {has('question') && <MessageForm consultId={id} action="question" kind="question" runner={runner} />}
      {has('close') && <CloseForm consultId={id} runner={runner} />}
      {has('forward') && <ForwardForm consult={consult} runner={runner} />}
      {has('assign') && <AssignForm consult={consult} runner={runner} />}
      {has('decline') && <DeclineForm consultId={id} runner={runner} />}
    </section>
  );
}
