// Every kind of notification has a title in Dutch and in English, each its own; the list and the
// mail choices offer the same fifteen kinds (the physical session's three among them), the outgoing
// mail the invitation and summary too.
import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { kAllKinds, kindTitleKey, kListedKinds } from './kinds';

describe('notification kinds', () => {
  it.each([
    ['consult_sent', 'Nieuwe consultatie', 'New consult'],
    ['consult_claimed', 'In behandeling genomen', 'Taken on'],
    ['info_requested', 'Informatie gevraagd', 'Information requested'],
    ['replied', 'Antwoord van de huisarts', 'Reply from the GP'],
    ['advice_given', 'Advies ontvangen', 'Advice received'],
    ['follow_up', 'Vervolgvraag', 'Follow-up question'],
    ['declined', 'Afgewezen', 'Declined'],
    ['forwarded', 'Doorgestuurd', 'Forwarded'],
    ['assigned', 'Aan u toegewezen', 'Assigned to you'],
    ['closed', 'Afgesloten', 'Closed'],
    ['unclaimed_escalated', 'Nog niet opgepakt', 'Not yet taken on'],
    ['overdue', 'Termijn verstreken', 'Deadline passed'],
    ['booked', 'Geboekt op het spreekuur', 'Booked into a session'],
    ['session_moved', 'Spreekuur verplaatst', 'Session moved'],
    ['session_cancelled', 'Spreekuur vervallen', 'Session cancelled'],
    ['invitation', 'Uitnodiging', 'Invitation'],
    ['digest', 'Dagelijks overzicht', 'Daily summary'],
  ] as const)('%s is "%s" and "%s"', (kind, nl, en) => {
    expect(i18n.getFixedT('nl')(kindTitleKey(kind))).toBe(nl);
    expect(i18n.getFixedT('en')(kindTitleKey(kind))).toBe(en);
  });

  it('gives each kind its own title in both languages', () => {
    for (const language of ['nl', 'en']) {
      const titles = kAllKinds.map((kind) => i18n.getFixedT(language)(kindTitleKey(kind)));
      expect(new Set(titles).size).toBe(kAllKinds.length);
    }
  });

  it('lists fifteen kinds, without the invitation and the summary, which come only by mail', () => {
    expect(kListedKinds).toHaveLength(15);
    expect(kListedKinds.slice(-3)).toEqual(['booked', 'session_moved', 'session_cancelled']);
    expect(kListedKinds).not.toContain('invitation');
    expect(kAllKinds.slice(-2)).toEqual(['invitation', 'digest']);
  });
});
