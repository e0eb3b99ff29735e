// The consult view names its fields as the form does and, like the lists, shows the deadline only
// while the specialist's answer is awaited: after the advice, no "over 3 dagen".
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import type { Consult } from '../api';
import { consultFixture } from '../consultFixture';
import { ConsultDetails } from './ConsultDetails';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  useSpecialties: () => ({ data: undefined }),
}));

/** The GP's consult in `status`, with the actions the server allows the GP then. */
function consultIn(status: Consult['status'], allowed_actions: Consult['allowed_actions']): Consult {
  return consultFixture({ status, allowed_actions });
}

describe('ConsultDetails', () => {
  afterEach(cleanup);

  it('tells a pool specialist that the identity follows the claim, and never shows what it lacks', async () => {
    await i18n.changeLanguage('nl');
    const consult = { ...consultIn('sent', ['claim', 'forward', 'decline']), viewer_role: 'specialist' as const,
      patient: { birth_year: 1979, sex: 'female' as const, name: null, birth_date: null, bsn: null, withheld: true } };
    const { container } = render(<ConsultDetails consult={consult} />);
    expect(container.textContent).toContain('naam, geboortedatum en BSN ziet u zodra u het consult hebt opgepakt');
    expect(container.textContent).not.toContain('BSN null');
  });

  it('shows the deadline while the answer is awaited', async () => {
    await i18n.changeLanguage('nl');
    const { container } = render(<ConsultDetails consult={consultIn('claimed', [])} />);
    expect(container.querySelector('.mk-due time')?.textContent).toBe('over 3 dagen');
  });

  it('shows no deadline to the GP once the consult is answered', async () => {
    await i18n.changeLanguage('nl');
    const { container } = render(<ConsultDetails consult={consultIn('answered', ['question', 'close'])} />);
    expect(screen.getByText('Antwoord verwacht')).toBeTruthy();
    expect(container.querySelector('.mk-due time')).toBeNull();
    expect(container.textContent).not.toContain('over 3 dagen');
    expect(screen.getByText('Niet meer van toepassing')).toBeTruthy();
  });

  it("names the fields by the catalogue's labels", async () => {
    await i18n.changeLanguage('en');
    render(<ConsultDetails consult={consultIn('sent', ['cancel'])} />);
    expect(screen.getByText('Reason (ICPC code)')).toBeTruthy();
    expect(screen.getByText('Question for the specialist')).toBeTruthy();
    expect(screen.getByText('Would you have referred the patient without this consult?')).toBeTruthy();
  });
});
