// The privacy officer's access log: the filters become the API's query (days as Amsterdam day
// bounds, the last day included), "Meer laden" asks for the rows before the last one, a wrong user
// number is said before sending and a refused filter at its field, the export asks for password
// and code when the server wants them and then downloads toegangslog.csv; a GP is not offered it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import i18n from '../i18n/i18n';
import { saveBlob } from '../lib/download';
import type { User } from '../session/session';
import AccessLogPage from './AccessLogPage';
import type { AccessLogPage as Page, AccessLogRow } from './api';

vi.mock('../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/client')>()),
  api: { GET: vi.fn(), POST: vi.fn() },
}));

vi.mock('../lib/download', () => ({ saveBlob: vi.fn() }));

let currentUser: User;
vi.mock('../session/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../session/session')>()),
  useMe: () => ({ user: currentUser, isError: false }),
}));

const kOrganisation = 5;

function user(role: User['roles'][number]): User {
  return {
    id: 40, username: role === 'gp' ? 'huisarts.devries' : 'privacy.kralingen', display_name: 'Jan de Boer',
    roles: [role], pools: [], second_factor: { enrolled: true, this_login: true, required: false },
    memberships: [{ organisation_id: kOrganisation, organisation_name: 'Huisartsenpraktijk Kralingen', organisation_kind: 'gp_practice', role }],
  };
}

function row(id: number, fields: Partial<AccessLogRow> = {}): AccessLogRow {
  return {
    id, at: '2026-03-02T08:15:30Z', user_id: 3, username: 'huisarts.devries', role: 'gp', organisation_id: kOrganisation,
    on_behalf_of: null, action: 'consult.read', consult_id: 9, patient_ref: 'MK-2026-00009', client_address: '192.0.2.10', api_client: '',
    outcome: 'success', detail: '', ...fields,
  };
}

type Answer = { data?: unknown; error?: unknown; response: { ok: boolean; status: number } };
const ok = (data: unknown): Promise<Answer> => Promise.resolve({ data, response: { ok: true, status: 200 } });
const refused = (status: number, code: string, message: string, field?: string): Promise<Answer> =>
  Promise.resolve({ error: { error: { code, message, field } }, response: { ok: false, status } });

/** Each GET so far: its path and options (the client's overloads leave the mock's own type empty). */
const getCalls = () => vi.mocked(api.GET).mock.calls as unknown as [string, unknown][];

/** The query of each GET to `path`, in order. */
function queriesTo(path: string) {
  return getCalls()
    .filter(([p]) => p === path)
    .map(([, options]) => (options as { params: { query: Record<string, unknown> } }).params.query);
}

