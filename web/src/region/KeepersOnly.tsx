// The region screens are for those who keep the region: coordinators and administrators. Others
// are told so under the screen's title, and the server is not asked. Each screen names itself
// (usePageTitle) inside `children`.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import { hasRole, useMe, type User } from '../session/session';

export function keepsRegion(user: User | null | undefined): boolean {
  return hasRole(user, 'coordinator') || hasRole(user, 'admin');
}

function NotForYou({ title }: { title: string }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>{t('region.notForYou')}</Paragraph>
    </>
  );
}

export function KeepersOnly({ title, children }: { title: string; children: ReactNode }) {
  const { user } = useMe();
  if (!user) return <Loading />;
  if (!keepsRegion(user)) return <NotForYou title={title} />;
  return <>{children}</>;
}
