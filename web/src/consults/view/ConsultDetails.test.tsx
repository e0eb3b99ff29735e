// The consult view names its fields as the form does and, like the lists, shows the deadline only
// while the specialist's answer is awaited: after the advice, no "over 3 dagen".
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import type { Consult } from '../api';
import { ConsultDetails } from './ConsultDetails';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  useSpecialties: () => ({ data: undefined }),
}));

function consultIn(status: Consult['status']): Consult {
  const now = new Date().toISOString();
  return {
    id: 7, number: 'MK-2026-0007', status, specialty: 'dermatologie', mode: 'digital', icpc: 'S88',
    icpc_description: 'Contacteczeem', due_at: new Date(Date.now() + 3 * 86_400_000 + 60_000).toISOString(),
    sent_at: now, created_at: now, updated_at: now, patient: { birth_year: 1979, sex: 'female' },
    question: 'Handeczeem: eerst behandelen?', clinical_summary: '', intended_referral: true, consent: true,
    practice: { id: 1, name: 'Praktijk De Linde' }, pool: null, specialist: null, decline_reason: null, thread: [],
    advice: null, outcome: null, attachments: [], viewer_role: 'gp', version: 3, forward_pools: [],
  };
}

describe('ConsultDetails', () => {
  afterEach(cleanup);

  it('tells a pool specialist that the identity follows the claim, and never shows what it lacks', async () => {
    await i18n.changeLanguage('nl');
    const consult = { ...consultIn('sent'), viewer_role: 'specialist' as const,
      patient: { birth_year: 1979, sex: 'female' as const, name: null, birth_date: null, bsn: null, withheld: true } };
    const { container } = render(<ConsultDetails consult={consult} />);
    expect(container.textContent).toContain('naam, geboortedatum en BSN ziet u zodra u het consult hebt opgepakt');
    expect(container.textContent).not.toContain('BSN null');
  });

  it('shows the deadline while the answer is awaited', async () => {
    await i18n.changeLanguage('nl');
    const { container } = render(<ConsultDetails consult={consultIn('claimed')} />);
    expect(container.querySelector('.mk-due time')?.textContent).toBe('over 3 dagen');
  });

  it('shows no deadline to the GP once the consult is answered', async () => {
    await i18n.changeLanguage('nl');
    const { container } = render(<ConsultDetails consult={consultIn('answered')} />);
    expect(screen.getByText('Antwoord verwacht')).toBeTruthy();
    expect(container.querySelector('.mk-due time')).toBeNull();
    expect(container.textContent).not.toContain('over 3 dagen');
    expect(screen.getByText('Niet meer van toepassing')).toBeTruthy();
  });

  it("names the fields by the catalogue's labels", async () => {
    await i18n.changeLanguage('en');
    render(<ConsultDetails consult={consultIn('sent')} />);
    expect(screen.getByText('Reason (ICPC code)')).toBeTruthy();
    expect(screen.getByText('Question for the specialist')).toBeTruthy();
    expect(screen.getByText('Would you have referred the patient without this consult?')).toBeTruthy();
  });
});
