// The reset link's page: the token comes from the address's fragment; the two passwords must match
// before anything is sent; a spent or unknown link (404) says so instead of the form; the
// server's refusal of the password stands at its field; success leads to the login page; an
// address without a token explains itself.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { resetPassword } from './api';
import PasswordResetPage from './PasswordResetPage';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  resetPassword: vi.fn(),
}));

const kToken = 'a'.repeat(64);
const kPassword = 'paarse olifant danst op het dak';

function renderPage(address: string) {
  render(
    <MemoryRouter initialEntries={[address]}>
      <Routes>
        <Route path="/wachtwoord-herstellen" element={<PasswordResetPage />} />
        <Route path="/login" element={<h1>Inlogscherm</h1>} />
      </Routes>
    </MemoryRouter>,
  );
}

function type(password: string, repeat: string) {
  fireEvent.change(screen.getByLabelText(/^Nieuw wachtwoord/), { target: { value: password } });
  fireEvent.change(screen.getByLabelText(/^Herhaal het nieuwe wachtwoord/), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: 'Nieuw wachtwoord opslaan' }));
}

describe('PasswordResetPage', () => {
  beforeEach(async () => {
    vi.mocked(resetPassword).mockReset().mockResolvedValue(undefined as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('sends nothing while the two passwords differ, and says so at the repetition', async () => {
    renderPage(`/wachtwoord-herstellen#${kToken}`);
    type(kPassword, `${kPassword}!`);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'De twee wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord twee keer precies hetzelfde.',
    );
    expect(screen.getByLabelText(/^Herhaal het nieuwe wachtwoord/).getAttribute('aria-invalid')).toBe('true');
    expect(resetPassword).not.toHaveBeenCalled();
  });

  it('asks for a new password before sending, in the server\'s words', async () => {
    renderPage(`/wachtwoord-herstellen#${kToken}`);
    type('', '');
    expect((await screen.findByRole('alert')).textContent).toBe('‘Nieuw wachtwoord’ is verplicht.');
    expect(resetPassword).not.toHaveBeenCalled();
  });

  it('sends the token from the hash with the password, then offers the login page', async () => {
    renderPage(`/wachtwoord-herstellen#${kToken}`);
    type(kPassword, kPassword);
    expect((await screen.findByText('Uw wachtwoord is gewijzigd.'))).toBeTruthy();
    expect(resetPassword).toHaveBeenCalledWith(kToken, kPassword);
    expect(screen.queryByLabelText(/^Nieuw wachtwoord/)).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Naar inloggen' }));
    expect(await screen.findByRole('heading', { name: 'Inlogscherm' })).toBeTruthy();
  });

  it('shows a 404 as an invalid or expired link, in place of the form', async () => {
    vi.mocked(resetPassword).mockRejectedValue(new ApiError(404, 'not_found', 'Niet gevonden.'));
    renderPage(`/wachtwoord-herstellen#${kToken}`);
    type(kPassword, kPassword);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/link ongeldig of verlopen/);
    expect(document.activeElement).toBe(alert);
    expect(screen.queryByRole('button', { name: 'Nieuw wachtwoord opslaan' })).toBeNull();
  });

  it('places the server\'s refusal of the password under the password field', async () => {
    const refusal = 'Kies een wachtwoord van minstens 12 tekens; een zin van een paar woorden is makkelijk te onthouden.';
    vi.mocked(resetPassword).mockRejectedValue(new ApiError(422, 'invalid_argument', refusal, 'password'));
    renderPage(`/wachtwoord-herstellen#${kToken}`);
    type('kort', 'kort');
    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
    const field = screen.getByLabelText(/^Nieuw wachtwoord/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
  });

  it('explains itself when the address has no token', () => {
    renderPage('/wachtwoord-herstellen');
    expect(screen.getByText('Deze pagina opent u met een herstellink')).toBeTruthy();
    expect(screen.queryByLabelText(/^Nieuw wachtwoord/)).toBeNull();
  });
});
