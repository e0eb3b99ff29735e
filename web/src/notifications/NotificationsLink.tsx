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

/** The link's name: "Meldingen, 3 ongelezen", or "Meldingen" when nothing is unread (or not known yet). */
export function notificationsLinkName(t: TFunction, unread: number | undefined): string {
  return unread ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications');
}

export function NotificationsLink({ className }: { className: (state: { isActive: boolean }) => string }) {
  const { t } = useTranslation();
  const unread = useUnreadCount().data;
  const announcement = useArrivalAnnouncement(unread);
  // What is seen ("Meldingen" and the badge) and what is heard are two texts, so that the name is
  // exactly the sentence: a name built from both would read "Meldingen , 3". It starts with what
  // the link visibly says, as speech control users say it.
  return (
    <>
      <NavLink to="/meldingen" className={className}>
        <span aria-hidden="true">
          {t('nav.notifications')}
          {!!unread && <NumberBadge className="mk-count" value={String(unread)}>{unread}</NumberBadge>}
        </span>
        <span className="mk-visually-hidden">{notificationsLinkName(t, unread)}</span>
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
