// The consult view names its fields as the form does and, like the lists, shows the deadline only
// while the specialist's answer is awaited: after the advice, no "over 3 dagen". The answers to
// the pool's template stand under its name, each with its question: yes/no in words, a number
// with its unit.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import type { Consult } from '../api';
import { kCycleTemplate } from '../../region/regionFixture';
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

  it("shows the template's answers under its name, each with its question", async () => {
    await i18n.changeLanguage('nl');
    const consult = consultFixture({
      template: kCycleTemplate, attachments: [],
      template_answers: { cyclusduur: 28.5, pijn: false, soort: 'Te veel', sinds: '2026-05-01' },
    });
    render(<ConsultDetails consult={consult} />);
    const answers = screen.getByRole('region', { name: 'Cyclusklachten' });
    const value = (term: string) => within(answers).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Cyclusduur')).toBe('28,5 dagen');
    expect(value('Pijn bij de menstruatie?')).toBe('Nee');
    expect(value('Welk bloedverlies?')).toBe('Te veel');
    expect(value('Sinds wanneer?')).toBe('1 mei 2026');
    expect(value('Hoe is het beloop?')).toBe('Niet beantwoord');
    expect(value('Echo-verslag')).toBe('Niet beantwoord');
  });

  it('says Yes in English, and points a photo question to the attachments', async () => {
    await i18n.changeLanguage('en');
    const attachment = { id: 3, filename: 'echo.pdf', content_type: 'application/pdf', size: 1000, created_at: new Date().toISOString() };
    render(<ConsultDetails consult={consultFixture({ template: kCycleTemplate, template_answers: { pijn: true }, attachments: [attachment] as never })} />);
    const answers = screen.getByRole('region', { name: 'Cyclusklachten' });
    expect(within(answers).getByText('Pijn bij de menstruatie?', { selector: 'dt' }).nextElementSibling?.textContent).toBe('Yes');
    expect(within(answers).getByText('Echo-verslag', { selector: 'dt' }).nextElementSibling?.textContent).toBe('See the attachments');
  });

  it('shows no template part for a consult without one', async () => {
    await i18n.changeLanguage('nl');
    render(<ConsultDetails consult={consultFixture()} />);
    expect(screen.queryByRole('region')).toBeNull();
  });
});
