// /wachtwoord-herstellen#<token>: the page a reset link opens, without logging in. It asks for the
// new password twice (the two must match before anything is sent), sends it with the token from
// the address's fragment, and says what happened: changed (with the way to log in), the link is
// invalid or expired (404), or the server's reason at the password field. Without a token it
// explains where the link comes from. Like the login page, it stands outside the app shell and
// uses only the separate Utrecht packages, whose styles the first screen has loaded.
import { PrimaryActionButton } from '@utrecht/button-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { PublicPage } from '../components/PublicPage';
import {
  kNoNewPassword, NewPasswordFields, repeatField, useNewPasswordCheck, type NewPassword,
} from '../components/NewPasswordFields';
import { usePageTitle } from '../lib/usePageTitle';
import { resetPassword, tokenFromHash } from './api';

const kForm = 'password_reset';
const kPasswordField = 'password';
const kFields = [kPasswordField, repeatField(kPasswordField)] as const;

type Outcome = 'form' | 'changed' | 'invalid';

export default function PasswordResetPage() {
  const { t } = useTranslation();
  const token = tokenFromHash(useLocation().hash);
  const [outcome, setOutcome] = useState<Outcome>('form');
  usePageTitle(t('passwordReset.title'));
  return (
    <PublicPage>
      <h1 className="utrecht-heading-1">{t('passwordReset.title')}</h1>
      {!token && <Explanation title={t('passwordReset.missingTitle')} text={t('passwordReset.missing')} />}
      {token && outcome === 'invalid' && (
        <Explanation title={t('passwordReset.invalidTitle')} text={t('passwordReset.invalid')} announce />
      )}
      {token && outcome === 'changed' && <Changed />}
      {token && outcome === 'form' && <ResetForm token={token} onOutcome={setOutcome} />}
    </PublicPage>
  );
}

/**
 * A state the form cannot help with, in words; `announce` when it follows an answer of the server,
 * which then takes the focus (the form it replaces had it) and is read out at once.
 */
function Explanation({ title, text, announce }: { title: string; text: string; announce?: boolean }) {
  const box = useFocusOnMount<HTMLDivElement>(!!announce);
  return (
    <div className="utrecht-alert utrecht-alert--warning" role={announce ? 'alert' : undefined}
      tabIndex={announce ? -1 : undefined} ref={box}>
      <p className="utrecht-paragraph"><strong>{title}</strong></p>
      <p className="utrecht-paragraph">{text}</p>
    </div>
  );
}

function Changed() {
  const { t } = useTranslation();
  const box = useFocusOnMount<HTMLDivElement>(true);
  return (
    <>
      <div className="utrecht-alert utrecht-alert--ok" role="status" tabIndex={-1} ref={box}>
        <p className="utrecht-paragraph"><strong>{t('passwordReset.changed')}</strong></p>
        <p className="utrecht-paragraph">{t('passwordReset.changedHelp')}</p>
      </div>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/login">{t('passwordReset.toLogin')}</Link>
      </p>
    </>
  );
}

function ResetForm({ token, onOutcome }: { token: string; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<NewPassword>(kNoNewPassword);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const check = useNewPasswordCheck(kForm, kPasswordField);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const refused = check({ token }, value);
    if (Object.keys(refused).length > 0) {
      setErrors({ fieldErrors: refused, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      await resetPassword(token, value.password);
      onOutcome('changed');
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 404) {
        onOutcome('invalid');
        return;
      }
      setErrors(placeError(error, kFields, t('errors.unknown')));
    }
  };

  return (
    <>
      <p className="utrecht-paragraph">{t('passwordReset.intro')}</p>
      <form onSubmit={submit} noValidate className="mk-form" aria-label={t('passwordReset.title')}>
        <NewPasswordFields form={kForm} name={kPasswordField} value={value} onChange={setValue} errors={errors.fieldErrors} />
        <div className="mk-actions">
          <div className="mk-action">
            <PrimaryActionButton type="submit" busy={busy}>{t('passwordReset.submit')}</PrimaryActionButton>
            <ActionError message={errors.actionError} />
          </div>
        </div>
      </form>
    </>
  );
}

function useFocusOnMount<T extends HTMLElement>(focus: boolean) {
  const element = useRef<T>(null);
  useEffect(() => {
    if (focus) element.current?.focus();
  }, [focus]);
  return element;
}
