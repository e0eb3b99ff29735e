// The referral a consult becomes after the specialist's advice "refer": the server fills in the
// letter (question, summary, answers, advice, the consult's number) for the practice's GP and
// assistant while the consult is answered; the GP, and only the GP, sends it in one action, which
// closes the consult as referred under its own number and thread. The consult keeps the letter
// (`referral`), which everyone who sees the consult reads.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Consult } from './api';

/** The letter a consult was referred with, who sent it and when. */
export type Referral = NonNullable<Consult['referral']>;

/**
 * Whether the viewer is offered the referral: the practice's GP or assistant, on an answered
 * consult whose advice is "refer". The server still decides (403, 409), and that is shown.
 */
export function offersReferral(consult: Consult): boolean {
  const ofPractice = consult.viewer_role === 'gp' || consult.viewer_role === 'assistant';
  return ofPractice && consult.status === 'answered' && consult.advice?.recommendation === 'refer';
}

/** Whether the viewer may send it: the server lets only the practice's GP refer. */
export function sendsReferral(consult: Consult): boolean {
  return offersReferral(consult) && consult.viewer_role === 'gp';
}

// Not under 'consults': the change poller's invalidations must not ask for the draft again (nor
// after sending, when the server answers 409). A new advice is a new draft, hence its time in the key.
export const referralKeys = {
  draft: (id: number, adviceAt: string) => ['referral-draft', id, adviceAt] as const,
};

/** The letter as the server fills it in for consult `id`, asked once per advice. */
export function useReferralDraft(consult: Consult) {
  const id = consult.id;
  return useQuery({
    queryKey: referralKeys.draft(id, consult.advice?.given_at ?? ''),
    queryFn: () => call(api.GET('/api/v1/consults/{id}/referral', { params: { path: { id } } })),
    staleTime: Infinity,
  });
}

/** `learned` undefined (not answered) is left out of the body, so the server names the field. */
export function sendReferral(id: number, letter: string, learned: boolean | undefined, rating: number) {
  return call(
    api.POST('/api/v1/consults/{id}/referral', {
      params: { path: { id } },
      body: { letter, learned: learned as boolean, rating },
    }),
  );
}
