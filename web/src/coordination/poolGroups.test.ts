// The overview's groups keep the server's order within and between pools, and count per pool the
// consults still unclaimed (sent) and those past their due time while an answer is awaited.
import { describe, expect, it } from 'vitest';
import type { ConsultSummary } from '../consults/api';
import { consultFixture } from '../consults/consultFixture';
import { groupByPool, isOverdue, isUnclaimed } from './poolGroups';

const kNow = new Date('2026-12-02T12:00:00Z');
const kPast = '2026-12-01T12:00:00Z';
const kFuture = '2026-12-04T12:00:00Z';

function summary(id: number, poolId: number | null, fields: Partial<ConsultSummary> = {}): ConsultSummary {
  return { ...consultFixture({ id, due_at: kFuture }), pool_id: poolId, ...fields } as ConsultSummary;
}

describe('isUnclaimed', () => {
  it.each([['sent', true], ['claimed', false], ['info_requested', false]] as const)('%s: %s', (status, unclaimed) => {
    expect(isUnclaimed(summary(1, 10, { status }))).toBe(unclaimed);
  });
});

describe('isOverdue', () => {
  it('is overdue once the due time has passed while the answer is awaited', () => {
    expect(isOverdue(summary(1, 10, { status: 'claimed', due_at: kPast }), kNow)).toBe(true);
    expect(isOverdue(summary(1, 10, { status: 'claimed', due_at: kFuture }), kNow)).toBe(false);
  });

  it('is not overdue without a due time or once answered', () => {
    expect(isOverdue(summary(1, 10, { due_at: null }), kNow)).toBe(false);
    expect(isOverdue(summary(1, 10, { status: 'answered', due_at: kPast }), kNow)).toBe(false);
  });
});

describe('groupByPool', () => {
  const kItems = [
    summary(1, 20, { status: 'claimed', due_at: kPast }),
    summary(2, 10),
    summary(3, 20, { status: 'sent', due_at: kPast }),
    summary(4, 20, { status: 'info_requested' }),
    summary(5, null),
  ];

  it("keeps the server's order: pools by their first consult, consults as listed", () => {
    expect(groupByPool(kItems, kNow).map((g) => [g.poolId, g.items.map((item) => item.id)])).toEqual([
      [20, [1, 3, 4]], [10, [2]], [null, [5]],
    ]);
  });

  it('counts the unclaimed and the overdue consults of each pool', () => {
    expect(groupByPool(kItems, kNow).map((g) => [g.poolId, g.unclaimed, g.overdue])).toEqual([
      [20, 1, 2], [10, 1, 0], [null, 1, 0],
    ]);
  });
});