function renderPage(address = '/access-log') {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[address]}>
        <Routes><Route path="/access-log" element={<AccessLogPage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const searchPages = new Map<number | undefined, Page>();

describe('AccessLogPage', () => {
  beforeEach(async () => {
    currentUser = user('privacy_officer');
    searchPages.clear();
    searchPages.set(undefined, { items: [row(12), row(11, { outcome: 'forbidden', action: 'consult.claim' })] });
    vi.mocked(api.GET).mockReset().mockImplementation(((path: string, options: { params: { query: { before?: number } } }) =>
      path === '/api/v1/access-log' ? ok(searchPages.get(options.params.query.before) ?? { items: [] }) : ok(new Blob(['id,at\r\n']))) as never);
    vi.mocked(api.POST).mockReset();
    vi.mocked(saveBlob).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('shows the newest rows with Amsterdam time, the action and outcome in words', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: 'Toegangen, nieuwste eerst' });
    const [header, first, second] = within(table).getAllByRole('row');
    expect(within(header!).getAllByRole('columnheader').map((th) => th.getAttribute('scope'))).toEqual(Array(8).fill('col'));
    expect(within(first!).getByText('2 mrt 2026, 09:15:30')).toBeTruthy();
    expect(within(first!).getByText('Consult ingezien')).toBeTruthy();
    expect(within(first!).getByText('huisarts')).toBeTruthy();
    expect(within(first!).getByText('Toegestaan')).toBeTruthy();
    expect(within(second!).getByText('Geweigerd (forbidden)')).toBeTruthy();
    expect(queriesTo('/api/v1/access-log')).toEqual([{ organisation_id: kOrganisation, limit: 100 }]);
    expect(screen.getByText('2 regels geladen, nieuwste eerst.')).toBeTruthy();
  });

  it('sends the filters as the query: the consult number, the user, and the days as Amsterdam day bounds', async () => {
    renderPage();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Consultnummer'), { target: { value: ' MK-2026-00042 ' } });
    fireEvent.change(screen.getByLabelText('Gebruikersnummer'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Vanaf'), { target: { value: '2026-03-02' } });
    fireEvent.change(screen.getByLabelText('Tot en met'), { target: { value: '2026-03-03' } });
    searchPages.set(undefined, { items: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(await screen.findByText('Geen toegangen gevonden bij deze filters.')).toBeTruthy();
    expect(queriesTo('/api/v1/access-log').at(-1)).toEqual({
      organisation_id: kOrganisation, patient: 'MK-2026-00042', user_id: 7,
      from: '2026-03-01T23:00:00Z', until: '2026-03-03T23:00:00Z', limit: 100,
    });
  });

  it('takes its filters from the address and searches the same again from the first page', async () => {
    renderPage('/access-log?patient=MK-2026-00009&from=2026-07-01');
    await screen.findByRole('table');
    expect((screen.getByLabelText('Consultnummer') as HTMLInputElement).value).toBe('MK-2026-00009');
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    await vi.waitFor(() => expect(queriesTo('/api/v1/access-log')).toHaveLength(2));
    expect(queriesTo('/api/v1/access-log')[1]).toEqual({
      organisation_id: kOrganisation, patient: 'MK-2026-00009', from: '2026-06-30T22:00:00Z', limit: 100,
    });
  });

  it('loads more rows with before = next_before until there are none', async () => {
    searchPages.set(undefined, { items: [row(12), row(11)], next_before: 11 });
    searchPages.set(11, { items: [row(10, { username: 'assistent.visser', role: 'assistant' })] });
    renderPage();
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Meer laden' }));
    expect(await screen.findByText('assistent.visser')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(queriesTo('/api/v1/access-log').at(-1)).toEqual({ organisation_id: kOrganisation, limit: 100, before: 11 });
    expect(screen.queryByRole('button', { name: 'Meer laden' })).toBeNull();
  });

  it('says a wrong user number before sending, and puts the server\'s refusal at its field', async () => {
    renderPage();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Gebruikersnummer'), { target: { value: 'devries' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(screen.getByText('Vul een gebruikersnummer in: een geheel getal groter dan 0.')).toBeTruthy();
    expect(queriesTo('/api/v1/access-log')).toHaveLength(1);

    vi.mocked(api.GET).mockImplementation((() => refused(422, 'invalid_argument', 'Geef een datum als 2026-03-02.', 'from')) as never);
    fireEvent.change(screen.getByLabelText('Gebruikersnummer'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Vanaf'), { target: { value: '2026-03-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(await screen.findByText('Geef een datum als 2026-03-02.')).toBeTruthy();
    expect(screen.getByLabelText('Vanaf').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for password and code when the export needs them, then exports the current filters as toegangslog.csv', async () => {
    const csv = new Blob(['id,at,user_id,username,role\r\n']);
    let exports = 0;
    vi.mocked(api.GET).mockImplementation(((path: string) => {
      if (path === '/api/v1/access-log') return ok({ items: [row(12)] });
      exports += 1;
      return exports === 1
        ? refused(403, 'reauthentication_required', 'Geef voor deze handeling opnieuw uw wachtwoord en code.')
        : ok(csv);
    }) as never);
    vi.mocked(api.POST).mockImplementation((() => ok({})) as never);
    renderPage('/access-log?patient=MK-2026-00009');
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Exporteren als CSV' }));

    const password = await screen.findByLabelText('Wachtwoord');
    expect(document.activeElement).toBe(password);
    expect(screen.getByText(/opnieuw uw wachtwoord en een code uit uw authenticator-app/)).toBeTruthy();
    expect(saveBlob).not.toHaveBeenCalled();
    fireEvent.change(password, { target: { value: 'geheim-wachtwoord' } });
    fireEvent.change(screen.getByLabelText('Code uit uw authenticator-app'), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en doorgaan' }));

    expect(await screen.findByText('De export is gedownload als toegangslog.csv.')).toBeTruthy();
    expect(api.POST).toHaveBeenCalledWith('/api/v1/me/reauthenticate', { body: { password: 'geheim-wachtwoord', otp: '123456' } });
    expect(saveBlob).toHaveBeenCalledWith(csv, 'toegangslog.csv');
    const exported = getCalls().filter(([p]) => p === '/api/v1/access-log/export');
    expect(exported).toHaveLength(2);
    expect(exported[1]![1]).toEqual({ params: { query: { organisation_id: kOrganisation, patient: 'MK-2026-00009' } }, parseAs: 'blob' });
    expect(screen.queryByLabelText('Wachtwoord')).toBeNull();
  });

  it('shows another refusal of the export next to its button', async () => {
    vi.mocked(api.GET).mockImplementation(((path: string) => (path === '/api/v1/access-log'
      ? ok({ items: [row(12)] })
      : refused(503, 'unavailable', 'De database is even niet bereikbaar.'))) as never);
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Exporteren als CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe('De database is even niet bereikbaar.');
    expect(screen.queryByLabelText('Wachtwoord')).toBeNull();
  });

  it('is not offered to a GP, and asks the server nothing', () => {
    currentUser = user('gp');
    renderPage();
    expect(screen.getByText('Het toegangslog is alleen voor de privacyfunctionaris van een organisatie.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Exporteren als CSV' })).toBeNull();
    expect(screen.queryByRole('search')).toBeNull();
    expect(api.GET).not.toHaveBeenCalled();
  });
});
