// The launch page against a fake server behind `fetch`: the token is taken from the address's
// fragment (or its query) and removed from the address at once; the page says whose link it is and
// asks for the code (focused, one-time-code, digits), sends it with the token, takes on the login
// the server answers (user and CSRF token, as the login page does) and opens the draft. A wrong
// code stands at the field, which is emptied, and the link may be tried again; a bad link is the
// server's one sentence instead of the form, also when it turns bad on sending; too many attempts
// stand beside the button; an address without a token explains itself and asks nothing; a 401 here
// does not end a session the tab may have.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { csrfToken, setCsrfToken } from '../api/csrf';
import { onSessionLost } from '../api/sessionEvents';
import i18n from '../i18n/i18n';
import { kMeKey, type User } from '../session/session';
import { launchToken, withoutToken } from './api';
import LaunchPage from './LaunchPage';

// The API client takes `fetch` when it is made, at import: the fake goes in before any import.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<(request: Request) => Promise<Response>>();
  vi.stubGlobal('fetch', mock);
  return mock;
});

const kToken = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJoaXMtMDEyMyJ9.c2lnbmF0dXJl';
const kCode = '123456';
const kBadLink = 'Deze koppeling uit het HIS is ongeldig, verlopen of al gebruikt. Open meekijk opnieuw vanuit het HIS.';
const kWrongCode = 'Deze code klopt niet of is al gebruikt. Wacht op de volgende code.';

