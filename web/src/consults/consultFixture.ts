// A complete consult as GET /api/v1/consults/{id} returns it, for the unit tests of the screens
// that show one: a GP's sent consult (with what the server allows the GP on it then), changed
// by `fields`. Not part of the app; only tests import it.
import type { Consult } from './api';

const kDayMs = 86_400_000;

export function consultFixture(fields: Partial<Consult> = {}): Consult {
  const now = new Date().toISOString();
  return {
    id: 7, number: 'MK-2026-0007', status: 'sent', specialty: 'dermatologie', mode: 'digital', icpc: 'S88',
    icpc_description: 'Contacteczeem', due_at: new Date(Date.now() + 3 * kDayMs + 60_000).toISOString(),
    sent_at: now, created_at: now, updated_at: now, patient: { birth_year: 1979, sex: 'female' },
    question: 'Handeczeem: eerst behandelen?', clinical_summary: '', intended_referral: true, consent: true,
    practice: { id: 1, name: 'Praktijk De Linde' }, pool: null, specialist: null, decline_reason: null, thread: [],
    advice: null, outcome: null, attachments: [], viewer_role: 'gp', version: 3, forward_pools: [],
    assign_specialists: [], allowed_actions: ['cancel'], template: null, template_answers: {}, agreement_version: null,
    booking: null, closed_at: null, specialist_minutes: 0, question_rating: null, referral: null,
    ...fields,
  };
}
