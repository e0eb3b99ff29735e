// The editor of a question template, new or changed: for which organisation (only asked of someone
// who keeps more than one) and specialty (fixed once made), its name, and its questions, which can
// be added, removed and moved. Labels and required answers come from the form field catalogue
// (forms "template" and "template_field"); what is missing is said at its field before any
// request, the server's refusal at the field it names ("fields.1.key" under question 2's key).
// A change makes a new version from the one it started from: when someone else came first (409)
// the editor says so and offers to start again from the newest. Typing survives a session expiry.
import {
  Button, FormFieldErrorMessage, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton, SelectOption,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../../api/errors';
import { ActionError } from '../../components/ActionError';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useFocusFirstError } from '../../components/useFocusFirstError';
import { useFormFields } from '../../components/useFormFields';
import { usePersistentForm } from '../../lib/usePersistentForm';
import { hasRole, useMe, type User } from '../../session/session';
import {
  changeTemplate, createTemplate, regionKeys, useOrganisations, usePools, type QuestionTemplate,
} from '../api';
import { QuestionEditor, type QuestionMove } from './QuestionEditor';
import {
  emptyTemplateForm, fromTemplate, kTemplateForm, missingAnswers, newQuestion, questionField, templateFormFields,
  toNewTemplate, toTemplateChange, type QuestionDraft, type TemplateFormValues,
} from './templateFormValues';

/** Whether the server needs to be told whose template it is: it can tell for one organisation. */
function choosesOrganisation(user: User | null | undefined): boolean {
  const coordinated = user?.memberships.filter((m) => m.role === 'coordinator').length ?? 0;
  return hasRole(user, 'admin') || coordinated > 1;
}

/** Where the focus goes after the questions changed: a question's part, or the add button. */
type FocusTarget = { uid: string; part: 'label' | 'up' | 'down' } | 'add' | null;

