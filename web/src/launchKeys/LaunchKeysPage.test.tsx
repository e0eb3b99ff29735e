// The HIS links screen against a fake server behind `fetch`: a coordinator sees the keys of their
// practices with name, practice, key_id (copied by a button), registration and status; registers
// one (labels from the catalogue, only the GP practices they act for offered), after which the
// key_id and the launch address are shown with what a link holds; a missing answer is refused
// before any request, the server's refusal stands at the field it names; revoking asks first and
// says a refusal in the dialog. Others are told it is not theirs, and the server is not asked.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowDialogsInJsdom } from '../components/dialogTesting';
import i18n from '../i18n/i18n';
import { formatDateTime } from '../lib/due';
import { kMeKey, type Role, type User } from '../session/session';
import type { LaunchKey, NewLaunchKey } from './api';
import LaunchKeysPage from './LaunchKeysPage';

// The API client takes `fetch` when it is made, at import: the fake goes in before any import.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<(request: Request) => Promise<Response>>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const kPublicKey = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----';
const kCreated = '2026-11-02T09:30:00.000Z';
const kRevoked = '2026-11-20T14:00:00.000Z';

function me(role: Role): User {
  return {
    id: 6, username: 'coordinator.zorggroep', display_name: 'Marieke de Groot', roles: [role], pools: [],
    memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond Zuid', organisation_kind: 'care_group', role }],
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

const kOrganisations = [
  { id: 1, name: 'Zorggroep Rijnmond Zuid', kind: 'care_group', agb: null, parent_id: null, region: 'Rijnmond', in_scope: true },
  { id: 4, name: 'Gezondheidscentrum Zuidplein', kind: 'gp_practice', agb: null, parent_id: 1, region: 'Rijnmond', in_scope: true },
  { id: 3, name: 'Huisartsenpraktijk Kralingen', kind: 'gp_practice', agb: null, parent_id: 1, region: 'Rijnmond', in_scope: true },
  { id: 5, name: 'Huisartsenpraktijk Schiedam-Noord', kind: 'gp_practice', agb: null, parent_id: 2, region: 'Rijnmond', in_scope: false },
  { id: 7, name: 'Maasstad Ziekenhuis', kind: 'hospital', agb: null, parent_id: null, region: 'Rijnmond', in_scope: false },
];

function launchKey(id: number, fields: Partial<LaunchKey> = {}): LaunchKey {
  return {
    id, key_id: `his-${String(id).padStart(16, '0')}`, organisation: { id: 3, name: 'Huisartsenpraktijk Kralingen' },
    name: `HIS ${id}`, public_key: kPublicKey, launch_path: '/launch', created_at: kCreated, revoked_at: null, ...fields,
  };
}

/** The fake server's state and what was asked of it. */
let keys: LaunchKey[];
let posted: { path: string; body: unknown }[];
let revokeAnswer: { status: number; body: unknown } | null;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refusal = (status: number, code: string, message: string, field?: string) =>
  json({ error: { code, message, ...(field ? { field } : {}) } }, status);

async function serve(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (request.method === 'GET') {
    if (path === '/api/v1/launch-keys') return json({ items: keys });
    if (path === '/api/v1/organisations') return json({ items: kOrganisations });
    return refusal(404, 'not_found', 'Niet gevonden.');
  }
  const body = request.headers.get('Content-Type')?.includes('json') ? await request.json() : null;
  posted.push({ path, body });
  if (path === '/api/v1/launch-keys') {
    const asked = body as NewLaunchKey;
    if (!asked.public_key.startsWith('-----BEGIN PUBLIC KEY-----')) {
      return refusal(422, 'invalid_argument', 'De publieke sleutel is geen PEM-sleutel van RSA (2048 bits of meer) of EC (P-256, P-384).', 'public_key');
    }
    const made = launchKey(9, { key_id: 'his-6b4e66f732e6ca21', name: asked.name, public_key: asked.public_key });
    keys = [made, ...keys];
    return json(made, 201);
  }
  const revoke = /^\/api\/v1\/launch-keys\/(\d+)\/revoke$/.exec(path);
  if (revoke) {
    if (revokeAnswer) return json(revokeAnswer.body, revokeAnswer.status);
    keys = keys.map((k) => (k.id === Number(revoke[1]) ? { ...k, revoked_at: kRevoked } : k));
    return json(keys.find((k) => k.id === Number(revoke[1])));
  }
  return refusal(404, 'not_found', 'Niet gevonden.');
}

function renderPage(role: Role = 'coordinator') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(kMeKey, me(role));
  render(<QueryClientProvider client={queryClient}><LaunchKeysPage /></QueryClientProvider>);
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

/** Opens the form and fills every answer: Kralingen, a name, the PEM. */
async function fillForm(publicKey = kPublicKey) {
  fireEvent.click(await screen.findByRole('button', { name: 'Sleutel van een HIS registreren' }));
  const practice = screen.getByLabelText('Praktijk (verplicht)');
  await waitFor(() => expect(within(practice).getAllByRole('option')).toHaveLength(3));
  fireEvent.change(practice, { target: { value: '3' } });
  fireEvent.change(screen.getByLabelText('Naam van het HIS (verplicht)'), { target: { value: '  Medicom Kralingen ' } });
  fireEvent.change(screen.getByLabelText('Publieke sleutel (PEM) (verplicht)'), { target: { value: publicKey } });
}

const writeText = vi.fn();

describe('LaunchKeysPage', () => {
  beforeEach(async () => {
    keys = [launchKey(2, { name: 'Promedico Kralingen' }), launchKey(1, { name: 'Oud HIS', revoked_at: kRevoked })];
    posted = [];
    revokeAnswer = null;
    fetchMock.mockReset().mockImplementation(serve);
    writeText.mockReset().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    allowDialogsInJsdom();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('lists every key with its practice, key_id, registration and status', async () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Koppelingen met het HIS');
    const active = await waitFor(() => rowOf('Promedico Kralingen'));
    expect(within(active).getAllByRole('cell').map((cell) => cell.textContent).slice(0, 4)).toEqual([
      'Huisartsenpraktijk Kralingen',
      'his-0000000000000002 Kopiëren (key_id van Promedico Kralingen)',
      formatDateTime(kCreated, 'nl'),
      'Actief',
    ]);
    expect(within(active).getByRole('button', { name: 'Intrekken (Promedico Kralingen)' })).toBeTruthy();

    const revoked = rowOf('Oud HIS');
    expect(within(revoked).getByText(/^Ingetrokken op/).textContent).toBe(`Ingetrokken op ${formatDateTime(kRevoked, 'nl')}`);
    expect(within(revoked).queryByRole('button', { name: /Intrekken/ })).toBeNull();
  });

  it('copies a key_id and says so', async () => {
    renderPage();
    await waitFor(() => rowOf('Promedico Kralingen'));
    fireEvent.click(screen.getByRole('button', { name: 'Kopiëren (key_id van Promedico Kralingen)' }));
    expect(await within(rowOf('Promedico Kralingen')).findByText('Gekopieerd.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('his-0000000000000002');
  });

  it('offers only the GP practices the caller acts for, by name', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Sleutel van een HIS registreren' }));
    const practice = screen.getByLabelText('Praktijk (verplicht)');
    await waitFor(() => expect(within(practice).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Kies een praktijk', 'Gezondheidscentrum Zuidplein', 'Huisartsenpraktijk Kralingen',
    ]));
  });

  it('registers a key and shows its key_id and the launch address, with what a link holds', async () => {
    renderPage();
    await fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Registreren' }));

    const heading = await screen.findByRole('heading', { name: 'Sleutel Medicom Kralingen geregistreerd' });
    expect(document.activeElement).toBe(heading);
    expect(posted).toEqual([{
      path: '/api/v1/launch-keys', body: { organisation_id: 3, name: 'Medicom Kralingen', public_key: kPublicKey },
    }]);
    const keyId = screen.getByLabelText('key_id') as HTMLInputElement;
    expect(keyId.value).toBe('his-6b4e66f732e6ca21');
    expect(keyId.readOnly).toBe(true);
    const launchUrl = `${window.location.origin}/launch`;
    expect((screen.getByLabelText('Koppelingsadres') as HTMLInputElement).value).toBe(launchUrl);
    expect(screen.getByText(`${launchUrl}#token=<JWT>`)).toBeTruthy();
    expect(screen.getByText(/ES256 of ES384 bij een EC-sleutel/)).toBeTruthy();
    for (const claim of ['iss', 'aud', 'exp', 'jti', 'agb', 'patient', 'icpc', 'summary', 'question', 'specialty', 'mode']) {
      expect(screen.getByText(claim, { selector: 'li > code' })).toBeTruthy();
    }
    expect(screen.getByText(/"iss": "his-6b4e66f732e6ca21"/)).toBeTruthy();
    expect(screen.getByText(/"aud": "http:\/\/localhost(:\d+)?\/launch"/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Kopiëren Koppelingsadres' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(launchUrl));
    expect(within(rowOf('Medicom Kralingen')).getByText('Actief')).toBeTruthy();
  });

  it('refuses a form with missing answers at each field, in the server words, before any request', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Sleutel van een HIS registreren' }));
    fireEvent.click(screen.getByRole('button', { name: 'Registreren' }));

    const practice = screen.getByLabelText('Praktijk (verplicht)');
    expect(practice.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(practice));
    expect(screen.getByText('‘Praktijk’ is verplicht.')).toBeTruthy();
    expect(screen.getByText('‘Naam van het HIS’ is verplicht.')).toBeTruthy();
    expect(screen.getByText('‘Publieke sleutel (PEM)’ is verplicht.')).toBeTruthy();
    expect(posted).toEqual([]);
  });

  it("puts the server's refusal of the key at the public key field", async () => {
    renderPage();
    await fillForm('geen sleutel');
    fireEvent.click(screen.getByRole('button', { name: 'Registreren' }));

    const message = await screen.findByText(/^De publieke sleutel is geen PEM-sleutel/);
    const key = screen.getByLabelText('Publieke sleutel (PEM) (verplicht)');
    expect(key.getAttribute('aria-describedby')).toContain(message.id);
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(key);
    expect(screen.queryByRole('heading', { name: /geregistreerd/ })).toBeNull();
  });

  it('revokes a key after the confirmation, and says so', async () => {
    renderPage();
    await waitFor(() => rowOf('Promedico Kralingen'));
    fireEvent.click(screen.getByRole('button', { name: 'Intrekken (Promedico Kralingen)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sleutel Promedico Kralingen intrekken' });
    expect(within(dialog).getByText(
      /Koppelingen met Promedico Kralingen \(his-0000000000000002\) voor Huisartsenpraktijk Kralingen worden dan geweigerd/,
    )).toBeTruthy();
    expect(posted).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Intrekken' }));

    expect(await screen.findByText('Sleutel Promedico Kralingen is ingetrokken.')).toBeTruthy();
    expect(posted).toEqual([{ path: '/api/v1/launch-keys/2/revoke', body: null }]);
    const row = rowOf('Promedico Kralingen');
    expect(within(row).getByText(/^Ingetrokken op/)).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Intrekken/ })).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("says in the dialog why revoking was refused, in the server's words", async () => {
    revokeAnswer = { status: 409, body: { error: { code: 'conflict', message: 'Deze sleutel is al ingetrokken.' } } };
    renderPage();
    await waitFor(() => rowOf('Promedico Kralingen'));
    fireEvent.click(screen.getByRole('button', { name: 'Intrekken (Promedico Kralingen)' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Intrekken' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Deze sleutel is al ingetrokken.');
  });

  it('is there for administrators too, and speaks English when chosen', async () => {
    await i18n.changeLanguage('en');
    renderPage('admin');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('HIS links');
    await waitFor(() => rowOf('Promedico Kralingen'));
    expect(screen.getByRole('columnheader', { name: 'Practice' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: "Register a HIS's key" }));
    expect(screen.getByLabelText('Name of the HIS (required)')).toBeTruthy();
    expect(screen.getByLabelText('Public key (PEM) (required)')).toBeTruthy();
  });

  it.each(['gp', 'assistant', 'privacy_officer', 'specialist'] as Role[])('tells a %s it is not theirs, without asking the server', (role) => {
    renderPage(role);
    expect(screen.getByText('Dit scherm is voor coördinatoren en beheerders.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
