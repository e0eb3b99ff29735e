// Autosave of an existing draft: a PUT a moment after the typing stops, only when something
// changed since the last save. A 409 means the draft was sent or cancelled meanwhile. A draft
// lacking an `always` answer is not sent (the server would refuse it); the sentence goes to the
// field instead. A saved draft has every such answer, so only a field the user emptied is named:
// autosave never marks a field the user has not reached. The body depends on the chosen pool's
// template (its answers go along), so nothing is saved until the template is known; what the body
// is then counts as saved.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, placeError, type PlacedError } from '../../api/errors';
import { isComplete, missingAnswerMessages } from '../../lib/formFields';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { consultKeys, updateDraft, type TemplateVersion } from '../api';
import { answersByField, kConsultFormFields, toNewConsult, type ConsultFormValues } from './consultFormValues';
import { templateFormFields } from './templateAnswers';

export const kAutosaveDelayMs = 1_500;

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'error'; placed: PlacedError }
  | { state: 'conflict'; message: string };

export function useAutosave({ draftId, values, template = null, templateKnown = true, paused, onSaved }: {
  draftId: number | null;
  values: ConsultFormValues;
  /** The chosen pool's question template, whose answers go along; null when it has none. */
  template?: TemplateVersion | null;
  /** False while the pools (and so the template) are not known yet: nothing is saved meanwhile. */
  templateKnown?: boolean;
  /** True while an explicit save or send runs, which saves anyway. */
  paused: boolean;
  onSaved: () => void;
}): AutosaveStatus {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const debounced = useDebouncedValue(values, kAutosaveDelayMs);
  const known = templateKnown;
  const lastSaved = useRef(known ? JSON.stringify(toNewConsult(values, false, template)) : null);
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  if (known && lastSaved.current === null) lastSaved.current = JSON.stringify(toNewConsult(values, false, template));

  useEffect(() => {
    if (draftId === null || paused || !known || status.state === 'conflict') return;
    const body = toNewConsult(debounced, false, template);
    const json = JSON.stringify(body);
    if (json === lastSaved.current) {
      // Back to what is saved: an earlier refusal no longer applies.
      setStatus((old) => (old.state === 'error' ? { state: 'idle' } : old));
      return;
    }
    const missing = missingAnswerMessages('consult', answersByField(debounced), 'draft', i18n.language);
    if (!isComplete(missing)) {
      setStatus({ state: 'error', placed: { fieldErrors: missing, actionError: null } });
      return;
    }
    let current = true;
    setStatus({ state: 'saving' });
    updateDraft(draftId, body)
      .then(() => {
        lastSaved.current = json;
        if (!current) return;
        setStatus({ state: 'saved', at: new Date() });
        onSaved();
        void queryClient.invalidateQueries({ queryKey: consultKeys.all });
      })
      .catch((error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 409) setStatus({ state: 'conflict', message: error.message });
        else setStatus({ state: 'error', placed: placeError(error, [...kConsultFormFields, ...templateFormFields(template)], t('errors.unknown')) });
      });
    return () => {
      current = false;
    };
    // The debounced values decide when to save; the rest only shapes how.
  }, [debounced, draftId, paused, known]);

  return status;
}
