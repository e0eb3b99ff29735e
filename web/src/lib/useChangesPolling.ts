// New messages, status changes and notifications without reloading: asks GET /api/v1/changes every
// few seconds and, when its fingerprint moves, marks every consult query, the notifications (list
// and unread count) and the physical sessions stale so visible ones refetch. Not the day list:
// every read of it is access-logged, so it is read when its page opens.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, call } from '../api/client';
import { clinicKeys } from '../clinic/api';
import { consultKeys } from '../consults/api';
import { notificationKeys } from '../notifications/api';

export const kChangesIntervalMs = 5_000;

/**
 * Polls for changes; returns whether the first fingerprint has come (or failed to come).
 *
 * The first fingerprint is the baseline every later one is compared with, so it must be older
 * than whatever a screen shows: a consult fetched before it, with a change landing between the
 * two, would stay stale for good. The caller therefore shows its screens only once this is true.
 */
export function useChangesPolling(): boolean {
  const queryClient = useQueryClient();
  const { data, isFetched } = useQuery({
    queryKey: ['changes'],
    queryFn: () => call(api.GET('/api/v1/changes')),
    refetchInterval: kChangesIntervalMs,
    staleTime: 0,
  });
  const lastFingerprint = useRef<string | null>(null);

  useEffect(() => {
    if (!data) return;
    if (lastFingerprint.current !== null && lastFingerprint.current !== data.fingerprint) {
      void queryClient.invalidateQueries({ queryKey: consultKeys.all });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      void queryClient.invalidateQueries({ queryKey: clinicKeys.sessions });
    }
    lastFingerprint.current = data.fingerprint;
  }, [data, queryClient]);

  return isFetched;
}
