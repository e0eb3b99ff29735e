// A pool's week roster on the server: who is on duty in an ISO week and who is away. New consults
// go to those on duty first (to the others when they are away; to everyone without a roster). The
// pool's members and coordinators read it; only its coordinators set it (`may_change`).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Roster = components['schemas']['Roster'];
export type RosterMember = Roster['members'][number];

export const rosterKeys = {
  all: ['rosters'] as const,
  /** `week` null: the current week, as the server counts it. */
  one: (poolId: number, week: string | null) => ['rosters', poolId, week ?? 'current'] as const,
};

/** The roster of `poolId` in `week` (the current week when null); the previous week's stays on screen while the next loads. */
export function useRoster(poolId: number, week: string | null) {
  return useQuery({
    queryKey: rosterKeys.one(poolId, week),
    queryFn: () => call(api.GET('/api/v1/pools/{id}/roster', { params: { path: { id: poolId }, query: week ? { week } : {} } })),
    placeholderData: keepPreviousData,
  });
}

/** Puts exactly `userIds` on duty in `week`; 403 for someone who does not coordinate the pool. */
export function setRoster(poolId: number, week: string, userIds: readonly number[]) {
  return call(api.PUT('/api/v1/pools/{id}/roster', { params: { path: { id: poolId } }, body: { week, user_ids: [...userIds] } }));
}
