// Recording an absence: first and last day and the reason, and for a coordinator or administrator
// whose (by default themselves, else one of the people they manage). Labels from the form field
// catalogue ("absence"); a missing answer is refused in the browser at its field, the server's
// refusal at the field it names.
import { Heading2, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { RadioGroupField } from '../components/RadioGroupField';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFocusFirstError } from '../components/useFocusFirstError';
import { useFormFields } from '../components/useFormFields';
import type { User } from '../session/session';
import { useManagedUsers } from '../users/api';
import { addAbsence, kAbsenceReasons, type Absence, type AbsenceReason, type NewAbsence } from './api';

const kFields = ['user_id', 'first_day', 'last_day', 'reason'] as const;

interface Values {
  /** '' for the caller themselves, else a user's id. */
  userId: string;
  firstDay: string;
  lastDay: string;
  reason: AbsenceReason | '';
}

const kEmpty: Values = { userId: '', firstDay: '', lastDay: '', reason: '' };

/** The request for `values` (all answered): without user_id for oneself. */
export function newAbsence(values: Values): NewAbsence {
  return {
    ...(values.userId ? { user_id: Number(values.userId) } : {}),
    first_day: values.firstDay,
    last_day: values.lastDay,
    reason: values.reason as AbsenceReason,
  };
}

export function AbsenceForm({ user, choosesPerson, onAdded }: {
  user: User;
  /** Coordinators and administrators record the absence of the people they manage too. */
  choosesPerson: boolean;
  onAdded: (absence: Absence) => void;
}) {
  const { t } = useTranslation();
  const fields = useFormFields('absence');
  const [values, setValues] = useState<Values>(kEmpty);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);
  const update = (change: Partial<Values>) => setValues({ ...values, ...change });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = fields.missing({ first_day: values.firstDay, last_day: values.lastDay, reason: values.reason });
    if (Object.keys(missing).length > 0) {
      setErrors({ fieldErrors: missing, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      const added = await addAbsence(newAbsence(values));
      setValues(kEmpty);
      onAdded(added);
    } catch (failure) {
      setErrors(placeError(failure, kFields, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="mk-form mk-absence-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="absence-new">
      <Heading2 id="absence-new">{t('absences.new')}</Heading2>
      {choosesPerson && (
        <PersonField user={user} value={values.userId} onChange={(userId) => update({ userId })} errorMessage={errors.fieldErrors.user_id} />
      )}
      <TextField type="date" label={fields.label('first_day')} required={fields.required('first_day')} value={values.firstDay}
        onChange={(firstDay) => update({ firstDay })} errorMessage={errors.fieldErrors.first_day} />
      <TextField type="date" label={fields.label('last_day')} required={fields.required('last_day')} value={values.lastDay}
        onChange={(lastDay) => update({ lastDay })} errorMessage={errors.fieldErrors.last_day} />
      <RadioGroupField<AbsenceReason> className="mk-inline-radios" legend={fields.label('reason')} required={fields.required('reason')}
        options={kAbsenceReasons.map((r) => ({ value: r, label: t(`absences.reason.${r}`) }))}
        value={values.reason} onChange={(reason) => update({ reason })} errorMessage={errors.fieldErrors.reason} />
      <div className="mk-actions">
        <div className="mk-action">
          <PrimaryActionButton type="submit" busy={busy}>{t('absences.add')}</PrimaryActionButton>
          <ActionError message={errors.actionError} />
        </div>
      </div>
    </form>
  );
}

/** Oneself first, then the active people the caller manages, by name. */
function PersonField({ user, value, onChange, errorMessage }: {
  user: User;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  const fields = useFormFields('absence');
  const users = useManagedUsers();
  const people = (users.data?.items ?? [])
    .filter((u) => u.active && u.id !== user.id)
    .sort((a, b) => a.display_name.localeCompare(b.display_name));
  return (
    <>
      <SelectField label={fields.label('user_id')} value={value} onChange={onChange} errorMessage={errorMessage}>
        <SelectOption value="">{t('absences.self', { name: user.display_name })}</SelectOption>
        {people.map((p) => <SelectOption key={p.id} value={String(p.id)}>{p.display_name}</SelectOption>)}
      </SelectField>
      <ActionError message={users.error?.message} />
    </>
  );
}
