// The API clients screen against a fake server behind `fetch`: an administrator sees every client
// with its client_id (copied by a button), organisation, who it acts for, scopes, when registered
// and whether active; registers one (labels from the catalogue, only the chosen organisation's
// active members offered, ticked and typed scopes sent as one text), after which the client_id and
// the absolute token URL are shown with how to get a token; a missing answer is refused before any
// request, the server's refusal stands at the field it names; revoking asks first and says a
// refusal in the dialog. Others are told it is not theirs, and the server is not asked.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowDialogsInJsdom } from '../components/dialogTesting';
import i18n from '../i18n/i18n';
import { formatDateTime } from '../lib/due';
import { kMeKey, type Role, type User } from '../session/session';
import type { ApiClient, NewApiClient } from './api';
import ApiClientsPage from './ApiClientsPage';

// The API client takes `fetch` when it is made, at import: the fake goes in before any import.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<(request: Request) => Promise<Response>>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const kPublicKey = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----';
const kPrivateKey = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----';
const kCreated = '2026-11-02T09:30:00.000Z';
const kRevoked = '2026-11-20T14:00:00.000Z';

function me(role: Role): User {
  return {
    id: 1, username: 'admin', display_name: 'Beheerder meekijk', roles: [role], pools: [],
    memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond Zuid', organisation_kind: 'care_group', role }],
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

const kOrganisations = [
  { id: 1, name: 'Zorggroep Rijnmond Zuid', kind: 'care_group', agb: null, parent_id: null, region: 'Rijnmond', in_scope: true },
  { id: 3, name: 'Huisartsenpraktijk Kralingen', kind: 'gp_practice', agb: null, parent_id: 1, region: 'Rijnmond', in_scope: true },
];

function member(id: number, username: string, name: string, organisationId: number, active = true) {
  return {
    id, username, display_name: name, email: `${username}@example.nl`, active, second_factor: true, agb: null,
    memberships: [{ organisation_id: organisationId, organisation_name: 'x', role: 'gp' }],
  };
}

const kUsers = [
  member(2, 'huisarts.devries', 'Dr. Anna de Vries', 3),
  member(4, 'assistent.visser', 'Lotte Visser (POH)', 3),
  member(5, 'huisarts.oud', 'Dr. Oud', 3, false),
  member(6, 'coordinator.zorggroep', 'Marieke de Groot', 1),
];

function client(id: number, fields: Partial<ApiClient> = {}): ApiClient {
  return {
    id, client_id: `mk-${String(id).padStart(24, '0')}`, name: `Systeem ${id}`,
    organisation: { id: 3, name: 'Huisartsenpraktijk Kralingen' }, user: { id: 2, username: 'huisarts.devries' },
    scopes: ['system/Task.rus', 'system/Patient.rs'], public_key: kPublicKey, token_url: '/fhir/R4/auth/token',
    created_at: kCreated, revoked_at: null, ...fields,
  };
}

/** The fake server's state and what was asked of it. */
let clients: ApiClient[];
let posted: { path: string; body: unknown }[];
let revokeAnswer: { status: number; body: unknown } | null;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refusal = (status: number, code: string, message: string, field?: string) =>
  json({ error: { code, message, ...(field ? { field } : {}) } }, status);

async function serve(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (request.method === 'GET') {
    if (path === '/api/v1/api-clients') return json({ items: clients });
    if (path === '/api/v1/organisations') return json({ items: kOrganisations });
    if (path === '/api/v1/users') return json({ items: kUsers });
    return refusal(404, 'not_found', 'Niet gevonden.');
  }
  const body = request.headers.get('Content-Type')?.includes('json') ? await request.json() : null;
  posted.push({ path, body });
  if (path === '/api/v1/api-clients') {
    const asked = body as NewApiClient;
    if (asked.scopes.includes('system/Onzin')) {
      return refusal(422, 'invalid_argument', "Onbekende scope 'system/Onzin.r'.", 'scopes');
    }
    if (asked.public_key.includes('PRIVATE KEY')) {
      return refusal(422, 'invalid_argument', 'Dit is een privésleutel. Stuur alleen de publieke sleutel.', 'public_key');
    }
    const made = client(9, {
      client_id: 'mk-0123456789abcdef01234567', name: asked.name, organisation: { id: asked.organisation_id, name: 'Huisartsenpraktijk Kralingen' },
      user: { id: asked.user_id, username: 'assistent.visser' }, scopes: asked.scopes.split(' '), public_key: asked.public_key,
    });
    clients = [made, ...clients];
    return json(made, 201);
  }
  const revoke = /^\/api\/v1\/api-clients\/(\d+)\/revoke$/.exec(path);
  if (revoke) {
    if (revokeAnswer) return json(revokeAnswer.body, revokeAnswer.status);
    clients = clients.map((c) => (c.id === Number(revoke[1]) ? { ...c, revoked_at: kRevoked } : c));
    return json(clients.find((c) => c.id === Number(revoke[1])));
  }
  return refusal(404, 'not_found', 'Niet gevonden.');
}

function renderPage(role: Role = 'admin') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(kMeKey, me(role));
  render(<QueryClientProvider client={queryClient}><ApiClientsPage /></QueryClientProvider>);
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

/** Opens the form and fills every answer: Kralingen, Lotte Visser, two ticked scopes and one typed. */
async function fillForm(publicKey = kPublicKey) {
  fireEvent.click(await screen.findByRole('button', { name: 'API-client registreren' }));
  fireEvent.change(screen.getByLabelText('Naam van het systeem (verplicht)'), { target: { value: '  HIS Kralingen ' } });
  const organisation = screen.getByLabelText('Organisatie (verplicht)');
  await waitFor(() => expect(within(organisation).getAllByRole('option')).toHaveLength(3));
  fireEvent.change(organisation, { target: { value: '3' } });
  fireEvent.change(screen.getByLabelText('Handelt namens (verplicht)'), { target: { value: '4' } });
  fireEvent.click(screen.getByRole('checkbox', { name: 'Taken: lezen, bijwerken en zoeken system/Task.rus' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Patiënten: lezen en zoeken system/Patient.rs' }));
  fireEvent.change(screen.getByLabelText('Andere scopes'), { target: { value: ' system/Questionnaire.rs  system/Task.rus' } });
  fireEvent.change(screen.getByLabelText('Publieke sleutel (PEM) (verplicht)'), { target: { value: publicKey } });
}

const writeText = vi.fn();

describe('ApiClientsPage', () => {
  beforeEach(async () => {
    clients = [client(2, { name: 'HIS Zuidplein' }), client(1, { name: 'Oud systeem', revoked_at: kRevoked, scopes: ['system/*.cruds'] })];
    posted = [];
    revokeAnswer = null;
    fetchMock.mockReset().mockImplementation(serve);
    writeText.mockReset().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    allowDialogsInJsdom();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('lists every client with its client_id, organisation, who it acts for, scopes, registration and status', async () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('API-clients');
    const active = await waitFor(() => rowOf('HIS Zuidplein'));
    const cells = within(active).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(0, 7)).toEqual([
      'mk-000000000000000000000002 Kopiëren (client_id van HIS Zuidplein)',
      'Huisartsenpraktijk Kralingen',
      'huisarts.devries',
      'system/Task.russystem/Patient.rs',
      'Geen',
      formatDateTime(kCreated, 'nl'),
      'Actief',
    ]);
    expect(within(active).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['system/Task.rus', 'system/Patient.rs']);
    expect(within(active).getByRole('button', { name: 'Intrekken (HIS Zuidplein)' })).toBeTruthy();

    const revoked = rowOf('Oud systeem');
    expect(within(revoked).getByText(/^Ingetrokken op/).textContent).toBe(`Ingetrokken op ${formatDateTime(kRevoked, 'nl')}`);
    expect(within(revoked).queryByRole('button', { name: /Intrekken/ })).toBeNull();
  });

  it("shows where each client's subscriptions send notifications, and whether they arrive", async () => {
    clients = [client(7, {
      name: 'HIS met abonnementen',
      subscriptions: [
        { id: 2, criteria: 'Task', endpoint: 'https://his.example.nl/ping', with_content: false, status: 'error',
          last_error: 'http 503', created_at: kCreated, ended_at: null },
        { id: 1, criteria: 'Task?status=completed', endpoint: 'https://his.example.nl/dossier', with_content: true,
          status: 'active', last_error: null, created_at: kCreated, ended_at: null },
      ],
    })];
    renderPage();
    const row = await waitFor(() => rowOf('HIS met abonnementen'));
    const items = within(row).getAllByRole('listitem').map((item) => item.textContent).slice(2);
    expect(items).toEqual([
      'https://his.example.nl/ping — elke wijziging, zonder inhoud — mislukt: http 503',
      'https://his.example.nl/dossier — afgesloten consultaties (kopie voor het dossier), met inhoud — actief',
    ]);
  });

  it('copies a client_id and says so', async () => {
    renderPage();
    await waitFor(() => rowOf('HIS Zuidplein'));
    fireEvent.click(screen.getByRole('button', { name: 'Kopiëren (client_id van HIS Zuidplein)' }));
    expect(await within(rowOf('HIS Zuidplein')).findByText('Gekopieerd.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('mk-000000000000000000000002');
  });

  it('offers only the active members of the chosen organisation to act for', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'API-client registreren' }));
    const user = screen.getByLabelText('Handelt namens (verplicht)');
    const names = () => within(user).getAllByRole('option').map((option) => option.textContent);
    expect(names()).toEqual(['Kies eerst een organisatie']);
    const organisation = screen.getByLabelText('Organisatie (verplicht)');
    await waitFor(() => expect(within(organisation).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(organisation, { target: { value: '3' } });
    await waitFor(() => expect(names()).toEqual([
      'Kies een lid van de organisatie', 'Dr. Anna de Vries (huisarts.devries)', 'Lotte Visser (POH) (assistent.visser)',
    ]));
    fireEvent.change(organisation, { target: { value: '1' } });
    expect(names()).toEqual(['Kies een lid van de organisatie', 'Marieke de Groot (coordinator.zorggroep)']);
  });

  it('registers a client and shows its client_id and the absolute token URL, with how to get a token', async () => {
    renderPage();
    await fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Registreren' }));

    const heading = await screen.findByRole('heading', { name: 'API-client HIS Kralingen geregistreerd' });
    expect(document.activeElement).toBe(heading);
    expect(posted).toEqual([{
      path: '/api/v1/api-clients',
      body: {
        name: 'HIS Kralingen', organisation_id: 3, user_id: 4,
        scopes: 'system/Task.rus system/Patient.rs system/Questionnaire.rs', public_key: kPublicKey,
      },
    }]);
    const clientId = screen.getByLabelText('client_id') as HTMLInputElement;
    expect(clientId.value).toBe('mk-0123456789abcdef01234567');
    expect(clientId.readOnly).toBe(true);
    const tokenUrl = `${window.location.origin}/fhir/R4/auth/token`;
    expect((screen.getByLabelText('Token-adres') as HTMLInputElement).value).toBe(tokenUrl);
    expect(screen.getByText(/ondertekent die met zijn eigen privésleutel \(private_key_jwt/)).toBeTruthy();
    expect(screen.getByText(/zijn iss en sub allebei de client_id, aud is het token-adres, exp ligt ten hoogste 5 minuten na nu en jti/)).toBeTruthy();
    expect(screen.getByText(/"aud": "http:\/\/localhost:\d+\/fhir\/R4\/auth\/token"/)).toBeTruthy();
    expect(screen.getByText(/grant_type=client_credentials&client_assertion_type=urn%3Aietf/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Kopiëren Token-adres' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(tokenUrl));
    expect(within(rowOf('HIS Kralingen')).getByText('Actief')).toBeTruthy();
  });

  it('refuses a form with missing answers at each field, in the server words, before any request', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'API-client registreren' }));
    fireEvent.click(screen.getByRole('button', { name: 'Registreren' }));

    const name = screen.getByLabelText('Naam van het systeem (verplicht)');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(screen.getByText('‘Naam van het systeem’ is verplicht.')).toBeTruthy();
    expect(screen.getByText('‘Scopes’ is verplicht.')).toBeTruthy();
    expect(screen.getByText('‘Publieke sleutel (PEM)’ is verplicht.')).toBeTruthy();
    expect(posted).toEqual([]);
  });

  it("puts the server's refusal of a private key at the public key field", async () => {
    renderPage();
    await fillForm(kPrivateKey);
    fireEvent.click(screen.getByRole('button', { name: 'Registreren' }));

    const message = await screen.findByText('Dit is een privésleutel. Stuur alleen de publieke sleutel.');
    const key = screen.getByLabelText('Publieke sleutel (PEM) (verplicht)');
    expect(key.getAttribute('aria-describedby')).toContain(message.id);
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(key);
    expect(screen.queryByRole('heading', { name: /geregistreerd/ })).toBeNull();
  });

  it("puts the server's refusal of a typed scope at the scopes, and moves the focus there", async () => {
    renderPage();
    await fillForm();
    fireEvent.change(screen.getByLabelText('Andere scopes'), { target: { value: 'system/Onzin.r' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registreren' }));

    const message = await screen.findByText("Onbekende scope 'system/Onzin.r'.");
    const group = screen.getByRole('group', { name: 'Scopes (verplicht)' });
    expect(group.getAttribute('aria-describedby')).toContain(message.id);
    const first = within(group).getByRole('checkbox', { name: /system\/Task\.rus/ });
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(first);
  });

  it('revokes a client after the confirmation, and says so', async () => {
    renderPage();
    await waitFor(() => rowOf('HIS Zuidplein'));
    fireEvent.click(screen.getByRole('button', { name: 'Intrekken (HIS Zuidplein)' }));
    const dialog = await screen.findByRole('dialog', { name: 'API-client HIS Zuidplein intrekken' });
    expect(within(dialog).getByText(/HIS Zuidplein \(mk-000000000000000000000002\) krijgt dan geen toegangstokens meer/)).toBeTruthy();
    expect(posted).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Intrekken' }));

    expect(await screen.findByText('API-client HIS Zuidplein is ingetrokken.')).toBeTruthy();
    expect(posted).toEqual([{ path: '/api/v1/api-clients/2/revoke', body: null }]);
    const row = rowOf('HIS Zuidplein');
    expect(within(row).getByText(/^Ingetrokken op/)).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Intrekken/ })).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("says in the dialog why revoking was refused, in the server's words", async () => {
    revokeAnswer = { status: 409, body: { error: { code: 'conflict', message: 'Deze client is al ingetrokken.' } } };
    renderPage();
    await waitFor(() => rowOf('HIS Zuidplein'));
    fireEvent.click(screen.getByRole('button', { name: 'Intrekken (HIS Zuidplein)' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Intrekken' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Deze client is al ingetrokken.');
  });

  it('speaks English when chosen', async () => {
    await i18n.changeLanguage('en');
    renderPage();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('API clients');
    await waitFor(() => rowOf('HIS Zuidplein'));
    expect(screen.getByRole('columnheader', { name: 'Acts for' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Register an API client' }));
    expect(screen.getByLabelText('Public key (PEM) (required)')).toBeTruthy();
  });

  it.each(['coordinator', 'gp', 'privacy_officer'] as Role[])('tells a %s it is not theirs, without asking the server', (role) => {
    renderPage(role);
    expect(screen.getByText('Dit scherm is voor beheerders.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
