// Changing the password on the security screen: nothing goes out while the repetition differs or
// the current password is missing; the server's refusals stand under the field they name; success
// empties the form, says the other sessions ended and refreshes the session list.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { changePassword, kSessionsKey } from './api';
import { PasswordChangeForm } from './PasswordChangeForm';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  changePassword: vi.fn(),
}));

const kNew = 'paarse olifant danst op het dak';

const current = () => screen.getByLabelText(/^Huidig wachtwoord/) as HTMLInputElement;
const fresh = () => screen.getByLabelText(/^Nieuw wachtwoord/) as HTMLInputElement;
const repeat = () => screen.getByLabelText(/^Herhaal het nieuwe wachtwoord/) as HTMLInputElement;

function renderForm(client = new QueryClient()) {
  render(<QueryClientProvider client={client}><PasswordChangeForm /></QueryClientProvider>);
  return client;
}

function fill(now: string, next: string, again: string) {
  fireEvent.change(current(), { target: { value: now } });
  fireEvent.change(fresh(), { target: { value: next } });
  fireEvent.change(repeat(), { target: { value: again } });
  fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord wijzigen' }));
}

describe('PasswordChangeForm', () => {
  beforeEach(async () => {
    vi.mocked(changePassword).mockReset().mockResolvedValue(undefined as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('sends nothing while the two new passwords differ', async () => {
    renderForm();
    fill('oud wachtwoord', kNew, 'iets anders');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^De twee wachtwoorden zijn niet gelijk/);
    expect(repeat().getAttribute('aria-invalid')).toBe('true');
    expect(changePassword).not.toHaveBeenCalled();
  });

  it('asks for the current password before sending, in the server\'s words', async () => {
    renderForm();
    fill('', kNew, kNew);
    expect((await screen.findByRole('alert')).textContent).toBe('‘Huidig wachtwoord’ is verplicht.');
    expect(changePassword).not.toHaveBeenCalled();
  });

  it.each([
    ['current_password', 'Het huidige wachtwoord klopt niet.', current],
    ['new_password', 'Dit wachtwoord is te makkelijk te raden.', fresh],
  ] as const)('places a refusal naming %s under that field', async (field, message, input) => {
    vi.mocked(changePassword).mockRejectedValue(new ApiError(422, 'invalid_argument', message, field));
    renderForm();
    fill('oud wachtwoord', kNew, kNew);
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(input().getAttribute('aria-invalid')).toBe('true');
  });

  it('changes it, empties the form, says the other sessions ended and refreshes the list', async () => {
    const client = new QueryClient();
    client.setQueryData(kSessionsKey, { items: [] });
    renderForm(client);
    fill('oud wachtwoord', kNew, kNew);
    expect(await screen.findByText('Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd; hier blijft u ingelogd.')).toBeTruthy();
    expect(changePassword).toHaveBeenCalledWith('oud wachtwoord', kNew);
    expect([current().value, fresh().value, repeat().value]).toEqual(['', '', '']);
    expect(client.getQueryState(kSessionsKey)?.isInvalidated).toBe(true);
  });
});
