// What happened, by kind of notification: the kinds a person sees in the list and chooses the mail
// of (in the order the settings show them), and the key of each kind's title in the locales.
import type { NotificationKind } from './api';

/** Kinds that appear in the list and in the mail choices; the invitation and the digest are mail only. */
export const kListedKinds = [
  'consult_sent', 'consult_claimed', 'info_requested', 'replied', 'advice_given', 'follow_up', 'declined',
  'forwarded', 'assigned', 'closed', 'unclaimed_escalated', 'overdue', 'booked', 'session_moved', 'session_cancelled',
] as const satisfies readonly NotificationKind[];

/** Every kind of mail, the invitation and the daily summary too (the outgoing mail lists them all). */
export const kAllKinds: readonly NotificationKind[] = [...kListedKinds, 'invitation', 'digest'];

/** The locale key of the kind's title: "Nieuwe consultatie" for consult_sent. */
export function kindTitleKey(kind: NotificationKind): `notifications.kind.${NotificationKind}` {
  return `notifications.kind.${kind}`;
}
