// The coordinator's open consults by pool, as the overview shows them: pools in the order of
// their first consult and each pool's consults in the server's order (those needing attention
// first, then by due time), with how many in each are unclaimed and how many overdue.
// Pure functions: unit-tested.
import type { ConsultSummary } from '../consults/api';
import { deadlineApplies } from '../lib/due';

export interface PoolGroup {
  poolId: number | null;
  items: ConsultSummary[];
  unclaimed: number;
  overdue: number;
}

/** Sent and not yet claimed by any specialist of the pool. */
export function isUnclaimed(item: ConsultSummary): boolean {
  return item.status === 'sent';
}

/** Still awaiting the specialist's answer after its due time. */
export function isOverdue(item: ConsultSummary, now: Date): boolean {
  return !!item.due_at && deadlineApplies(item.status) && new Date(item.due_at).getTime() < now.getTime();
}

export function groupByPool(items: readonly ConsultSummary[], now: Date): PoolGroup[] {
  const groups = new Map<number | null, PoolGroup>();
  for (const item of items) {
    const key = item.pool_id ?? null;
    let group = groups.get(key);
    if (!group) {
      group = { poolId: key, items: [], unclaimed: 0, overdue: 0 };
      groups.set(key, group);
    }
    group.items.push(item);
    if (isUnclaimed(item)) group.unclaimed += 1;
    if (isOverdue(item, now)) group.overdue += 1;
  }
  return [...groups.values()];
}
