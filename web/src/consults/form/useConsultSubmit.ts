// Saving and sending the consult form. A consult must exist before files can be attached, so:
// create (or update) the draft → upload the chosen files → send. When a step after creation fails,
// the form continues on the new draft's own page, with the error and the files not yet uploaded.
// Before any request, the catalogue's rules are checked here: a draft needs every `always` answer,
// sending the `to_send` ones too, and the pool template's required questions (a photo question an
// attachment); what is missing is said at its field and nothing is sent.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { kNoErrors, placeError, type PlacedError } from '../../api/errors';
import { isComplete, missingAnswerMessages } from '../../lib/formFields';
import { forgetForm, saveForm } from '../../lib/formMemory';
import { movePendingFiles, setPendingFiles } from '../../lib/pendingFiles';
import { consultKeys, createConsult, runAction, updateDraft, uploadAttachment, type TemplateVersion } from '../api';
import { answersByField, kConsultFormFields, toNewConsult, type ConsultFormValues } from './consultFormValues';
import { draftFormKey, kNewConsultFormKey } from './formKeys';
import { missingTemplateAnswers, templateFormFields } from './templateAnswers';

export type SubmitAction = 'save' | 'send';

export interface SubmitErrors {
  placed: PlacedError;
  action: SubmitAction | null;
}

/** What the draft's page is told when the new form hands over to it (router location state). */
export interface HandOver {
  notice?: 'saved';
  errors?: SubmitErrors;
}

export function useConsultSubmit({ draftId, formKey, values, template = null, savedAttachments = 0, files, setFiles, onSaved }: {
  draftId: number | null;
  formKey: string;
  values: ConsultFormValues;
  /** The chosen pool's question template, whose answers go along; null when it has none. */
  template?: TemplateVersion | null;
  /** How many files the draft has on the server already (they answer a photo question too). */
  savedAttachments?: number;
  files: File[];
  setFiles: (files: File[]) => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<SubmitAction | null>(null);
  const [errors, setErrors] = useState<SubmitErrors>({ placed: kNoErrors, action: null });

  const uploadAll = async (id: number) => {
    let remaining = [...files];
    for (const file of files) {
      await uploadAttachment(id, file);
      remaining = remaining.slice(1);
      setFiles(remaining);
    }
  };

  const submit = async (action: SubmitAction) => {
    if (busy) return;
    const send = action === 'send';
    const missing = {
      ...missingAnswerMessages('consult', answersByField(values), send ? 'send' : 'draft', i18n.language),
      ...(send ? missingTemplateAnswers(template, values.templateAnswers, files.length + savedAttachments, i18n.language) : {}),
    };
    if (!isComplete(missing)) {
      setErrors({ placed: { fieldErrors: missing, actionError: null }, action });
      return;
    }
    setBusy(action);
    setErrors({ placed: kNoErrors, action: null });
    let id = draftId;
    let sentOnCreate = false;
    try {
      const body = toNewConsult(values, false, template);
      if (id !== null) {
        await updateDraft(id, body);
      } else if (send && files.length === 0) {
        // Nothing to attach: create and send in one request, so a refusal creates nothing.
        id = (await createConsult({ ...body, send: true })).id;
        sentOnCreate = true;
      } else {
        id = (await createConsult(body)).id;
      }
      await uploadAll(id);
      if (send && !sentOnCreate) await runAction(id, 'send');
      finish(id, send);
    } catch (error) {
      const placed = placeError(error, [...kConsultFormFields, ...templateFormFields(template)], t('errors.unknown'));
      if (draftId === null && id !== null) {
        handOverToDraft(id, { errors: { placed, action } });
      } else {
        setErrors({ placed, action });
      }
    } finally {
      setBusy(null);
    }
  };

  const handOverToDraft = (id: number, state: HandOver) => {
    saveForm(sessionStorage, draftFormKey(id), values);
    forgetForm(sessionStorage, kNewConsultFormKey);
    movePendingFiles(kNewConsultFormKey, draftFormKey(id));
    void queryClient.invalidateQueries({ queryKey: consultKeys.all });
    navigate(`/consults/${id}/edit`, { replace: true, state });
  };

  const finish = (id: number, sent: boolean) => {
    setPendingFiles(formKey, []);
    void queryClient.invalidateQueries({ queryKey: consultKeys.all });
    if (sent) {
      forgetForm(sessionStorage, formKey);
      navigate(`/consults/${id}`, { replace: true });
      return;
    }
    if (draftId === null) {
      handOverToDraft(id, { notice: 'saved' });
      return;
    }
    onSaved();
  };

  return { submit, busy, errors, setErrors };
}
