// The login form marks both answers required and says which is missing without asking the server.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/i18n';
import { LoginPage } from './LoginPage';
import { logIn } from './session';

vi.mock('./session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./session')>()),
  useMe: () => ({ user: null, isError: false }),
  logIn: vi.fn(),
}));

describe('LoginPage', () => {
  beforeEach(async () => {
    vi.mocked(logIn).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('names a missing password in the server\'s words and does not send', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter initialEntries={['/login']}><LoginPage /></MemoryRouter>
      </QueryClientProvider>,
    );
    const username = screen.getByLabelText('Gebruikersnaam (verplicht)');
    expect(username.getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Wachtwoord (verplicht)').getAttribute('aria-required')).toBe('true');
    fireEvent.change(username, { target: { value: 'huisarts.devries' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByText('‘Wachtwoord’ is verplicht.')).toBeTruthy();
    expect(screen.queryByText('‘Gebruikersnaam’ is verplicht.')).toBeNull();
    expect(logIn).not.toHaveBeenCalled();
  });
});
