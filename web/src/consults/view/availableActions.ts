// Which actions the consult view offers, by how the viewer relates to the consult (viewer_role)
// and its status: the life-cycle table of DESIGN.md, seen from the UI. The server decides anyway;
// this only keeps buttons away that would certainly be refused.
import type { Consult, ConsultStatus } from '../api';

export type ViewerRole = Consult['viewer_role'];

export type ConsultAction =
  | 'edit' | 'send' | 'cancel' | 'reply' | 'question' | 'close'
  | 'claim' | 'info_request' | 'advice' | 'decline' | 'forward';

type Table = Partial<Record<ConsultStatus, readonly ConsultAction[]>>;

const kActions: Record<ViewerRole, Table> = {
  gp: {
    draft: ['edit', 'send', 'cancel'],
    sent: ['cancel'],
    info_requested: ['reply'],
    answered: ['question', 'close'],
    declined: ['close'],
  },
  assistant: {
    draft: ['edit'],
    info_requested: ['reply'],
  },
  specialist: {
    sent: ['claim', 'decline', 'forward'],
    claimed: ['info_request', 'advice', 'decline'],
  },
  coordinator: {
    sent: ['forward'],
  },
};

export function availableActions(viewer: ViewerRole, status: ConsultStatus): readonly ConsultAction[] {
  return kActions[viewer]?.[status] ?? [];
}
