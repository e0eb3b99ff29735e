// Setting up the authenticator app, in three steps: (1) a new secret from the server, shown as a
// QR code and as text to type over; (2) one of its codes to confirm it; (3) the ten recovery
// codes, shown once, until the user says they are stored. When a factor exists already, the
// server may first ask for the password and a code again (reauthentication_required). A login
// that must enrol (second_factor.required) starts step 1 by itself.
import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../api/csrf';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { TextField } from '../components/TextField';
import { groupSecret, normaliseOtp } from '../lib/otp';
import { refreshMe, type User } from '../session/session';
import { ReauthenticateForm } from './ReauthenticateForm';
import { beginOtpEnrolment, confirmOtp, type OtpEnrolment as Enrolment } from './api';

type Step =
  | { kind: 'start' }
  | { kind: 'reauthenticate' }
  | { kind: 'scan'; enrolment: Enrolment }
  | { kind: 'codes'; codes: readonly string[] };

const kQrPixels = 240;

/** The otpauth:// URI as a PNG data URL (the CSP allows img-src data:); null until it is drawn. */
function useQrDataUrl(uri: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setUrl(null);
    QRCode.toDataURL(uri, { width: kQrPixels, margin: 2, errorCorrectionLevel: 'M' })
      .then((data) => { if (current) setUrl(data); })
      // Without a picture the secret below, as text, still serves.
      .catch(() => { if (current) setUrl(null); });
    return () => { current = false; };
  }, [uri]);
  return url;
}

/** Moves the focus to the heading of each new step, so that a screen reader starts reading there. */
function useFocusOnStep(kind: Step['kind']) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [kind]);
  return heading;
}

export function OtpEnrolment({ user }: { user: User }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [busy, setBusy] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const heading = useFocusOnStep(step.kind);
  const mustEnrol = user.second_factor.required;

  const begin = async () => {
    if (busy) return;
    setBusy(true);
    setStartError(null);
    try {
      setStep({ kind: 'scan', enrolment: await beginOtpEnrolment() });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reauthentication_required') {
        setStep({ kind: 'reauthenticate' });
      } else {
        setStep({ kind: 'start' });
        setStartError(error instanceof Error ? error.message : t('errors.unknown'));
      }
    } finally {
      setBusy(false);
    }
  };

  // A login that must enrol has nothing else to do here: step 1 starts as the page opens (once;
  // a later `begin` is the button's).
  useEffect(() => {
    if (mustEnrol) void begin();
  }, []);

  const restartAfter = (message: string) => {
    setStep({ kind: 'start' });
    setStartError(message);
  };

  return (
    <section aria-labelledby="otp-title">
      <Heading2 id="otp-title">{t('security.otp.title')}</Heading2>
      {step.kind === 'start' && (
        <>
          <Paragraph>{user.second_factor.enrolled ? t('security.otp.enrolled') : t('security.otp.notEnrolled')}</Paragraph>
          {user.second_factor.enrolled && <Paragraph>{t('security.otp.restartHelp')}</Paragraph>}
          <div className="mk-actions">
            <div className="mk-action">
              <Button type="button" appearance={mustEnrol ? 'primary-action-button' : 'secondary-action-button'} busy={busy}
                onClick={() => void begin()}>
                {user.second_factor.enrolled ? t('security.otp.restart') : t('security.otp.start')}
              </Button>
              <ActionError message={startError} />
            </div>
          </div>
        </>
      )}
      {step.kind === 'reauthenticate' && (
        // It puts the focus in its password field itself.
        <ReauthenticateForm onDone={() => void begin()} onCancel={() => setStep({ kind: 'start' })} />
      )}
      {step.kind === 'scan' && (
        <ScanAndConfirm enrolment={step.enrolment} headingRef={heading}
          onConfirmed={(codes) => setStep({ kind: 'codes', codes })} onStale={restartAfter}
          onCancel={() => setStep({ kind: 'start' })} />
      )}
      {step.kind === 'codes' && <RecoveryCodes codes={step.codes} headingRef={heading} />}
    </section>
  );
}

function ScanAndConfirm({ enrolment, headingRef, onConfirmed, onStale, onCancel }: {
  enrolment: Enrolment;
  headingRef: Ref<HTMLHeadingElement>;
  onConfirmed: (codes: readonly string[]) => void;
  /** Nothing waits for confirmation any more (409): back to the start, with the server's sentence. */
  onStale: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const qr = useQrDataUrl(enrolment.uri);
  const [otp, setOtp] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(kNoErrors);
    try {
      const { recovery_codes, csrf_token } = await confirmOtp(normaliseOtp(otp));
      // The login went on under a new cookie, and its CSRF token with it.
      if (csrf_token) setCsrfToken(csrf_token);
      onConfirmed(recovery_codes);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 409) {
        onStale(error.message);
        return;
      }
      setErrors(placeError(error, ['otp'], t('errors.unknown')));
      setOtp('');
    }
  };

  return (
    <>
      <Heading3 ref={headingRef} tabIndex={-1}>{t('security.otp.scanTitle')}</Heading3>
      <Paragraph>{t('security.otp.scan')}</Paragraph>
      <div className="mk-qr">
        {qr && <img src={qr} width={kQrPixels} height={kQrPixels} alt={t('security.otp.qrAlt')} />}
      </div>
      <Paragraph>{t('security.otp.typeSecret')}</Paragraph>
      <p className="utrecht-paragraph">
        <span className="mk-visually-hidden">{t('security.otp.secret')}: </span>
        <code className="mk-secret">{groupSecret(enrolment.secret)}</code>
      </p>
      <form onSubmit={submit} noValidate className="mk-form" aria-labelledby="otp-confirm-title">
        <Heading3 id="otp-confirm-title">{t('security.otp.confirmTitle')}</Heading3>
        <TextField label={t('login.otp')} name="otp" autoComplete="one-time-code" inputMode="numeric"
          value={otp} onChange={setOtp} description={t('security.otp.confirmHelp')} errorMessage={errors.fieldErrors.otp} announceError />
        <div className="mk-actions">
          <div className="mk-action">
            <Button type="submit" appearance="primary-action-button" busy={busy}>{t('security.otp.confirm')}</Button>
            <ActionError message={errors.actionError} />
          </div>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('security.cancel')}</Button>
        </div>
      </form>
    </>
  );
}

function RecoveryCodes({ codes, headingRef }: { codes: readonly string[]; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // This login has a second factor now: who it is and what it may do is asked again, then home.
  const done = async () => {
    setBusy(true);
    setError(null);
    try {
      await refreshMe(queryClient);
      navigate('/');
    } catch (e) {
      setError(e instanceof Error ? e.message : t('errors.unknown'));
      setBusy(false);
    }
  };

  return (
    <>
      <Heading3 ref={headingRef} tabIndex={-1}>{t('security.otp.codesTitle')}</Heading3>
      <Alert type="ok" role="status"><Paragraph>{t('security.otp.codesDone')}</Paragraph></Alert>
      <Paragraph>{t('security.otp.codesHelp')}</Paragraph>
      <ol className="mk-recovery-codes" aria-label={t('security.otp.codes')}>
        {codes.map((code) => <li key={code}><code>{code}</code></li>)}
      </ol>
      <div className="mk-actions">
        <div className="mk-action">
          <Button type="button" appearance="primary-action-button" busy={busy} onClick={() => void done()}>
            {t('security.otp.stored')}
          </Button>
          <ActionError message={error} />
        </div>
      </div>
    </>
  );
}
