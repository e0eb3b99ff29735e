// The caller's notifications, newest first: what happened (in words, by kind), the consult's number
// as a link to it, the specialty and when; unread ones marked in words and in bold. Opening a
// consult marks its notifications read on the server; "Alles gelezen" marks them all. Further
// pages load on request.
import {
  Button, Paragraph, SecondaryActionButton, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { specialtyName, useSpecialties } from '../consults/api';
import { formatDateTime } from '../lib/due';
import { markNotificationsRead, notificationKeys, useNotificationList, type Notification } from './api';
import { kindTitleKey } from './kinds';

export function NotificationList() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useNotificationList();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const markAllRead = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await markNotificationsRead();
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      setNotice(t('notifications.allReadDone'));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="mk-title-row">
        <Paragraph>
          {list.unread === undefined ? null : list.unread > 0
            ? t('notifications.unreadCount', { count: list.unread })
            : t('notifications.noneUnread')}
        </Paragraph>
        <div className="mk-action">
          <Button type="button" appearance="secondary-action-button" busy={busy} onClick={() => void markAllRead()}>
            {t('notifications.markAllRead')}
          </Button>
          <ActionError message={error} />
        </div>
      </div>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {list.isPending && <Loading />}
      <ActionError message={list.error?.message} />
      {list.isSuccess && list.items.length === 0 && <Paragraph>{t('notifications.empty')}</Paragraph>}
      {list.items.length > 0 && <NotificationTable items={list.items} />}
      {list.hasNextPage && (
        <SecondaryActionButton type="button" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('list.more')}
        </SecondaryActionButton>
      )}
    </>
  );
}

function NotificationTable({ items }: { items: readonly Notification[] }) {
  const { t, i18n } = useTranslation();
  const specialties = useSpecialties().data?.items;
  return (
    <div className="mk-table-scroll">
      <Table className="mk-notification-table">
        <TableCaption className="mk-visually-hidden">{t('notifications.title')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('notifications.column.what')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('notifications.column.consult')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('notifications.column.specialty')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('notifications.column.when')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id} className={item.read ? undefined : 'mk-row--unread'}>
              <TableCell>
                {t(kindTitleKey(item.kind))}
                {!item.read && (
                  <span className="mk-unread">
                    <span aria-hidden="true">● </span>
                    {t('notifications.unread')}
                  </span>
                )}
              </TableCell>
              <TableCell className="mk-nowrap">
                {item.consult_id === null ? item.consult_number : (
                  <Link className="utrecht-link" to={`/consults/${item.consult_id}`}>{item.consult_number}</Link>
                )}
              </TableCell>
              <TableCell>{specialtyName(specialties, item.specialty, i18n.language)}</TableCell>
              <TableCell><time dateTime={item.created_at}>{formatDateTime(item.created_at, i18n.language)}</time></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
