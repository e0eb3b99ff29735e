// Changing one's own password: the current one, the new one twice (labelled by the form field
// catalogue's `password_change`; nothing is sent while an answer is missing or the two differ). The server's refusal goes under the field it names (a wrong current
// password, a new one too easy to guess); on success the fields empty and the notice says the
// other sessions have ended, which the session list below then shows.
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import {
  kNoNewPassword, NewPasswordFields, repeatField, useNewPasswordCheck, type NewPassword,
} from '../components/NewPasswordFields';
import { TextField } from '../components/TextField';
import { useFormFields } from '../components/useFormFields';
import { changePassword, kSessionsKey } from './api';

const kForm = 'password_change';
const kCurrentField = 'current_password';
const kNewField = 'new_password';
const kFields = [kCurrentField, kNewField, repeatField(kNewField)] as const;

export function PasswordChangeForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fields = useFormFields(kForm);
  const check = useNewPasswordCheck(kForm, kNewField);
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPassword>(kNoNewPassword);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const refused = check({ [kCurrentField]: current }, value);
    if (Object.keys(refused).length > 0) {
      setErrors({ fieldErrors: refused, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      await changePassword(current, value.password);
      setCurrent('');
      setValue(kNoNewPassword);
      setNotice(t('security.password.changed'));
      await queryClient.invalidateQueries({ queryKey: kSessionsKey });
    } catch (error) {
      setErrors(placeError(error, kFields, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="password-title">
      <Heading2 id="password-title">{t('security.password.title')}</Heading2>
      <Paragraph>{t('security.password.intro')}</Paragraph>
      <form onSubmit={submit} noValidate className="mk-form" aria-labelledby="password-title">
        <TextField label={fields.label(kCurrentField)} required={fields.required(kCurrentField)} name={kCurrentField}
          type="password" autoComplete="current-password" value={current} onChange={setCurrent}
          errorMessage={errors.fieldErrors[kCurrentField]} announceError />
        <NewPasswordFields form={kForm} name={kNewField} value={value} onChange={setValue} errors={errors.fieldErrors} />
        <div className="mk-actions">
          <div className="mk-action">
            <Button type="submit" appearance="primary-action-button" busy={busy}>{t('security.password.submit')}</Button>
            <ActionError message={errors.actionError} />
          </div>
        </div>
      </form>
      <p role="status" className="utrecht-paragraph">{notice}</p>
    </section>
  );
}
