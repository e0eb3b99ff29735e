// A freshly made password reset link, with whether it resets the second factor too and how to hand
// it over (once, in person, never by mail with a password).
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ManagedUser, PasswordResetLink } from './api';
import { OneTimeLinkPanel } from './OneTimeLinkPanel';

export function ResetLinkPanel({ user, link }: { user: ManagedUser; link: PasswordResetLink }) {
  const { t } = useTranslation();
  const name = user.display_name;
  return (
    <OneTimeLinkPanel title={t('users.link.title', { name })} label={t('users.link.label')} link={link}>
      {link.second_factor && <Paragraph>{t('users.link.secondFactor', { name })}</Paragraph>}
      <Paragraph>
        {link.second_factor ? t('users.link.handOverSecondFactor', { name }) : t('users.link.handOver', { name })}
      </Paragraph>
    </OneTimeLinkPanel>
  );
}
