// The first screen: log in with username and password. Kept light (no lazy chunk needed), since
// it is what every visit starts with. After log-in it returns to where the user was going, so a
// form interrupted by an expired session is found again as it was left.
import {
  Alert,
  FormFieldTextbox,
  Heading1,
  Page,
  PageContent,
  PageHeader,
  Paragraph,
  PrimaryActionButton,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { placeError, kNoErrors, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSessionExpired } from './expiry';
import { logIn, useMe } from './session';

const kFields = ['username', 'password'] as const;

/** Only paths inside this app are followed after log-in (no open redirect). */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
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
    <Page className="mk-page mk-page--narrow">
      <PageHeader className="mk-header">
        <span className="mk-brand">meekijk</span>
        <LanguageSwitch />
      </PageHeader>
      <PageContent>
        <main id="main">
          <Heading1>{t('login.title')}</Heading1>
          <Paragraph>{t('login.intro')}</Paragraph>
          {expired && (
            <Alert type="warning" role="status">
              <Paragraph>{t('login.expired')}</Paragraph>
            </Alert>
          )}
          <form onSubmit={submit} noValidate className="mk-form" aria-label={t('login.title')}>
            <FormFieldTextbox
              label={t('login.username')}
              name="username"
              autoComplete="username"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              invalid={!!errors.fieldErrors.username}
              errorMessage={errors.fieldErrors.username}
              required
            />
            <FormFieldTextbox
              label={t('login.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              invalid={!!errors.fieldErrors.password}
              errorMessage={errors.fieldErrors.password}
              required
            />
            <div className="mk-actions">
              <PrimaryActionButton type="submit" busy={busy}>
                {t('login.submit')}
              </PrimaryActionButton>
              <ActionError message={errors.actionError} />
            </div>
          </form>
        </main>
      </PageContent>
    </Page>
  );
}
