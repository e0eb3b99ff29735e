import { describe, expect, it } from 'vitest';
import { availableActions } from './availableActions';

describe('availableActions', () => {
  it.each([
    ['gp', 'draft', ['edit', 'send', 'cancel']],
    ['assistant', 'draft', ['edit']],
    ['gp', 'info_requested', ['reply']],
    ['assistant', 'info_requested', ['reply']],
    ['gp', 'answered', ['question', 'close']],
    ['gp', 'declined', ['close']],
    ['specialist', 'sent', ['claim', 'decline', 'forward']],
    ['specialist', 'claimed', ['info_request', 'advice', 'decline']],
    ['coordinator', 'sent', ['forward']],
  ] as const)('%s on %s may %j', (viewer, status, expected) => {
    expect(availableActions(viewer, status)).toEqual(expected);
  });

  it.each([
    ['assistant', 'answered'],
    ['specialist', 'answered'],
    ['gp', 'closed'],
    ['specialist', 'closed'],
    ['gp', 'cancelled'],
  ] as const)('%s on %s may do nothing', (viewer, status) => {
    expect(availableActions(viewer, status)).toEqual([]);
  });
});