function moved(questions: QuestionDraft[], index: number, move: QuestionMove): QuestionDraft[] {
  const next = [...questions];
  if (move === 'remove') {
    next.splice(index, 1);
    return next;
  }
  const other = move === 'up' ? index - 1 : index + 1;
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

export function TemplateEditor({ template, onSaved, onCancel, onReload, headingLevel = 2 }: {
  /** The template to change (its version is the one the change is made to); null for a new one. */
  template: QuestionTemplate | null;
  onSaved: (saved: QuestionTemplate) => void;
  onCancel?: () => void;
  onReload?: () => void;
  /** The level of the editor's heading over the questions: 3 inside a section of its own. */
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const queryClient = useQueryClient();
  const fields = useFormFields(kTemplateForm);
  const creating = template === null;
  const form = usePersistentForm<TemplateFormValues>(
    // Per version changed, so that typing on an old version never lands on a newer one.
    template ? `template-form.${template.id}.${template.version}` : 'template-form.new',
    template ? fromTemplate(template) : emptyTemplateForm(),
  );
  const values = form.value;
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const [conflict, setConflict] = useState<string | null>(null);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);

  const pools = usePools();
  const askOrganisation = creating && choosesOrganisation(user);
  const organisations = useOrganisations();
  const specialties = [...new Set((pools.data?.items ?? []).map((p) => p.specialty))].sort();

  useEffect(() => {
    if (focus === null) return;
    if (focus === 'add') {
      addButton.current?.focus();
    } else {
      const item = formRef.current?.querySelector(`[data-question="${focus.uid}"]`);
      const target = focus.part === 'label' ? item?.querySelector<HTMLElement>('input')
        : item?.querySelector<HTMLButtonElement>(`button[data-move="${focus.part}"]:not([disabled])`)
          ?? item?.querySelector<HTMLButtonElement>('button[data-move]:not([disabled])');
      target?.focus();
    }
    setFocus(null);
  }, [focus]);

  const setQuestions = (questions: QuestionDraft[]) => {
    form.update({ questions });
    setConflict(null);
  };
  const move = (index: number, how: QuestionMove) => {
    const question = values.questions[index]!;
    const next = moved(values.questions, index, how);
    setQuestions(next);
    if (how !== 'remove') setFocus({ uid: question.uid, part: how });
    else setFocus(next[index] ? { uid: next[index].uid, part: 'label' } : 'add');
    setErrors(kNoErrors); // positions changed: the sentences no longer point at the right question
  };
  const add = () => {
    const question = newQuestion();
    setQuestions([...values.questions, question]);
    setFocus({ uid: question.uid, part: 'label' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setConflict(null);
    const missing = missingAnswers(values, i18n.language, { creating });
    if (Object.keys(missing).length > 0) {
      setErrors({ fieldErrors: missing, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      const saved = template
        ? await changeTemplate(template.id, toTemplateChange(values, template.version))
        : await createTemplate(toNewTemplate(values));
      form.forget();
      await queryClient.invalidateQueries({ queryKey: regionKeys.all });
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) setConflict(failure.message);
      else setErrors(placeError(failure, templateFormFields(values), t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const error = (name: string) => errors.fieldErrors[name];
  return (
    <form ref={formRef} className="mk-form mk-region-form" noValidate onSubmit={(e) => void submit(e)}>
      <ActionError message={pools.error?.message ?? (askOrganisation ? organisations.error?.message : undefined)} />
      {askOrganisation && (
        <SelectField label={fields.label('organisation_id')} value={values.organisationId}
          onChange={(organisationId) => form.update({ organisationId })} errorMessage={error('organisation_id')}>
          <SelectOption value="">{t('region.template.chooseOrganisation')}</SelectOption>
          {organisations.data?.items.filter((o) => o.in_scope).map((o) => (
            <SelectOption key={o.id} value={String(o.id)}>{o.name}</SelectOption>
          ))}
        </SelectField>
      )}
      {creating ? (
        <SelectField label={fields.label('specialty')} required={fields.required('specialty')} value={values.specialty}
          onChange={(specialty) => form.update({ specialty })} errorMessage={error('specialty')}
          description={t('region.template.specialtyHelp')}>
          <SelectOption value="">{t('region.template.chooseSpecialty')}</SelectOption>
          {specialties.map((code) => <SelectOption key={code} value={code}>{code}</SelectOption>)}
        </SelectField>
      ) : (
        <Paragraph><strong>{fields.text('specialty')}:</strong> {template.specialty}</Paragraph>
      )}
      <TextField label={fields.label('name')} required={fields.required('name')} value={values.name}
        onChange={(name) => form.update({ name })} errorMessage={error('name')} />

      <section aria-labelledby="template-questions">
        <Heading level={headingLevel} id="template-questions">{fields.text('fields')}</Heading>
        {error('fields') && <FormFieldErrorMessage role="alert">{error('fields')}</FormFieldErrorMessage>}
        <ol className="mk-questions">
          {values.questions.map((question, index) => (
            <QuestionEditor key={question.uid} question={question} index={index} count={values.questions.length}
              errorOf={(part) => error(questionField(index, part))}
              onChange={(changed) => setQuestions(values.questions.map((q) => (q.uid === changed.uid ? changed : q)))}
              onMove={(how) => move(index, how)} />
          ))}
        </ol>
        <Button ref={addButton} type="button" appearance="secondary-action-button" onClick={add}>
          {t('region.template.add')}
        </Button>
      </section>

      <div className="mk-actions">
        <div className="mk-action">
          <PrimaryActionButton type="submit" busy={busy}>
            {creating ? t('region.template.create') : t('region.template.save')}
          </PrimaryActionButton>
          <ActionError message={errors.actionError ?? conflict} />
          {conflict && onReload && (
            <SecondaryActionButton type="button" onClick={() => { form.forget(); onReload(); }}>
              {t('region.loadNewest')}
            </SecondaryActionButton>
          )}
        </div>
        {onCancel && (
          <SecondaryActionButton type="button" onClick={() => { form.forget(); onCancel(); }}>
            {t('region.cancel')}
          </SecondaryActionButton>
        )}
      </div>
    </form>
  );
}
