// The list of agreements: per agreement the pool (a link to its page), the GP organisations,
// specialty, modes, response time, template, fees in euros and whether it is in force; and for a
// role that does not keep the region, only that it is not theirs (the server is not asked).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { kMeKey, type Role, type User } from '../../session/session';
import { useAgreements } from '../api';
import { kAgreement } from '../regionFixture';
import AgreementsPage from './AgreementsPage';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  useAgreements: vi.fn(),
}));

function me(role: Role): User {
  return {
    id: 16, username: 'coordinator.zorggroep', display_name: 'Marieke de Groot', roles: [role], pools: [],
    memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond Zuid', organisation_kind: 'care_group', role }],
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

function renderPage(role: Role) {
  const client = new QueryClient();
  client.setQueryData(kMeKey, me(role));
  render(<QueryClientProvider client={client}><MemoryRouter><AgreementsPage /></MemoryRouter></QueryClientProvider>);
}

describe('AgreementsPage', () => {
  beforeEach(async () => {
    vi.mocked(useAgreements).mockReset().mockReturnValue({
      data: { items: [kAgreement, { ...kAgreement, id: 15, template: null, in_force: false, valid_to: '2025-12-31', valid_from: '2025-01-01' }] },
      isPending: false, isSuccess: true, error: null,
    } as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('lists each agreement with what it settles, the fees in euros', () => {
    renderPage('coordinator');
    const [, first, second] = screen.getAllByRole('row');
    const link = within(first!).getByRole('link', { name: 'Gynaecologie Ikazia (met Zorggroep Rijnmond Zuid)' });
    expect(link.getAttribute('href')).toBe('/afspraken/14');
    const cells = within(first!).getAllByRole('cell').map((cell) => cell.textContent?.replace(/\s/g, ' '));
    expect(cells).toEqual([
      'Zorggroep Rijnmond Zuid', 'gynaecologie', 'Digitaal', '4 werkdagen', 'Cyclusklachten (versie 2)',
      'huisarts € 25,00, specialist € 45,50', 'Javanaf 1 januari 2026',
    ]);
    expect(within(second!).getByText('Geen vragenlijst')).toBeTruthy();
    expect(within(second!).getByText('Nee')).toBeTruthy();
    expect(within(second!).getByText('1 januari 2025 t/m 31 december 2025')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nieuwe afspraak' }).getAttribute('href')).toBe('/afspraken/nieuw');
  });

  it('is not for other roles, and asks the server nothing for them', () => {
    renderPage('gp');
    expect(screen.getByText('Dit scherm is voor coördinatoren en beheerders.')).toBeTruthy();
    expect(useAgreements).not.toHaveBeenCalled();
  });
});
