// The caller's notifications on the server: the list (newest first, paged by `before`) with the
// unread count, marking them read, and the choices of what comes by mail. Types from the OpenAPI
// contract. Every list key starts with 'notifications', so the change poller (useChangesPolling)
// refreshes the list and the badge's count with one invalidation when the user gets a notification
// or reads one; the mail choices have a key of their own, so a form being filled in is not reset.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Notification = components['schemas']['Notification'];
export type NotificationKind = Notification['kind'];
export type NotificationSettings = components['schemas']['NotificationSettings'];
export type NotificationSettingsChange = components['schemas']['NotificationSettingsChange'];
export type Delivery = NotificationSettings['kinds'][number]['delivery'];
export type MailLanguage = NotificationSettings['language'];

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  settings: ['notification-settings'] as const,
};

const kPageSize = 30;

/** How many of the caller's notifications are unread; one item is fetched along, which the badge ignores. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await call(api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } }))).unread,
  });
}

/** The caller's notifications page by page, newest first; `unread` counts all of them, not only those loaded. */
export function useNotificationList() {
  const query = useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/notifications', { params: { query: { before: pageParam, limit: kPageSize } } })),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.next_before ?? undefined,
  });
  const pages = query.data?.pages ?? [];
  return { ...query, items: pages.flatMap((page) => page.items), unread: pages[0]?.unread };
}

/** Marks the named notifications read, or every one without `ids`; returns the unread count after. */
export function markNotificationsRead(ids?: readonly number[]) {
  return call(api.POST('/api/v1/notifications/read', { body: ids ? { ids: [...ids] } : {} }));
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: () => call(api.GET('/api/v1/me/notification-settings')),
  });
}

/** What is left out stays; `reset_kinds` first puts every kind back to its default. 422 names the field. */
export function changeNotificationSettings(body: NotificationSettingsChange) {
  return call(api.PATCH('/api/v1/me/notification-settings', { body }));
}
