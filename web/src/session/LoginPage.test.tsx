// The login form marks both answers required and says which is missing without asking the server;
// when the server asks for the second factor, it shows the code field, focused, and sends the code
// with username and password; refusals are said in the server's words, announced.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { LoginPage } from './LoginPage';
import { logIn, type User } from './session';

vi.mock('./session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./session')>()),
  useMe: () => ({ user: null, isError: false }),
  logIn: vi.fn(),
}));

const kOtpRequired = new ApiError(401, 'otp_required', 'Vul de code uit uw authenticator-app in.', 'otp');
const kCodeLabel = 'Code uit uw authenticator-app';

function renderLoginPage() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={['/login']}><LoginPage /></MemoryRouter>
    </QueryClientProvider>,
  );
}

/** Username and password given and sent; the server answered otp_required; the code field shows. */
async function reachCodeStep(): Promise<HTMLInputElement> {
  vi.mocked(logIn).mockRejectedValueOnce(kOtpRequired);
  renderLoginPage();
  fireEvent.change(screen.getByLabelText('Gebruikersnaam (verplicht)'), { target: { value: 'huisarts.devries ' } });
  fireEvent.change(screen.getByLabelText('Wachtwoord (verplicht)'), { target: { value: 'geheim-wachtwoord' } });
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
  return (await screen.findByLabelText(kCodeLabel)) as HTMLInputElement;
}

describe('LoginPage', () => {
  beforeEach(async () => {
    vi.mocked(logIn).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('names a missing password in the server\'s words and does not send', async () => {
    renderLoginPage();
    const username = screen.getByLabelText('Gebruikersnaam (verplicht)');
    expect(username.getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Wachtwoord (verplicht)').getAttribute('aria-required')).toBe('true');
    fireEvent.change(username, { target: { value: 'huisarts.devries' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByText('‘Wachtwoord’ is verplicht.')).toBeTruthy();
    expect(screen.queryByText('‘Gebruikersnaam’ is verplicht.')).toBeNull();
    expect(logIn).not.toHaveBeenCalled();
  });

  it('asks no code before the server does', () => {
    renderLoginPage();
    expect(screen.queryByLabelText(kCodeLabel)).toBeNull();
  });

  it('asks for the code when the server wants it, focused, as a prompt rather than an error', async () => {
    const code = await reachCodeStep();
    expect(logIn).toHaveBeenCalledWith(expect.anything(), { username: 'huisarts.devries', password: 'geheim-wachtwoord' });
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(document.activeElement).toBe(code);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends username, password and the code, without the spaces some apps show', async () => {
    const code = await reachCodeStep();
    vi.mocked(logIn).mockResolvedValueOnce({ id: 1 } as User);
    fireEvent.change(code, { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await vi.waitFor(() => expect(logIn).toHaveBeenCalledTimes(2));
    expect(logIn).toHaveBeenLastCalledWith(expect.anything(), {
      username: 'huisarts.devries', password: 'geheim-wachtwoord', otp: '123456',
    });
  });

  it('says a refused code at its field, announced, and empties the field for the next code', async () => {
    const code = await reachCodeStep();
    const sentence = 'Deze code klopt niet of is al gebruikt. Wacht op de volgende code.';
    vi.mocked(logIn).mockRejectedValueOnce(new ApiError(401, 'unauthenticated', sentence, 'otp'));
    fireEvent.change(code, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
    expect(code.value).toBe('');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    expect(document.activeElement).toBe(code);
  });

  it('says that there were too many attempts, in the server\'s words', async () => {
    const code = await reachCodeStep();
    const sentence = 'Te veel mislukte pogingen. Probeer het over 2 seconden opnieuw.';
    vi.mocked(logIn).mockRejectedValueOnce(new ApiError(429, 'too_many_requests', sentence));
    fireEvent.change(code, { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
  });

  it('takes a recovery code, with a keyboard that has letters', async () => {
    await reachCodeStep();
    fireEvent.click(screen.getByRole('button', { name: 'Telefoon niet bij de hand? Gebruik een herstelcode' }));
    const code = screen.getByLabelText('Herstelcode') as HTMLInputElement;
    expect(code.getAttribute('inputmode')).toBe('text');
    vi.mocked(logIn).mockResolvedValueOnce({ id: 1 } as User);
    fireEvent.change(code, { target: { value: 'ABCD-EFGH-IJKL-MNOP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await vi.waitFor(() => expect(logIn).toHaveBeenCalledTimes(2));
    expect(vi.mocked(logIn).mock.lastCall?.[1]).toMatchObject({ otp: 'ABCD-EFGH-IJKL-MNOP' });
  });

  it('labels the code field in English too', async () => {
    await i18n.changeLanguage('en');
    vi.mocked(logIn).mockRejectedValueOnce(kOtpRequired);
    renderLoginPage();
    fireEvent.change(screen.getByLabelText('Username (required)'), { target: { value: 'huisarts.devries' } });
    fireEvent.change(screen.getByLabelText('Password (required)'), { target: { value: 'geheim-wachtwoord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByLabelText('Code from your authenticator app')).toBeTruthy();
  });
});
