// Runs one action on a consult and keeps its outcome for the screen: which action is busy, and
// the server's sentence placed next to the field or the button that caused it. Answers the form
// knows to be missing (from the catalogue) are placed the same way, without a request.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../../api/errors';
import { isComplete } from '../../lib/formFields';
import { consultKeys, type ConsultAction } from '../api';

/**
 * What the runner keeps apart: one of the consult's `allowed_actions`, or sending the referral,
 * which the server allows as the GP's close of a consult advised "refer".
 */
export type RunnableAction = ConsultAction | 'refer';

export interface ActionState {
  busy: RunnableAction | null;
  failed: RunnableAction | null;
  placed: PlacedError;
}

export function useConsultAction() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ActionState>({ busy: null, failed: null, placed: kNoErrors });

  /**
   * Runs `work` for `action`; true when it succeeded (and the consult is being refreshed). When
   * `missing` names answers the form lacks, their sentences go to their fields and nothing is sent.
   */
  const run = async (action: RunnableAction, formFields: readonly string[], work: () => Promise<unknown>,
    missing: Readonly<Record<string, string>> = {}) => {
    if (state.busy) return false;
    if (!isComplete(missing)) {
      setState({ busy: null, failed: action, placed: { fieldErrors: { ...missing }, actionError: null } });
      return false;
    }
    setState({ busy: action, failed: null, placed: kNoErrors });
    try {
      await work();
      setState({ busy: null, failed: null, placed: kNoErrors });
      await queryClient.invalidateQueries({ queryKey: consultKeys.all });
      return true;
    } catch (error) {
      setState({ busy: null, failed: action, placed: placeError(error, formFields, t('errors.unknown')) });
      return false;
    }
  };

  const actionError = (action: RunnableAction) => (state.failed === action ? state.placed.actionError : null);
  const fieldError = (action: RunnableAction, field: string) =>
    state.failed === action ? state.placed.fieldErrors[field] : undefined;

  return { run, busy: state.busy, actionError, fieldError };
}

export type ConsultActionRunner = ReturnType<typeof useConsultAction>;
