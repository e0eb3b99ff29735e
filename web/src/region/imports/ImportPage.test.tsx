// The import screen shows the columns each kind of import expects, sends the chosen file's text as
// a dry run or for real, reports the counts, whether anything was stored and the rejected rows by
// line, shows the refusal of a malformed file next to the buttons, asks for a file before any
// request, and serves only coordinators and administrators.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n/i18n';
import { kMeKey, type Role, type User } from '../../session/session';
import { importCsv, type ImportReport } from './api';
import ImportPage from './ImportPage';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  importCsv: vi.fn(),
}));

const kCsv = [
  'agb,username,display_name,email,organisation_agb,role',
  '01099001,huisarts.visser,L. Visser,l.visser@example.nl,01012345,gp',
  '01099002,huisarts.bos,K. Bos,k.bos@example.nl,99999999,gp',
].join('\n');

const kReport: ImportReport = {
  added: 3, changed: 1, unchanged: 5, dry_run: true,
  rejected: [{ line: 3, message: 'Er is geen organisatie met AGB-code 99999999.' }],
};

function me(role: Role): User {
  return {
    id: 16, username: 'coordinator.zorggroep', display_name: 'Marieke de Groot', roles: [role], pools: [],
    memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond Zuid', organisation_kind: 'care_group', role }],
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

function renderPage(role: Role = 'coordinator') {
  const client = new QueryClient();
  client.setQueryData(kMeKey, me(role));
  render(<QueryClientProvider client={client}><ImportPage /></QueryClientProvider>);
}

function chooseFile(text = kCsv) {
  const file = new File([text], 'zorgverleners.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('CSV-bestand'), { target: { files: [file] } });
}

describe('ImportPage', () => {
  beforeEach(async () => {
    vi.mocked(importCsv).mockReset().mockResolvedValue(kReport);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('shows the columns each kind of import expects', () => {
    renderPage();
    const what = screen.getByRole('radiogroup', { name: 'Wat wilt u importeren?' });
    expect(what.textContent).toContain('agb,name,kind,parent_agb,region');
    fireEvent.click(within(what).getByLabelText('Zorgverleners'));
    expect(what.textContent).toContain('agb,username,display_name,email,organisation_agb,role');
  });

  it('offers only CSV files', () => {
    renderPage();
    expect(screen.getByLabelText('CSV-bestand').getAttribute('accept')).toBe('.csv,text/csv');
  });

  it("sends the file's text as a dry run and reports what would happen", async () => {
    renderPage();
    fireEvent.click(screen.getByLabelText('Zorgverleners'));
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Proefimport (niets opslaan)' }));

    expect(await screen.findByText('3 toegevoegd, 1 gewijzigd, 5 ongewijzigd')).toBeTruthy();
    expect(importCsv).toHaveBeenCalledWith('practitioners', kCsv, 'dry_run');
    expect(screen.getByRole('status').textContent).toBe('Proefimport: er is niets opgeslagen.');
    const rejected = screen.getByRole('table', { name: 'Afgewezen regels' });
    const [header, row] = within(rejected).getAllByRole('row');
    expect(header!.textContent).toBe('RegelReden');
    expect(within(row!).getByRole('rowheader').textContent).toBe('3');
    expect(row!.textContent).toContain('Er is geen organisatie met AGB-code 99999999.');
  });

  it('imports for real when asked, and says it was stored', async () => {
    vi.mocked(importCsv).mockResolvedValue({ added: 1, changed: 0, unchanged: 0, dry_run: false, rejected: [] });
    renderPage();
    chooseFile('agb,name,kind,parent_agb,region\n01099003,Praktijk Zuidplein,gp_practice,03010001,Rotterdam e.o.\n');
    fireEvent.click(screen.getByRole('button', { name: 'Importeren' }));

    expect(await screen.findByText('De import is opgeslagen.')).toBeTruthy();
    expect(vi.mocked(importCsv).mock.calls[0]![0]).toBe('organisations');
    expect(vi.mocked(importCsv).mock.calls[0]![2]).toBe('store');
    expect(screen.getByText('1 toegevoegd, 0 gewijzigd, 0 ongewijzigd')).toBeTruthy();
    expect(screen.getByText('Er zijn geen regels afgewezen.')).toBeTruthy();
  });

  it('shows the refusal of a malformed file next to the buttons, with no report', async () => {
    vi.mocked(importCsv).mockRejectedValue(new ApiError(422, 'invalid_argument', 'Regel 1: de kolom „agb” ontbreekt.'));
    renderPage();
    chooseFile('naam\nPraktijk\n');
    fireEvent.click(screen.getByRole('button', { name: 'Proefimport (niets opslaan)' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Regel 1: de kolom „agb” ontbreekt.');
    expect(screen.queryByRole('heading', { name: 'Verslag' })).toBeNull();
  });

  it('asks for a file before sending anything', async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Importeren' }));
    expect(await screen.findByText('Kies eerst een CSV-bestand.')).toBeTruthy();
    expect(screen.getByLabelText('CSV-bestand').getAttribute('aria-invalid')).toBe('true');
    expect(importCsv).not.toHaveBeenCalled();
  });

  it('forgets the report once another file is chosen', async () => {
    renderPage();
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Proefimport (niets opslaan)' }));
    await screen.findByText('3 toegevoegd, 1 gewijzigd, 5 ongewijzigd');
    chooseFile('agb,name,kind,parent_agb,region\n');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Verslag' })).toBeNull());
  });

  it('serves only coordinators and administrators', () => {
    renderPage('gp');
    expect(screen.getByText('Dit scherm is voor coördinatoren en beheerders.')).toBeTruthy();
    expect(screen.queryByLabelText('CSV-bestand')).toBeNull();
  });
});