const kGp: User = {
  id: 1, username: 'huisarts.devries', display_name: 'Dr. Anna de Vries', roles: ['gp'], pools: [],
  memberships: [{ organisation_id: 3, organisation_name: 'Huisartsenpraktijk Kralingen', organisation_kind: 'gp_practice', role: 'gp' }],
  second_factor: { enrolled: true, this_login: true, required: false },
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refusal = (status: number, code: string, message: string, field?: string) =>
  json({ error: { code, message, ...(field ? { field } : {}) } }, status);

/** What the page sent, and the fake server's answers to come, in order; after them, the real behaviour. */
let sent: unknown[];
let answers: (() => Response)[];

async function serve(request: Request): Promise<Response> {
  expect(new URL(request.url).pathname).toBe('/api/v1/launch');
  expect(request.method).toBe('POST');
  const body = (await request.json()) as { token: string; otp?: string };
  sent.push(body);
  const next = answers.shift();
  if (next) return next();
  if (body.token !== kToken) return refusal(401, 'launch_invalid', kBadLink, 'token');
  if (body.otp === undefined) {
    return json({ status: 'code_required', user: { display_name: 'Dr. Anna de Vries' }, practice: { id: 3, name: 'Huisartsenpraktijk Kralingen' } });
  }
  if (body.otp !== kCode) return refusal(401, 'unauthenticated', kWrongCode, 'otp');
  return json({ status: 'launched', consult_id: 352, expires_at: '2026-12-08T09:55:38.912Z', user: kGp, csrf_token: 'csrf-launch' });
}

/** Where the router is: the address as the page left it. */
function Address() {
  const { pathname, search, hash } = useLocation();
  return <p data-testid="address">{pathname + search + hash}</p>;
}

function DraftStandIn() {
  return <h1>Concept {useParams().id}</h1>;
}

let queryClient: QueryClient;

function renderPage(address: string) {
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[address]}>
        <Routes>
          <Route path="/launch" element={<LaunchPage />} />
          <Route path="/consults/:id/edit" element={<DraftStandIn />} />
          <Route path="/login" element={<h1>Inlogscherm</h1>} />
        </Routes>
        <Address />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const address = () => screen.getByTestId('address').textContent;
const codeField = () => screen.findByLabelText('Code uit de authenticator-app') as Promise<HTMLInputElement>;

function submit(code: string) {
  fireEvent.change(screen.getByLabelText(/^Code uit de authenticator-app|^Herstelcode/), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen en consult openen' }));
}

describe('launchToken', () => {
  it('takes the token from the fragment first, then from the query', () => {
    expect(launchToken(`#token=${kToken}`, '')).toBe(kToken);
    expect(launchToken(`#token=${kToken}`, '?token=other')).toBe(kToken);
    expect(launchToken('', `?praktijk=3&token=${kToken}`)).toBe(kToken);
    expect(launchToken('', '')).toBe('');
    expect(launchToken('#uitleg', '?x=1')).toBe('');
  });

  it('leaves the rest of the address as it was', () => {
    expect(withoutToken('?token=a&x=1', '#token=b')).toEqual({ search: '?x=1', hash: '' });
    expect(withoutToken('', '#token=b&y=2')).toEqual({ search: '', hash: '#y=2' });
    expect(withoutToken('', '')).toEqual({ search: '', hash: '' });
  });
});

describe('LaunchPage', () => {
  beforeEach(async () => {
    sent = [];
    answers = [];
    fetchMock.mockReset().mockImplementation(serve);
    setCsrfToken(null);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('takes the token from the fragment, removes it from the address and says whose link it is', async () => {
    renderPage(`/launch#token=${kToken}`);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Openen vanuit het HIS');
    expect(address()).toBe('/launch');
    expect(await screen.findByText('Inloggen als Dr. Anna de Vries, Huisartsenpraktijk Kralingen')).toBeTruthy();
    expect(sent).toEqual([{ token: kToken }]);

    const code = await codeField();
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(document.activeElement).toBe(code);
    expect(screen.getByText('Vul de zes cijfers in die de authenticator-app op uw telefoon nu toont.')).toBeTruthy();
  });

  it('takes the token from the query where the HIS cannot use a fragment, and removes it there too', async () => {
    renderPage(`/launch?token=${kToken}&bron=his`);
    expect(address()).toBe('/launch?bron=his');
    await codeField();
    expect(sent).toEqual([{ token: kToken }]);
  });

  it('sends the code with the token, takes on the login and opens the draft', async () => {
    renderPage(`/launch#token=${kToken}`);
    await codeField();
    submit(' 123 456 ');

    expect(await screen.findByRole('heading', { name: 'Concept 352' })).toBeTruthy();
    expect(address()).toBe('/consults/352/edit');
    expect(sent).toEqual([{ token: kToken }, { token: kToken, otp: kCode }]);
    expect(queryClient.getQueryData(kMeKey)).toEqual(kGp);
    expect(csrfToken()).toBe('csrf-launch');
  });

  it('says a wrong code at the field, empties it, and lets the GP try again with the same link', async () => {
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    renderPage(`/launch#token=${kToken}`);
    await codeField();
    submit('000000');

    const message = await screen.findByRole('alert');
    expect(message.textContent).toBe(kWrongCode);
    const code = await codeField();
    expect(code.value).toBe('');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')).toContain(message.id);
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(lost).not.toHaveBeenCalled();

    submit(kCode);
    expect(await screen.findByRole('heading', { name: 'Concept 352' })).toBeTruthy();
    stop();
  });

  it("shows a bad link in the server's words instead of the form, with the way to log in", async () => {
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    renderPage('/launch#token=eyJ.vervalst.token');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`Deze koppeling werkt niet${kBadLink}`);
    expect(document.activeElement).toBe(alert);
    expect(screen.queryByLabelText('Code uit de authenticator-app')).toBeNull();
    expect(lost).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('link', { name: 'Naar inloggen' }));
    expect(await screen.findByRole('heading', { name: 'Inlogscherm' })).toBeTruthy();
    stop();
  });

  it('shows a link that was used meanwhile as bad when the code is sent', async () => {
    renderPage(`/launch#token=${kToken}`);
    await codeField();
    answers.push(() => refusal(401, 'launch_invalid', kBadLink, 'token'));
    submit(kCode);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(kBadLink);
    expect(screen.queryByRole('button', { name: 'Inloggen en consult openen' })).toBeNull();
    expect(queryClient.getQueryData(kMeKey)).toBeUndefined();
  });

  it('says too many attempts beside the button', async () => {
    renderPage(`/launch#token=${kToken}`);
    await codeField();
    answers.push(() => refusal(429, 'too_many_requests', 'Te veel mislukte pogingen. Probeer het over 60 seconden opnieuw.'));
    submit(kCode);

    expect((await screen.findByRole('alert')).textContent).toBe('Te veel mislukte pogingen. Probeer het over 60 seconden opnieuw.');
    expect(screen.getByRole('button', { name: 'Inloggen en consult openen' })).toBeTruthy();
  });

  it('offers a recovery code with a keyboard for letters', async () => {
    renderPage(`/launch#token=${kToken}`);
    await codeField();
    fireEvent.click(screen.getByRole('button', { name: 'Telefoon niet bij de hand? Gebruik een herstelcode' }));
    const code = screen.getByLabelText('Herstelcode');
    expect(code.getAttribute('inputmode')).toBe('text');
    expect(document.activeElement).toBe(code);
  });

  it('asks again after the server could not be reached', async () => {
    answers.push(() => { throw new TypeError('Failed to fetch'); });
    renderPage(`/launch#token=${kToken}`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('De server is niet bereikbaar.');
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText('Inloggen als Dr. Anna de Vries, Huisartsenpraktijk Kralingen')).toBeTruthy();
    expect(sent).toEqual([{ token: kToken }, { token: kToken }]);
  });

  it('explains an address without a token, and asks the server nothing', () => {
    renderPage('/launch');
    expect(screen.getByText('Deze pagina opent u vanuit het HIS')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar inloggen' })).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('speaks English when chosen', async () => {
    await i18n.changeLanguage('en');
    renderPage(`/launch#token=${kToken}`);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Open from the HIS');
    expect(await screen.findByText('Log in as Dr. Anna de Vries, Huisartsenpraktijk Kralingen')).toBeTruthy();
    expect(screen.getByLabelText('Code from the authenticator app')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log in and open the consult' })).toBeTruthy();
  });
});
