// The outgoing mail on the server (the outbox the workers deliver from): coordinators see the mails
// to the people of their organisations, administrators all, newest first (at most 200); others get
// 403. A mail not yet delivered can be tried again at once; a delivered one answers 409.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type OutboxMail = components['schemas']['OutboxMail'];
export type MailStatus = OutboxMail['status'];

/** In the order the filter offers them; the undelivered first, as that is what a keeper looks for. */
export const kMailStatuses: readonly MailStatus[] = ['dead', 'pending', 'delivered'];

export const mailOutboxKeys = {
  all: ['mail-outbox'] as const,
  list: (status: MailStatus) => ['mail-outbox', status] as const,
};

export function useMailOutbox(status: MailStatus) {
  return useQuery({
    queryKey: mailOutboxKeys.list(status),
    queryFn: () => call(api.GET('/api/v1/outbox', { params: { query: { status } } })),
  });
}

/** Tries the mail again now, under the same Message-ID; returns it as it is afterwards. */
export function retryMail(id: number) {
  return call(api.POST('/api/v1/outbox/{id}/retry', { params: { path: { id } } }));
}

/** The status named in the address (`?status=`), else the undelivered ("dead"). */
export function statusFromParam(value: string | null): MailStatus {
  return kMailStatuses.find((s) => s === value) ?? 'dead';
}
