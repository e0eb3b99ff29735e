// Setting up the authenticator app: password and code again when the server asks, the QR code
// with the secret as text, a code to confirm (a refusal placed at the field), the ten recovery
// codes once, and home after "Ik heb ze bewaard". A login that must enrol starts by itself.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { refreshMe, type User } from '../session/session';
import { beginOtpEnrolment, confirmOtp, reauthenticate } from './api';
import { OtpEnrolment } from './OtpEnrolment';

vi.mock('qrcode', () => ({ default: { toDataURL: vi.fn(async () => 'data:image/png;base64,UVI=') } }));

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  beginOtpEnrolment: vi.fn(),
  confirmOtp: vi.fn(),
  reauthenticate: vi.fn(),
}));

vi.mock('../session/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../session/session')>()),
  refreshMe: vi.fn(),
}));

const kSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const kEnrolment = { secret: kSecret, uri: `otpauth://totp/meekijk:huisarts.bakker?secret=${kSecret}&issuer=meekijk` };
const kCodes = Array.from({ length: 10 }, (_, i) => `AAAA-BBBB-CCCC-DD${String(i).padStart(2, '0')}`);

function user(secondFactor: User['second_factor']): User {
  return {
    id: 2, username: 'huisarts.bakker', display_name: 'Dr. Pieter Bakker', roles: [], memberships: [], pools: [],
    second_factor: secondFactor,
  };
}
const kEnrolled = user({ enrolled: true, this_login: true, required: false });
const kMustEnrol = user({ enrolled: false, this_login: false, required: true });

function renderEnrolment(who: User) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={['/security']}>
        <Routes>
          <Route path="/security" element={<OtpEnrolment user={who} />} />
          <Route path="/" element={<h1>Startpagina</h1>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const codeField = () => screen.getByLabelText('Code uit uw authenticator-app') as HTMLInputElement;

describe('OtpEnrolment', () => {
  beforeEach(async () => {
    vi.mocked(beginOtpEnrolment).mockReset().mockResolvedValue(kEnrolment);
    vi.mocked(confirmOtp).mockReset();
    vi.mocked(reauthenticate).mockReset();
    vi.mocked(refreshMe).mockReset().mockResolvedValue();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('asks for password and code again when the server wants them, then shows the QR code and the secret', async () => {
    vi.mocked(beginOtpEnrolment).mockRejectedValueOnce(
      new ApiError(403, 'reauthentication_required', 'Geef voor deze handeling opnieuw uw wachtwoord en code.'),
    );
    vi.mocked(reauthenticate).mockResolvedValue(undefined as never);
    renderEnrolment(kEnrolled);
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe authenticator-app instellen' }));

    const password = await screen.findByLabelText('Wachtwoord');
    expect(document.activeElement).toBe(password);
    fireEvent.change(password, { target: { value: 'geheim-wachtwoord' } });
    fireEvent.change(codeField(), { target: { value: '654 321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en doorgaan' }));

    const qr = await screen.findByRole('img', { name: 'QR-code om meekijk aan uw authenticator-app toe te voegen' });
    expect(qr.getAttribute('src')).toBe('data:image/png;base64,UVI=');
    expect(reauthenticate).toHaveBeenCalledWith('geheim-wachtwoord', '654321');
    expect(beginOtpEnrolment).toHaveBeenCalledTimes(2);
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeTruthy();
  });

  it('places a refused password at its field, announced', async () => {
    vi.mocked(beginOtpEnrolment).mockRejectedValueOnce(new ApiError(403, 'reauthentication_required', 'Opnieuw.'));
    vi.mocked(reauthenticate).mockRejectedValue(new ApiError(401, 'unauthenticated', 'Het wachtwoord of de code is onjuist.', 'password'));
    renderEnrolment(kEnrolled);
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe authenticator-app instellen' }));
    fireEvent.change(await screen.findByLabelText('Wachtwoord'), { target: { value: 'fout' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en doorgaan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Het wachtwoord of de code is onjuist.');
    expect(screen.getByLabelText('Wachtwoord').getAttribute('aria-invalid')).toBe('true');
  });

  it('confirms with a code, places a wrong one at the field, shows the ten recovery codes, then goes home', async () => {
    vi.mocked(confirmOtp)
      .mockRejectedValueOnce(new ApiError(422, 'invalid_argument', 'Deze code klopt niet.', 'otp'))
      .mockResolvedValueOnce({ recovery_codes: kCodes });
    renderEnrolment(kEnrolled);
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe authenticator-app instellen' }));
    await screen.findByRole('img');
    expect(codeField().getAttribute('autocomplete')).toBe('one-time-code');

    fireEvent.change(codeField(), { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Deze code klopt niet.');

    fireEvent.change(codeField(), { target: { value: '222222' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    const list = await screen.findByRole('list', { name: 'Herstelcodes' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(kCodes);
    expect(confirmOtp).toHaveBeenLastCalledWith('222222');
    expect(document.activeElement?.textContent).toBe('Stap 3: bewaar uw herstelcodes');

    fireEvent.click(screen.getByRole('button', { name: 'Ik heb ze bewaard' }));
    expect(await screen.findByRole('heading', { name: 'Startpagina' })).toBeTruthy();
    expect(refreshMe).toHaveBeenCalled();
  });

  it('goes back to the start with the server\'s sentence when nothing waits for confirmation', async () => {
    vi.mocked(confirmOtp).mockRejectedValue(new ApiError(409, 'conflict', 'Er wacht geen nieuwe authenticator op bevestiging. Begin opnieuw.'));
    renderEnrolment(kEnrolled);
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe authenticator-app instellen' }));
    await screen.findByRole('img');
    fireEvent.change(codeField(), { target: { value: '333333' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Er wacht geen nieuwe authenticator op bevestiging. Begin opnieuw.');
    expect(screen.getByRole('button', { name: 'Nieuwe authenticator-app instellen' })).toBeTruthy();
  });

  it('starts by itself for a login that must set up a second factor', async () => {
    renderEnrolment(kMustEnrol);
    expect(await screen.findByRole('img', { name: /QR-code/ })).toBeTruthy();
    expect(beginOtpEnrolment).toHaveBeenCalledTimes(1);
  });
});
