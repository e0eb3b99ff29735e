// The link of a new account, shown once: with it the invited person chooses a password and then
// sets up the authenticator app. How to hand it over: once, in person or by a trusted channel.
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { InvitationLink } from './api';
import { OneTimeLinkPanel } from './OneTimeLinkPanel';

export function InvitationLinkPanel({ name, link }: { name: string; link: InvitationLink }) {
  const { t } = useTranslation();
  return (
    <OneTimeLinkPanel title={t('users.invite.linkTitle', { name })} label={t('users.invite.linkLabel')} link={link}>
      <Paragraph>{t('users.invite.handOver', { name })}</Paragraph>
    </OneTimeLinkPanel>
  );
}
