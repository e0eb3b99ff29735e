// /launch#token=<JWT>: the page a GP practice's HIS opens to start a consult with the patient
// filled in, without a session (outside RequireAuth, like the login page). It takes the token from
// the address and removes it from there at once, asks the server whose link it is ("Inloggen als
// Dr. Anna de Vries, Huisartsenpraktijk Kralingen"), takes the code from the GP's authenticator
// app and, once the server has logged the GP in, opens the new draft. A bad link (invalid, expired,
// used, another practice's) is the server's one sentence in place of the form; a wrong code stands
// at the code field, which is emptied for the next one.
import { PrimaryActionButton } from '@utrecht/button-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { PublicPage } from '../components/PublicPage';
import { TextField } from '../components/TextField';
import { useFormFields } from '../components/useFormFields';
import i18n from '../i18n/i18n';
import { normaliseOtp } from '../lib/otp';
import { usePageTitle } from '../lib/usePageTitle';
import { isBadLink, launchToken, openLaunch, previewLaunch, withoutToken, type LaunchPreview } from './api';

const kFields = ['otp'] as const;

type Step =
  | { kind: 'checking' }
  | { kind: 'code'; preview: LaunchPreview }
  /** The link is no good: nothing on this page can help. */
  | { kind: 'badLink'; message: string }
  /** The server could not be asked (network, too many requests): asking again may help. */
  | { kind: 'failed'; message: string };

export default function LaunchPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // Read once, before the address loses it.
  const [token] = useState(() => launchToken(location.hash, location.search));
  const [step, setStep] = useState<Step>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  usePageTitle(t('launch.title'));

  // The token leaves the address bar (and the history) as soon as it has been read.
  useEffect(() => {
    const rest = withoutToken(location.search, location.hash);
    if (rest.search !== location.search || rest.hash !== location.hash) {
      navigate({ pathname: location.pathname, ...rest }, { replace: true });
    }
  }, [location, navigate]);

  // Asked once per attempt, not again on a change of language (that would empty a code being typed).
  useEffect(() => {
    if (!token) return undefined;
    let current = true;
    setStep({ kind: 'checking' });
    previewLaunch(token).then(
      (preview) => current && setStep({ kind: 'code', preview }),
      (error: unknown) => current && setStep(refusal(error)),
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);

  return (
    <PublicPage>
      <h1 className="utrecht-heading-1">{t('launch.title')}</h1>
      {!token && <Explanation title={t('launch.missingTitle')} text={t('launch.missing')} />}
      {token && step.kind === 'checking' && <Loading />}
      {token && step.kind === 'badLink' && <Explanation title={t('launch.invalidTitle')} text={step.message} announce />}
      {token && step.kind === 'failed' && (
        <>
          <Explanation title={t('launch.failedTitle')} text={step.message} announce />
          <p className="utrecht-paragraph">
            <button type="button" className="utrecht-link mk-link-button" onClick={() => setAttempt((n) => n + 1)}>
              {t('launch.retry')}
            </button>
          </p>
        </>
      )}
      {token && step.kind === 'code' && (
        <CodeForm token={token} preview={step.preview} onBadLink={(message) => setStep({ kind: 'badLink', message })}
          onLaunched={(consultId) => navigate(`/consults/${consultId}/edit`, { replace: true })} />
      )}
    </PublicPage>
  );
}

function refusal(error: unknown): Step {
  const message = error instanceof Error && error.message ? error.message : i18n.t('errors.unknown');
  return isBadLink(error) ? { kind: 'badLink', message } : { kind: 'failed', message };
}

/**
 * A state the form cannot help with, in words, with the way to log in as usual; `announce` when it
 * follows an answer of the server: it is read out at once and takes the focus.
 */
function Explanation({ title, text, announce }: { title: string; text: string; announce?: boolean }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (announce) box.current?.focus();
  }, [announce, text]);
  return (
    <>
      <div className="utrecht-alert utrecht-alert--warning" role={announce ? 'alert' : undefined}
        tabIndex={announce ? -1 : undefined} ref={box}>
        <p className="utrecht-paragraph"><strong>{title}</strong></p>
        <p className="utrecht-paragraph">{text}</p>
      </div>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/login">{t('launch.toLogin')}</Link>
      </p>
    </>
  );
}

function CodeForm({ token, preview, onBadLink, onLaunched }: {
  token: string;
  preview: LaunchPreview;
  onBadLink: (message: string) => void;
  onLaunched: (consultId: number) => void;
}) {
  const { t } = useTranslation();
  const fields = useFormFields('launch');
  const queryClient = useQueryClient();
  const [otp, setOtp] = useState('');
  // A recovery code switches the phone's keyboard from digits to letters, as on the login page.
  const [recovery, setRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const otpInput = useRef<HTMLInputElement>(null);
  const [focusOtp, setFocusOtp] = useState(0);

  // The code is what this page is for: the field has the focus from the start.
  useEffect(() => {
    otpInput.current?.focus();
  }, [focusOtp]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(kNoErrors);
    try {
      onLaunched(await openLaunch(queryClient, token, normaliseOtp(otp)));
    } catch (error) {
      setBusy(false);
      if (isBadLink(error)) {
        onBadLink(error instanceof Error ? error.message : t('errors.unknown'));
        return;
      }
      setErrors(placeError(error, kFields, t('errors.unknown')));
      if (error instanceof ApiError && error.field === 'otp') {
        // A refused code is spent (or wrong): an empty field for the next one, with the sentence.
        setOtp('');
        setFocusOtp((n) => n + 1);
      }
    }
  };

  return (
    <>
      <p className="utrecht-paragraph">
        <strong>{t('launch.as', { name: preview.gpName, practice: preview.practiceName })}</strong>
      </p>
      <p className="utrecht-paragraph">{t('launch.intro')}</p>
      <form onSubmit={submit} noValidate className="mk-form" aria-label={t('launch.title')}>
        <TextField label={recovery ? t('login.recoveryCode') : fields.label('otp')} name="otp" inputRef={otpInput}
          autoComplete="one-time-code" inputMode={recovery ? 'text' : 'numeric'} value={otp} onChange={setOtp}
          description={recovery ? t('login.recoveryCodeHelp') : t('login.otpHelp')}
          errorMessage={errors.fieldErrors.otp} announceError />
        <p className="utrecht-paragraph">
          <button type="button" className="utrecht-link mk-link-button"
            onClick={() => { setRecovery((r) => !r); setFocusOtp((n) => n + 1); }}>
            {recovery ? t('login.useOtp') : t('login.useRecoveryCode')}
          </button>
        </p>
        <div className="mk-actions">
          <div className="mk-action">
            <PrimaryActionButton type="submit" busy={busy}>{t('launch.submit')}</PrimaryActionButton>
            <ActionError message={errors.actionError} />
          </div>
        </div>
      </form>
    </>
  );
}
