// The coordinator's overview: open consults under the names of their pools, in the server's order
// (those needing attention first), each heading counting the pool's unclaimed and overdue
// consults, each row a link to the consult with its status and deadline and, in words, whether it
// is unclaimed or overdue; further pages load on request; an empty list says whose pools this
// overview shows.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSpecialties, type ConsultSummary } from '../consults/api';
import { consultFixture } from '../consults/consultFixture';
import { useConsultList } from '../consults/useConsultList';
import i18n from '../i18n/i18n';
import { usePools } from '../region/api';
import OverviewPage from './OverviewPage';

vi.mock('../consults/useConsultList', () => ({ useConsultList: vi.fn() }));
vi.mock('../consults/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../consults/api')>()),
  useSpecialties: vi.fn(),
}));
vi.mock('../region/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../region/api')>()),
  usePools: vi.fn(),
}));

const kDayMs = 86_400_000;

function summary(id: number, poolId: number, fields: Partial<ConsultSummary> = {}): ConsultSummary {
  return { ...consultFixture({ id, number: `MK-2026-000${id}` }), pool_id: poolId, ...fields } as ConsultSummary;
}

const kItems = [
  summary(1, 20, { status: 'claimed', due_at: new Date(Date.now() - kDayMs).toISOString() }),
  summary(2, 10),
  summary(3, 20, { status: 'info_requested' }),
];

const kListed = { items: kItems, isPending: false, isSuccess: true, error: null, hasNextPage: false, fetchNextPage: vi.fn() };

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter><OverviewPage /></MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('OverviewPage', () => {
  beforeEach(async () => {
    vi.mocked(useConsultList).mockReturnValue(kListed as never);
    vi.mocked(usePools).mockReturnValue({
      data: { items: [{ id: 10, name: 'Dermatologie Maasstad' }, { id: 20, name: 'Cardiologie Maasstad' }] },
    } as never);
    vi.mocked(useSpecialties).mockReturnValue({ data: undefined } as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('asks for the coordination box', () => {
    renderPage();
    expect(vi.mocked(useConsultList).mock.calls[0]![0]).toBe('coordination');
  });

  it("shows each pool by name, in the server's order, counting its unclaimed and overdue consults", () => {
    renderPage();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Cardiologie Maasstad (0 niet opgepakt, 1 over tijd)', 'Dermatologie Maasstad (1 niet opgepakt, 0 over tijd)',
    ]);
    const cardiology = screen.getByRole('region', { name: /^Cardiologie Maasstad/ });
    expect(within(cardiology).getAllByRole('link').map((link) => link.textContent)).toEqual(['MK-2026-0001', 'MK-2026-0003']);
  });

  it('marks in words each row that is unclaimed or overdue', () => {
    renderPage();
    const dermatology = screen.getByRole('region', { name: /^Dermatologie Maasstad/ });
    expect(within(dermatology).getByRole('link', { name: 'MK-2026-0002' }).getAttribute('href')).toBe('/consults/2');
    expect(within(dermatology).getByText('Verstuurd')).toBeTruthy();
    expect(within(dermatology).getByText('Niet opgepakt')).toBeTruthy();
    const [, overdue, onTime] = within(screen.getByRole('region', { name: /^Cardiologie Maasstad/ })).getAllByRole('row');
    expect(within(overdue!).getByText('Over tijd')).toBeTruthy();
    expect(within(overdue!).queryByText('Niet opgepakt')).toBeNull();
    expect(within(onTime!).queryByText('Over tijd')).toBeNull();
  });

  it('loads the next page on request', () => {
    const fetchNextPage = vi.fn();
    vi.mocked(useConsultList).mockReturnValue({ ...kListed, hasNextPage: true, fetchNextPage } as never);
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Meer laden' }));
    expect(fetchNextPage).toHaveBeenCalled();
  });

  it('says whose pools it shows when there are none', () => {
    vi.mocked(useConsultList).mockReturnValue({ ...kListed, items: [] } as never);
    renderPage();
    expect(screen.getByText(/^Er zijn geen open consulten\. Dit overzicht toont de pools van uw ziekenhuis, ZBC of kaderartsengroep/)).toBeTruthy();
  });
});
