// Password and code again before a sensitive action: changing the second factor, exporting the
// access log (the server asks with a 403 reauthentication_required when the password was given
// more than a few minutes ago). A wrong answer is placed at its field; too many are refused with
// the server's wait.
import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { TextField } from '../components/TextField';
import { useFormFields } from '../components/useFormFields';
import { normaliseOtp } from '../lib/otp';
import { reauthenticate } from './api';

const kFields = ['password', 'otp'] as const;

export function ReauthenticateForm({ onDone, onCancel, help }: {
  onDone: () => void;
  onCancel: () => void;
  /** What the password is asked for; by default, changing the second factor. */
  help?: string;
}) {
  const { t } = useTranslation();
  const loginFields = useFormFields('login');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const passwordInput = useRef<HTMLInputElement>(null);

  useEffect(() => passwordInput.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(kNoErrors);
    try {
      await reauthenticate(password, normaliseOtp(otp));
      onDone();
    } catch (error) {
      setErrors(placeError(error, kFields, t('errors.unknown')));
      setOtp('');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="mk-form" aria-labelledby="reauth-title">
      <Heading3 id="reauth-title">{t('security.reauth.title')}</Heading3>
      <Paragraph>{help ?? t('security.reauth.help')}</Paragraph>
      <TextField label={loginFields.text('password')} name="password" type="password" autoComplete="current-password"
        inputRef={passwordInput} value={password} onChange={setPassword} errorMessage={errors.fieldErrors.password} announceError />
      <TextField label={t('login.otp')} name="otp" autoComplete="one-time-code" inputMode="numeric"
        value={otp} onChange={setOtp} description={t('login.otpHelp')} errorMessage={errors.fieldErrors.otp} announceError />
      <div className="mk-actions">
        <div className="mk-action">
          <Button type="submit" appearance="primary-action-button" busy={busy}>{t('security.reauth.submit')}</Button>
          <ActionError message={errors.actionError} />
        </div>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('security.cancel')}</Button>
      </div>
    </form>
  );
}
