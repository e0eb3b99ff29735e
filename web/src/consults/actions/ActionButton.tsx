// One button for an action without input (send, claim), with its error right beside it.
import { Button } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ActionError } from '../../components/ActionError';
import type { ConsultAction } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

export function ActionButton({ runner, action, work, children, primary }: {
  runner: ConsultActionRunner;
  action: ConsultAction;
  work: () => Promise<unknown>;
  children: ReactNode;
  primary?: boolean;
}) {
  return (
    <div className="mk-action">
      <Button
        type="button"
        appearance={primary ? 'primary-action-button' : 'secondary-action-button'}
        busy={runner.busy === action}
        onClick={() => void runner.run(action, [], work)}
      >
        {children}
      </Button>
      <ActionError message={runner.actionError(action)} />
    </div>
  );
}
