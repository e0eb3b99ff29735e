// The consult form of a GP or assistant: addressee (specialty, and the pool when the practice has
// agreements with several), patient, question, files, the questions of the chosen pool's template,
// referral intention and consent. What is typed survives a session expiry (sessionStorage); an
// existing draft is autosaved. Assistants save drafts; only GPs see the send button. Labels and
// which answers are required come from the form field catalogue (form "consult"), as the server's
// refusals do; the template's questions carry their own.
import {
  Alert, FormFieldCheckbox, FormFieldTextarea, FormFieldTextbox, Heading2, Paragraph,
  PrimaryActionButton, SecondaryActionButton, SelectOption,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { ActionError } from '../../components/ActionError';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { useFormFields } from '../../components/useFormFields';
import { inputValue } from '../../lib/inputValue';
import { pendingFiles, setPendingFiles } from '../../lib/pendingFiles';
import { usePersistentForm } from '../../lib/usePersistentForm';
import { hasRole, useMe } from '../../session/session';
import { useSpecialties, type Consult, type SpecialtyPool, type TemplateVersion } from '../api';
import { AttachmentList } from '../view/AttachmentList';
import { AttachmentPicker } from './AttachmentPicker';
import { AutosaveStatusText } from './AutosaveStatusText';
import { fromConsult, kEmptyConsultForm, type Mode, type Sex } from './consultFormValues';
import { draftFormKey, kNewConsultFormKey } from './formKeys';
import { IcpcCombobox } from './IcpcCombobox';
import { PoolChoice } from './PoolChoice';
import { TemplateQuestions } from './TemplateQuestions';
import { useAutosave } from './useAutosave';
import { useConsultSubmit, type HandOver } from './useConsultSubmit';

const kSexes: readonly Sex[] = ['female', 'male', 'other', 'unknown'];
const kYesNo = ['yes', 'no'] as const;

/**
 * The template the answers are written to: the draft's own version while the pool still asks that
 * template (the server keeps a draft on the version it was begun on), else the pool's current one.
 */
function templateOf(pool: SpecialtyPool | undefined, draft: Consult | null): TemplateVersion | null {
  const current = pool?.template ?? null;
  if (current && draft?.template?.id === current.id) return draft.template;
  return current;
}

export function ConsultForm({ draft }: { draft: Consult | null }) {
  const { t, i18n } = useTranslation();
  const fields = useFormFields('consult');
  const { user } = useMe();
  const canSend = hasRole(user, 'gp');
  const handOver = (useLocation().state ?? {}) as HandOver;
  const formKey = draft ? draftFormKey(draft.id) : kNewConsultFormKey;
  const form = usePersistentForm(formKey, draft ? fromConsult(draft) : kEmptyConsultForm);
  const values = form.value;
  const [files, setFilesState] = useState<File[]>(() => pendingFiles(formKey));
  const setFiles = (next: File[]) => {
    setFilesState(next);
    setPendingFiles(formKey, next);
  };
  const [savedNotice, setSavedNotice] = useState(handOver.notice === 'saved');

  const specialties = useSpecialties();
  const specialty = specialties.data?.items.find((s) => s.code === values.specialty);
  const pools = specialty?.pools ?? [];
  const pool = pools.find((p) => String(p.id) === values.poolId) ?? (pools.length === 1 ? pools[0] : undefined);
  const template = templateOf(pool, draft);
  const modes = pool?.modes ?? specialty?.modes ?? [];
  useEffect(() => {
    // With several pools one is always chosen, at first the one routing would take (the first);
    // a pool of another specialty is forgotten.
    if (!specialties.isSuccess) return;
    const known = pools.some((p) => String(p.id) === values.poolId);
    if (pools.length > 1 && !known) form.update({ poolId: String(pools[0]!.id) });
    else if (pools.length <= 1 && values.poolId && !known) form.update({ poolId: '' });
  }, [specialties.isSuccess, pools, values.poolId, form]);
  useEffect(() => {
    // Only the modes the chosen pool (or specialty) offers; the first one when the current one is not among them.
    if (specialty && modes.length > 0 && !modes.includes(values.mode as Mode)) form.update({ mode: modes[0] });
  }, [specialty, modes, values.mode, form]);

  const submit = useConsultSubmit({
    draftId: draft?.id ?? null, formKey, values, template, savedAttachments: draft?.attachments.length ?? 0, files, setFiles,
    onSaved: () => { form.forget(); setSavedNotice(true); },
  });
  const autosave = useAutosave({
    draftId: draft?.id ?? null, values, template, templateKnown: specialties.isSuccess,
    paused: submit.busy !== null, onSaved: form.forget,
  });
  const { setErrors } = submit;
  useEffect(() => {
    if (handOver.errors) setErrors(handOver.errors);
  }, [handOver.errors, setErrors]);

  const fieldError = (name: string): string | undefined =>
    submit.errors.placed.fieldErrors[name] ?? (autosave.state === 'error' ? autosave.placed.fieldErrors[name] : undefined);
  const submitError = (action: 'save' | 'send') =>
    submit.errors.action === action ? submit.errors.placed.actionError : null;

  return (
    <form className="mk-form mk-consult-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit.submit(canSend ? 'send' : 'save'); }}>
      {savedNotice && draft && (
        <Alert type="ok" role="status"><Paragraph>{t('form.savedNotice', { number: draft.number })}</Paragraph></Alert>
      )}
      <section aria-labelledby="form-addressee">
        <Heading2 id="form-addressee">{t('form.addressee')}</Heading2>
        <SelectField
          label={fields.label('specialty')}
          required={fields.required('specialty')}
          value={values.specialty}
          onChange={(code) => form.update({ specialty: code })}
          errorMessage={fieldError('specialty') ?? (pools.length > 1 ? undefined : fieldError('pool_id'))
            ?? (specialties.isError ? specialties.error.message : undefined)}
        >
          <SelectOption value="">{t('form.chooseSpecialty')}</SelectOption>
          {specialties.data?.items.map((s) => (
            <SelectOption key={s.code} value={s.code}>{i18n.language === 'en' ? s.name_en : s.name}</SelectOption>
          ))}
        </SelectField>
        {pools.length > 1 && (
          <PoolChoice pools={pools} value={values.poolId} onChange={(poolId) => form.update({ poolId })}
            errorMessage={fieldError('pool_id')} />
        )}
        {modes.length > 0 && (
          <RadioGroupField<Mode>
            legend={fields.label('mode')}
            required={fields.required('mode')}
            options={modes.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
            value={values.mode}
            onChange={(mode) => form.update({ mode })}
            errorMessage={fieldError('mode')}
          />
        )}
      </section>

      <section aria-labelledby="form-patient">
        <Heading2 id="form-patient">{fields.text('patient')}</Heading2>
        <FormFieldTextbox
          label={fields.label('patient.birth_year')}
          inputMode="numeric"
          value={values.birthYear}
          onChange={(e) => form.update({ birthYear: inputValue(e) })}
          invalid={!!(fieldError('patient.birth_year') ?? fieldError('patient'))}
          errorMessage={fieldError('patient.birth_year') ?? fieldError('patient')}
          maxLength={4}
          size={6}
          required={fields.required('patient.birth_year')}
        />
        <RadioGroupField<Sex>
          legend={fields.label('patient.sex')}
          required={fields.required('patient.sex')}
          options={kSexes.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))}
          value={values.sex}
          onChange={(sex) => form.update({ sex })}
          errorMessage={fieldError('patient.sex')}
          className="mk-inline-radios"
        />
        <FormFieldCheckbox
          label={t('form.identifying')}
          description={t('form.identifyingHelp')}
          checked={values.identifying}
          onChange={(e) => form.update({ identifying: e.target.checked })}
        />
        {values.identifying && (
          <div className="mk-identifying">
            <FormFieldTextbox label={fields.label('patient.name')} autoComplete="off" value={values.name}
              onChange={(e) => form.update({ name: inputValue(e) })}
              invalid={!!fieldError('patient.name')} errorMessage={fieldError('patient.name')} />
            <FormFieldTextbox label={fields.label('patient.birth_date')} type="date" value={values.birthDate}
              onChange={(e) => form.update({ birthDate: inputValue(e) })}
              invalid={!!fieldError('patient.birth_date')} errorMessage={fieldError('patient.birth_date')} />
            <FormFieldTextbox label={fields.label('patient.bsn')} inputMode="numeric" autoComplete="off" value={values.bsn}
              onChange={(e) => form.update({ bsn: inputValue(e) })} size={12}
              invalid={!!fieldError('patient.bsn')} errorMessage={fieldError('patient.bsn')} />
          </div>
        )}
      </section>

      <section aria-labelledby="form-question">
        <Heading2 id="form-question">{t('form.questionSection')}</Heading2>
        <IcpcCombobox label={fields.label('icpc')} required={fields.required('icpc')} value={values.icpc}
          onChange={(icpc) => form.update({ icpc })} errorMessage={fieldError('icpc')} />
        <FormFieldTextarea label={fields.label('question')} value={values.question} rows={4}
          onChange={(e) => form.update({ question: inputValue(e) })}
          invalid={!!fieldError('question')} errorMessage={fieldError('question')} required={fields.required('question')} />
        <FormFieldTextarea label={fields.label('clinical_summary')} description={t('form.clinicalSummaryHelp')}
          value={values.clinicalSummary} rows={6}
          onChange={(e) => form.update({ clinicalSummary: inputValue(e) })}
          invalid={!!fieldError('clinical_summary')} errorMessage={fieldError('clinical_summary')} />
        {draft && draft.attachments.length > 0 && <AttachmentList attachments={draft.attachments} />}
        <AttachmentPicker files={files} onChange={setFiles} />
      </section>

      {template && (
        <TemplateQuestions template={template} answers={values.templateAnswers} errorOf={fieldError}
          onChange={(key, text) => form.update({ templateAnswers: { ...values.templateAnswers, [key]: text } })} />
      )}

      <section aria-labelledby="form-before-sending">
        <Heading2 id="form-before-sending">{t('form.beforeSending')}</Heading2>
        <RadioGroupField<'yes' | 'no'>
          legend={fields.label('intended_referral')}
          required={fields.required('intended_referral')}
          options={kYesNo.map((answer) => ({ value: answer, label: t(`common.${answer}`) }))}
          value={values.intendedReferral}
          onChange={(intendedReferral) => form.update({ intendedReferral })}
          errorMessage={fieldError('intended_referral')}
          className="mk-inline-radios"
        />
        <FormFieldCheckbox
          label={fields.label('consent')}
          required={fields.required('consent')}
          checked={values.consent}
          onChange={(e) => form.update({ consent: e.target.checked })}
          invalid={!!fieldError('consent')}
          errorMessage={fieldError('consent')}
        />
      </section>

      <div className="mk-actions">
        <div className="mk-action">
          <SecondaryActionButton type="button" busy={submit.busy === 'save'} onClick={() => void submit.submit('save')}>
            {t('form.saveDraft')}
          </SecondaryActionButton>
          <ActionError message={submitError('save')} />
        </div>
        {canSend && (
          <div className="mk-action">
            <PrimaryActionButton type="button" busy={submit.busy === 'send'} onClick={() => void submit.submit('send')}>
              {fields.text('send')}
            </PrimaryActionButton>
            <ActionError message={submitError('send')} />
          </div>
        )}
        {!canSend && <Paragraph className="mk-hint">{t('form.assistantHint')}</Paragraph>}
        {draft && <AutosaveStatusText status={autosave} />}
      </div>
    </form>
  );
}
