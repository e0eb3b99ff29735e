// The subject access screen: a privacy officer looks a patient up by BSN or consult number; when
// the server wants the password again, the re-authentication form comes, and the same search runs
// again once it is given; the answer is summed up and downloads as inzageverzoek-<…>.json; a BSN
// the server refuses stands at its field, "nothing found" next to the button; other roles are
// not served.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { useSpecialties } from '../consults/api';
import { consultFixture } from '../consults/consultFixture';
import i18n from '../i18n/i18n';
import { saveBlob } from '../lib/download';
import { reauthenticate } from '../security/api';
import { kMeKey, type Role, type User } from '../session/session';
import { fetchSubjectAccess, type SubjectAccessExport } from './api';
import SubjectAccessPage from './SubjectAccessPage';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  fetchSubjectAccess: vi.fn(),
}));
vi.mock('../security/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../security/api')>()),
  reauthenticate: vi.fn(),
}));
vi.mock('../lib/download', () => ({ saveBlob: vi.fn() }));
vi.mock('../consults/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../consults/api')>()),
  useSpecialties: vi.fn(),
}));

const kBsn = '123456782';

function me(role: Role): User {
  return {
    id: 11, username: 'privacy.dekker', display_name: 'Mr. E. Dekker', roles: [role], pools: [],
    memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond', organisation_kind: 'care_group', role }],
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

const kExport: SubjectAccessExport = {
  generated_at: '2026-12-02T10:00:00.000Z',
  organisation_id: 1,
  consults: [
    consultFixture({ id: 42, number: 'MK-2026-00042', status: 'closed' }),
    consultFixture({ id: 43, number: 'MK-2026-00043', status: 'draft', sent_at: null }),
  ],
  access_log: Array.from({ length: 5 }, (_, i) => ({
    id: i + 1, at: '2026-12-01T09:00:00.000Z', user_id: 2, username: 'huisarts.bakker', role: 'gp', organisation_id: 3,
    on_behalf_of: null, action: 'consult.read', consult_id: 42, patient_ref: 'MK-2026-00042', client_address: '192.0.2.1', api_client: '',
    outcome: 'success', detail: '',
  })),
};

function renderPage(role: Role = 'privacy_officer') {
  const client = new QueryClient();
  client.setQueryData(kMeKey, me(role));
  render(<QueryClientProvider client={client}><SubjectAccessPage /></QueryClientProvider>);
}

const valueField = (label: string) => screen.getByLabelText(new RegExp(`^${label}`)) as HTMLInputElement;

/** jsdom's Blob has no text(); its FileReader reads it. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

function searchBsn(bsn: string) {
  fireEvent.change(valueField('BSN van de patiënt'), { target: { value: bsn } });
  fireEvent.click(screen.getByRole('button', { name: 'Opzoeken' }));
}

describe('SubjectAccessPage', () => {
  beforeEach(async () => {
    vi.mocked(fetchSubjectAccess).mockReset().mockResolvedValue(kExport);
    vi.mocked(reauthenticate).mockReset().mockResolvedValue(undefined as never);
    vi.mocked(saveBlob).mockReset();
    vi.mocked(useSpecialties).mockReturnValue({
      data: { items: [{ code: 'dermatologie', name: 'Dermatologie', name_en: 'Dermatology' }] },
    } as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('asks for the password and code again when the server wants them, then runs the same search', async () => {
    vi.mocked(fetchSubjectAccess).mockRejectedValueOnce(
      new ApiError(403, 'reauthentication_required', 'Geef voor deze handeling opnieuw uw wachtwoord en code.'),
    );
    renderPage();
    searchBsn('1234 56 782');

    const password = await screen.findByLabelText('Wachtwoord');
    expect(screen.getByText(/^Geef voor het opvragen van alle gegevens van een patiënt opnieuw/)).toBeTruthy();
    fireEvent.change(password, { target: { value: 'geheim-wachtwoord' } });
    fireEvent.change(screen.getByLabelText('Code uit uw authenticator-app'), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en doorgaan' }));

    const heading = await screen.findByRole('heading', { name: `Overzicht voor BSN ${kBsn}` });
    expect(reauthenticate).toHaveBeenCalledWith('geheim-wachtwoord', '123456');
    expect(fetchSubjectAccess).toHaveBeenCalledTimes(2);
    expect(vi.mocked(fetchSubjectAccess).mock.calls[1]).toEqual(vi.mocked(fetchSubjectAccess).mock.calls[0]);
    expect(vi.mocked(fetchSubjectAccess).mock.calls[1]![0]).toMatchObject({ key: 'bsn', organisationId: 1 });
    expect(document.activeElement).toBe(heading);
  });

  it('sums the export up and downloads it as inzageverzoek-<bsn>.json', async () => {
    renderPage();
    searchBsn(kBsn);
    await screen.findByRole('heading', { name: `Overzicht voor BSN ${kBsn}` });
    expect(screen.getByText('2 consulten')).toBeTruthy();
    expect(screen.getByText('5 regels in het toegangslog')).toBeTruthy();
    const [, closed, draft] = screen.getAllByRole('row');
    expect(within(closed!).getByRole('rowheader').textContent).toBe('MK-2026-00042');
    expect(within(closed!).getByText('Dermatologie')).toBeTruthy();
    expect(within(closed!).getByText('Afgesloten')).toBeTruthy();
    expect(within(draft!).getByText('Niet verstuurd')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Download als JSON' }));
    const [blob, name] = vi.mocked(saveBlob).mock.calls[0]!;
    expect(name).toBe(`inzageverzoek-${kBsn}.json`);
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await readText(blob))).toEqual(kExport);
    expect(screen.getByText(`inzageverzoek-${kBsn}.json is gedownload.`)).toBeTruthy();
  });

  it('searches by consult number', async () => {
    renderPage();
    fireEvent.click(screen.getByLabelText('Consultnummer'));
    fireEvent.change(valueField('Nummer van het consult'), { target: { value: ' mk-2026-00042 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opzoeken' }));
    await screen.findByRole('heading', { name: 'Overzicht voor de patiënt van consult MK-2026-00042' });
    expect(vi.mocked(fetchSubjectAccess).mock.calls[0]![0]).toMatchObject({ key: 'consult', value: ' mk-2026-00042 ' });
    fireEvent.click(screen.getByRole('button', { name: 'Download als JSON' }));
    expect(vi.mocked(saveBlob).mock.calls[0]![1]).toBe('inzageverzoek-MK-2026-00042.json');
  });

  it('places a refused BSN at its field and "nothing found" next to the button', async () => {
    vi.mocked(fetchSubjectAccess)
      .mockRejectedValueOnce(new ApiError(422, 'invalid_argument', 'Dit BSN klopt niet (elfproef).', 'bsn'))
      .mockRejectedValueOnce(new ApiError(404, 'not_found', 'Niet gevonden.'));
    renderPage();
    searchBsn('123456789');
    expect((await screen.findByRole('alert')).textContent).toBe('Dit BSN klopt niet (elfproef).');
    expect(valueField('BSN van de patiënt').getAttribute('aria-invalid')).toBe('true');
    searchBsn(kBsn);
    expect((await screen.findByRole('alert')).textContent).toBe('Binnen uw organisatie is over deze patiënt niets gevonden.');
  });

  it('asks for a BSN before asking the server', async () => {
    renderPage();
    searchBsn('  ');
    expect((await screen.findByRole('alert')).textContent).toBe('Vul een BSN in.');
    expect(fetchSubjectAccess).not.toHaveBeenCalled();
  });

  it('is not for other roles', () => {
    renderPage('coordinator');
    expect(screen.getByText('Dit scherm is voor privacyfunctionarissen.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Opzoeken' })).toBeNull();
  });
});
