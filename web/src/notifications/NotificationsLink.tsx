// "Meldingen" in the main menu, with the number of unread notifications as a badge. The link's
// name says the number in words ("Meldingen, 3 ongelezen"), and a notification that arrives while
// the user works is announced politely once. The count refreshes when the change poller sees the
// fingerprint move.
import { NumberBadge } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useUnreadCount } from './api';

/** The link's accessible name: "Meldingen" alone when nothing is unread (or not known yet). */
export function notificationsLinkLabel(t: TFunction, unread: number | undefined): string {
  return unread ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications');
}

export function NotificationsLink({ className }: { className: (state: { isActive: boolean }) => string }) {
  const { t } = useTranslation();
  const unread = useUnreadCount().data;
  const announcement = useArrivalAnnouncement(unread);
  return (
    <>
      <NavLink to="/meldingen" className={className} aria-label={notificationsLinkLabel(t, unread)}>
        {t('nav.notifications')}
        {!!unread && <NumberBadge className="mk-count" aria-hidden="true" value={String(unread)}>{unread}</NumberBadge>}
      </NavLink>
      <span role="status" className="mk-visually-hidden">{announcement}</span>
    </>
  );
}

/** "1 nieuwe melding" when the count rises after the first answer; nothing on the first answer or a fall. */
function useArrivalAnnouncement(unread: number | undefined): string {
  const { t } = useTranslation();
  const previous = useRef<number | undefined>(undefined);
  const [text, setText] = useState('');
  useEffect(() => {
    if (unread === undefined) return;
    if (previous.current !== undefined && unread > previous.current) {
      setText(t('notifications.arrived', { count: unread - previous.current }));
    }
    previous.current = unread;
  }, [unread, t]);
  return text;
}
