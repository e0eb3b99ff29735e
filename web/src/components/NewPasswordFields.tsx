// A new password and its repetition, labelled alike wherever a password is chosen (the reset
// link's page, the security screen): the new one by the form field catalogue (as the server's
// refusals name it), with the server's rule as a hint; the repetition exists only in the browser.
// useNewPasswordCheck says, before anything is sent, what is missing (in the server's words) and
// whether the two differ, so that a typing slip never becomes the password.
import { useTranslation } from 'react-i18next';
import type { FieldValues } from '../lib/formFields';
import { TextField } from './TextField';
import { useFormFields } from './useFormFields';

export interface NewPassword {
  password: string;
  repeat: string;
}

export const kNoNewPassword: NewPassword = { password: '', repeat: '' };

/** The name of the repetition's field, for its error: `<name>_repeat`. */
export function repeatField(name: string): string {
  return `${name}_repeat`;
}

/**
 * A check of `form` before sending: the answers it requires but lacks (the new password as field
 * `name`, the others in `values`), then a repetition that differs; empty when it may go.
 */
export function useNewPasswordCheck(form: string, name: string) {
  const { t } = useTranslation();
  const fields = useFormFields(form);
  return (values: FieldValues, pair: NewPassword): Record<string, string> => {
    const refused = fields.missing({ ...values, [name]: pair.password });
    if (!refused[name] && pair.password !== pair.repeat) refused[repeatField(name)] = t('password.mismatch');
    return refused;
  };
}

export function NewPasswordFields({ form, name, value, onChange, errors }: {
  /** The catalogue's form, and its name for the new password (`password` or `new_password`). */
  form: string;
  name: string;
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  /** Sentences by field name: `name` and repeatField(name). */
  errors: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const fields = useFormFields(form);
  return (
    <>
      <TextField label={fields.label(name)} required={fields.required(name)} name={name} type="password"
        autoComplete="new-password" value={value.password} onChange={(password) => onChange({ ...value, password })}
        description={t('password.rule')} errorMessage={errors[name]} announceError />
      <TextField label={<>{t('password.repeat')} <span className="mk-required">{t('fields.required')}</span></>} required
        name={repeatField(name)} type="password" autoComplete="new-password" value={value.repeat}
        onChange={(repeat) => onChange({ ...value, repeat })} errorMessage={errors[repeatField(name)]} announceError />
    </>
  );
}
