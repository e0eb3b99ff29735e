// The first screen: log in with username and password. It is in the first chunk and uses only
// the separate Utrecht packages (and their HTML/CSS for page, heading and alert), so that it
// loads fast (bench/first-screen.mjs). After log-in it returns to where the user was going, so a
// form interrupted by an expired session is found again as it was left. A missing username or
// password is said at its field without asking the server, in the server's words.
import { PrimaryActionButton } from '@utrecht/button-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TextField } from '../components/TextField';
import { useFormFields } from '../components/useFormFields';
import { isComplete } from '../lib/formFields';
import { useSessionExpired } from './expiry';
import { logIn, useMe } from './session';

const kFields = ['username', 'password'] as const;

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

  useEffect(() => {
    document.title = `${t('login.title')} – meekijk`;
  }, [t]);

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
      await logIn(queryClient, username.trim(), password);
    } catch (error) {
      setErrors(placeError(error, kFields, t('errors.unknown')));
      setBusy(false);
    }
  };

  return (
    <div className="utrecht-page mk-page mk-page--narrow">
      <header className="utrecht-page-header mk-header">
        <span className="mk-brand">meekijk</span>
        <LanguageSwitch />
      </header>
      <div className="utrecht-page-content">
        <main id="main">
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
            <div className="mk-actions">
              <div className="mk-action">
                <PrimaryActionButton type="submit" busy={busy}>
                  {t('login.submit')}
                </PrimaryActionButton>
                <ActionError message={errors.actionError} />
              </div>
            </div>
          </form>
        </main>
      </div>
    </div>
  );
}
