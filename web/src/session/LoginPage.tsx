// The first screen: log in with username and password, and then, for whoever has a second factor,
// the code from the authenticator app (or a recovery code). It is in the first chunk and uses only
// the separate Utrecht packages (and their HTML/CSS for page, heading and alert), so that it
// loads fast (bench/first-screen.mjs). After log-in it returns to where the user was going, so a
// form interrupted by an expired session is found again as it was left. A missing username or
// password is said at its field without asking the server, in the server's words; the code field
// appears when the server asks for it (otp_required), and takes the focus.
import { PrimaryActionButton } from '@utrecht/button-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { PublicPage } from '../components/PublicPage';
import { TextField } from '../components/TextField';
import { useFormFields } from '../components/useFormFields';
import { isComplete } from '../lib/formFields';
import { normaliseOtp } from '../lib/otp';
import { useSessionExpired } from './expiry';
import { logIn, useMe } from './session';

const kFields = ['username', 'password', 'otp'] as const;

/** Only paths inside this app are followed after log-in (no open redirect). */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const fields = useFormFields('login');
  const queryClient = useQueryClient();
  const { user } = useMe();
  const expired = useSessionExpired();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  // The code step: shown once the server asked for a code; `recovery` switches the phone's
  // keyboard from digits to letters for a recovery code.
  const [askCode, setAskCode] = useState(false);
  const [otp, setOtp] = useState('');
  const [recovery, setRecovery] = useState(false);
  const otpInput = useRef<HTMLInputElement>(null);
  const [focusOtp, setFocusOtp] = useState(0);

  useEffect(() => {
    document.title = `${t('login.title')} – meekijk`;
  }, [t]);

  useEffect(() => {
    if (focusOtp > 0) otpInput.current?.focus();
  }, [focusOtp]);

  if (user) return <Navigate to={safeNextPath(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = fields.missing({ username, password });
    if (!isComplete(missing)) {
      setErrors({ fieldErrors: missing, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      await logIn(queryClient, { username: username.trim(), password, ...(askCode ? { otp: normaliseOtp(otp) } : {}) });
    } catch (error) {
      setBusy(false);
      const refusal = error instanceof ApiError ? error : undefined;
      if (refusal?.code === 'otp_required' && !askCode) {
        // The password is right; the server wants the code next. A prompt, not an error.
        setAskCode(true);
        setFocusOtp((n) => n + 1);
        return;
      }
      setErrors(placeError(error, kFields, t('errors.unknown')));
      if (refusal?.field === 'otp') {
        // A refused code is spent (or wrong): an empty field for the next one, with the sentence.
        setOtp('');
        setFocusOtp((n) => n + 1);
      }
    }
  };

  return (
    <PublicPage>
      <h1 className="utrecht-heading-1">{t('login.title')}</h1>
      <p className="utrecht-paragraph">{t('login.intro')}</p>
      {expired && (
        <div className="utrecht-alert utrecht-alert--warning" role="status">
          <p className="utrecht-paragraph">{t('login.expired')}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate className="mk-form" aria-label={t('login.title')}>
        <TextField label={fields.label('username')} required={fields.required('username')} name="username"
          autoComplete="username" value={username} onChange={setUsername} errorMessage={errors.fieldErrors.username} />
        <TextField label={fields.label('password')} required={fields.required('password')} name="password"
          type="password" autoComplete="current-password" value={password} onChange={setPassword}
          errorMessage={errors.fieldErrors.password} />
        {askCode && (
          <>
            <TextField label={recovery ? t('login.recoveryCode') : t('login.otp')} name="otp" inputRef={otpInput}
              autoComplete="one-time-code" inputMode={recovery ? 'text' : 'numeric'} value={otp} onChange={setOtp}
              description={recovery ? t('login.recoveryCodeHelp') : t('login.otpHelp')}
              errorMessage={errors.fieldErrors.otp} announceError />
            <p className="utrecht-paragraph">
              <button type="button" className="utrecht-link mk-link-button"
                onClick={() => { setRecovery((r) => !r); setFocusOtp((n) => n + 1); }}>
                {recovery ? t('login.useOtp') : t('login.useRecoveryCode')}
              </button>
            </p>
          </>
        )}
        <div className="mk-actions">
          <div className="mk-action">
            <PrimaryActionButton type="submit" busy={busy}>
              {t('login.submit')}
            </PrimaryActionButton>
            <ActionError message={errors.actionError} />
          </div>
        </div>
      </form>
    </PublicPage>
  );
}
