// /security: the user's second factor (set it up, or a new one), their password and their
// sessions. A login that must set up a second factor first is sent here from every other screen
// (RequireAuth) and told why.
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import { mustEnrolSecondFactor, useMe } from '../session/session';
import { OtpEnrolment } from './OtpEnrolment';
import { PasswordChangeForm } from './PasswordChangeForm';
import { SessionList } from './SessionList';

export default function SecurityPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  usePageTitle(t('security.title'));
  if (!user) return <Loading />;
  return (
    <div className="mk-security">
      <Heading1>{t('security.title')}</Heading1>
      <Paragraph>{t('security.intro')}</Paragraph>
      {mustEnrolSecondFactor(user) && (
        <Alert type="warning" role="status"><Paragraph>{t('security.required')}</Paragraph></Alert>
      )}
      <OtpEnrolment user={user} />
      {!mustEnrolSecondFactor(user) && <PasswordChangeForm />}
      <SessionList />
    </div>
  );
}
