// "/" takes each person to their own work list: the outbox for those who write consults, the
// pool for those who answer them, the access log for a privacy officer, the users for a
// coordinator or an administrator, the triple-aim results for an analyst.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { hasRole, useMe } from '../session/session';

export default function HomeRedirect() {
  const { t } = useTranslation();
  const { user } = useMe();
  if (hasRole(user, 'gp') || hasRole(user, 'assistant')) return <Navigate to="/outbox" replace />;
  if (hasRole(user, 'specialist')) return <Navigate to="/pool" replace />;
  if (hasRole(user, 'privacy_officer')) return <Navigate to="/access-log" replace />;
  if (hasRole(user, 'coordinator') || hasRole(user, 'admin')) return <Navigate to="/gebruikers" replace />;
  if (hasRole(user, 'analyst')) return <Navigate to="/resultaten" replace />;
  return (
    <>
      <Heading1>{t('home.title')}</Heading1>
      <Paragraph>{t('home.noScreens')}</Paragraph>
    </>
  );
}
