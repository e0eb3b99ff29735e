// /meldingen: the caller's notifications (what happened with the consults they work on), below
// them which of those also come by e-mail, and the secret address at which a calendar program
// follows the caller's physical sessions and bookings: everything that reaches the caller outside
// meekijk. Every role that takes part in consults has notifications, so the screen is for everyone
// logged in.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { CalendarFeedPanel } from '../clinic/CalendarFeedPanel';
import { usePageTitle } from '../lib/usePageTitle';
import { MailSettingsForm } from './MailSettingsForm';
import { NotificationList } from './NotificationList';

export default function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  return (
    <div className="mk-notifications">
      <Heading1>{t('notifications.title')}</Heading1>
      <Paragraph>
        {t('notifications.intro')}{' '}
        <a className="utrecht-link" href="#mail-settings">{t('notifications.toMailSettings')}</a>{' '}
        <a className="utrecht-link" href="#calendar-feed">{t('notifications.toCalendarFeed')}</a>
      </Paragraph>
      <NotificationList />
      <MailSettingsForm />
      <CalendarFeedPanel />
    </div>
  );
}
