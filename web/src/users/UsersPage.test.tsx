// The users screen: a coordinator sees the users they manage with organisations and Dutch role
// names, makes a reset link for one and gets the full address (this app's origin and the
// server's path) to copy, with its expiry and how to hand it over; a refusal stands at the
// pressed button. For a user with a second factor a link can reset that factor too, only after
// ticking that their identity was checked; other roles are not served and the server is not asked.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { formatDateTime } from '../lib/due';
import { reauthenticate } from '../security/api';
import { kMeKey, type Role, type User } from '../session/session';
import { useOrganisations } from '../region/api';
import {
  deactivateUser, inviteUser, issuePasswordReset, reactivateUser, useManagedUsers, type ManagedUser,
} from './api';
import UsersPage from './UsersPage';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useManagedUsers: vi.fn(),
  issuePasswordReset: vi.fn(),
  inviteUser: vi.fn(),
  deactivateUser: vi.fn(),
  reactivateUser: vi.fn(),
}));
vi.mock('../region/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../region/api')>()),
  useOrganisations: vi.fn(),
}));
vi.mock('../security/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../security/api')>()),
  reauthenticate: vi.fn(),
}));

const kToken = '0123456789abcdef'.repeat(4);
const kExpiresAt = '2026-12-03T09:15:00.000Z';

function me(role: Role): User {
  return {
    id: 9, username: 'coordinator.jansen', display_name: 'Anne Jansen', roles: [role], pools: [],
    memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond', organisation_kind: 'care_group', role }],
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

const kUsers: ManagedUser[] = [
  {
    id: 2, username: 'huisarts.bakker', display_name: 'Dr. Pieter Bakker', email: 'p.bakker@example.nl', active: true,
    second_factor: true, agb: null,
    memberships: [
      { organisation_id: 3, organisation_name: 'Huisartsenpraktijk Kralingen', role: 'gp' },
      { organisation_id: 1, organisation_name: 'Zorggroep Rijnmond', role: 'coordinator' },
    ],
  },
  {
    id: 4, username: 'assistent.visser', display_name: 'Sanne Visser', email: 's.visser@example.nl', active: false,
    second_factor: false, agb: null,
    memberships: [{ organisation_id: 3, organisation_name: 'Huisartsenpraktijk Kralingen', role: 'assistant' }],
  },
];

function renderPage(role: Role) {
  const client = new QueryClient();
  client.setQueryData(kMeKey, me(role));
  render(<QueryClientProvider client={client}><UsersPage /></QueryClientProvider>);
}

const writeText = vi.fn();

describe('UsersPage', () => {
  beforeEach(async () => {
    vi.mocked(useManagedUsers).mockReset().mockReturnValue(
      { data: { items: kUsers }, isPending: false, isSuccess: true, error: null } as never,
    );
    vi.mocked(issuePasswordReset).mockReset().mockResolvedValue({
      token: kToken, path: `/wachtwoord-herstellen#${kToken}`, expires_at: kExpiresAt, second_factor: false,
    });
    vi.mocked(useOrganisations).mockReturnValue({
      data: { items: [
        { id: 1, name: 'Zorggroep Rijnmond', kind: 'care_group', agb: null, parent_id: null, region: 'Rijnmond', in_scope: true },
        { id: 3, name: 'Huisartsenpraktijk Kralingen', kind: 'gp_practice', agb: null, parent_id: 1, region: 'Rijnmond', in_scope: true },
        { id: 5, name: 'Maasstad Ziekenhuis', kind: 'hospital', agb: null, parent_id: null, region: 'Rijnmond', in_scope: false },
      ] },
      error: null,
    } as never);
    vi.mocked(inviteUser).mockReset().mockResolvedValue({
      id: 7, token: kToken, path: `/wachtwoord-herstellen#${kToken}`, expires_at: kExpiresAt,
    });
    vi.mocked(deactivateUser).mockReset().mockResolvedValue({ ...kUsers[0]!, active: false });
    vi.mocked(reactivateUser).mockReset().mockResolvedValue({ ...kUsers[1]!, active: true });
    writeText.mockReset().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('lists the users with organisations, Dutch role names, second factor and whether active', () => {
    renderPage('coordinator');
    const [, bakker, visser] = screen.getAllByRole('row');
    expect(within(bakker!).getByRole('rowheader').textContent).toBe('Dr. Pieter Bakker');
    expect(within(bakker!).getByText('huisarts.bakker')).toBeTruthy();
    expect(within(bakker!).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Huisartsenpraktijk Kralingen: huisarts', 'Zorggroep Rijnmond: coördinator',
    ]);
    expect(within(bakker!).getByText('Ja')).toBeTruthy();
    expect(within(bakker!).getByText('Actief')).toBeTruthy();
    expect(within(visser!).getByText('Huisartsenpraktijk Kralingen: assistent')).toBeTruthy();
    expect(within(visser!).getByText('Nee')).toBeTruthy();
    expect(within(visser!).getByText('Gedeactiveerd')).toBeTruthy();
  });

  it('makes a reset link and shows the full address to copy, with its expiry and how to hand it over', async () => {
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken (voor Dr. Pieter Bakker)' }));

    const heading = await screen.findByRole('heading', { name: 'Herstellink voor Dr. Pieter Bakker' });
    expect(document.activeElement).toBe(heading);
    expect(vi.mocked(issuePasswordReset).mock.calls).toEqual([[2, {}]]);
    const link = screen.getByLabelText('Herstellink') as HTMLInputElement;
    const expected = `${window.location.origin}/wachtwoord-herstellen#${kToken}`;
    expect(link.value).toBe(expected);
    expect(link.readOnly).toBe(true);
    expect(screen.getByText(formatDateTime(kExpiresAt, 'nl')).getAttribute('datetime')).toBe(kExpiresAt);
    expect(screen.getByText(/Deze link werkt één keer\. Geef hem persoonlijk aan Dr\. Pieter Bakker, nooit per e-mail/)).toBeTruthy();
    expect(screen.getByText(/de tweede factor blijft nodig/)).toBeTruthy();
    expect(screen.queryByText(/stelt ook de tweede factor opnieuw in/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Kopiëren' }));
    expect(await screen.findByText('De link is gekopieerd.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(expected);
  });

  it('says so when the clipboard refuses, with the link selected to copy by hand', async () => {
    writeText.mockRejectedValue(new Error('NotAllowedError'));
    renderPage('admin');
    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken (voor Sanne Visser)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Kopiëren' }));
    expect(await screen.findByText(/^Kopiëren lukte niet/)).toBeTruthy();
  });

  it('puts a refusal next to the pressed button', async () => {
    vi.mocked(issuePasswordReset).mockRejectedValue(new ApiError(403, 'forbidden', 'Deze gebruiker beheert u niet.'));
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken (voor Sanne Visser)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Deze gebruiker beheert u niet.');
    expect(within(screen.getAllByRole('row')[2]!).getByRole('alert')).toBe(alert);
    expect(screen.queryByLabelText('Herstellink')).toBeNull();
  });

  it('asks for the password and code again when the server wants them, then makes the same link', async () => {
    vi.mocked(reauthenticate).mockReset().mockResolvedValue(undefined as never);
    vi.mocked(issuePasswordReset).mockRejectedValueOnce(
      new ApiError(403, 'reauthentication_required', 'Geef voor deze handeling opnieuw uw wachtwoord en code.'),
    );
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken (voor Sanne Visser)' }));

    const password = await screen.findByLabelText('Wachtwoord');
    expect(screen.getByText(/^Geef voor het maken van een herstellink opnieuw/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.change(password, { target: { value: 'geheim-wachtwoord' } });
    fireEvent.change(screen.getByLabelText('Code uit uw authenticator-app'), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en doorgaan' }));

    await screen.findByRole('heading', { name: 'Herstellink voor Sanne Visser' });
    expect(reauthenticate).toHaveBeenCalledWith('geheim-wachtwoord', '123456');
    expect(vi.mocked(issuePasswordReset).mock.calls).toEqual([[4, {}], [4, {}]]);
  });

  it('offers resetting the second factor too only for users who have one', () => {
    renderPage('coordinator');
    const [, bakker, visser] = screen.getAllByRole('row');
    expect(within(bakker!).getByRole('button', { name: 'Ook tweede factor opnieuw instellen (voor Dr. Pieter Bakker)' })).toBeTruthy();
    expect(within(visser!).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Herstellink maken (voor Sanne Visser)', 'Heractiveren (voor Sanne Visser)',
    ]);
  });

  it('asks to tick the identity check before a link that resets the second factor too, and sends neither without it', async () => {
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Ook tweede factor opnieuw instellen (voor Dr. Pieter Bakker)' }));

    const heading = screen.getByRole('heading', { name: 'Ook de tweede factor opnieuw instellen voor Dr. Pieter Bakker' });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/^Deze herstellink verwijdert ook de tweede factor van Dr\. Pieter Bakker\. Alleen de link opent dan het account/)).toBeTruthy();
    expect(screen.getByText(/persoonlijk met een identiteitsbewijs, of door terug te bellen op een bekend nummer\.$/)).toBeTruthy();
    const box = screen.getByRole('checkbox', { name: 'Ik heb de identiteit van Dr. Pieter Bakker gecontroleerd' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-required')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken' }));
    const refusal = screen.getByText('Vink eerst aan dat u de identiteit van Dr. Pieter Bakker heeft gecontroleerd.');
    expect(box.getAttribute('aria-describedby')).toBe(refusal.id);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(box);
    expect(issuePasswordReset).not.toHaveBeenCalled();

    fireEvent.click(box);
    expect(screen.queryByText(/^Vink eerst aan/)).toBeNull();
  });

  it('makes a link that resets the second factor too, and says so with the link', async () => {
    vi.mocked(issuePasswordReset).mockResolvedValue({
      token: kToken, path: `/wachtwoord-herstellen#${kToken}`, expires_at: kExpiresAt, second_factor: true,
    });
    renderPage('admin');
    fireEvent.click(screen.getByRole('button', { name: 'Ook tweede factor opnieuw instellen (voor Dr. Pieter Bakker)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ik heb de identiteit van Dr. Pieter Bakker gecontroleerd' }));
    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken' }));

    const heading = await screen.findByRole('heading', { name: 'Herstellink voor Dr. Pieter Bakker' });
    expect(document.activeElement).toBe(heading);
    expect(vi.mocked(issuePasswordReset).mock.calls).toEqual([[2, { second_factor: true, identity_checked: true }]]);
    expect(screen.getByText(
      'Deze link stelt ook de tweede factor opnieuw in: Dr. Pieter Bakker stelt bij de eerste keer inloggen een nieuwe authenticator-app in.',
    )).toBeTruthy();
    expect(screen.queryByText(/de tweede factor blijft nodig/)).toBeNull();
    expect((screen.getByLabelText('Herstellink') as HTMLInputElement).value).toBe(`${window.location.origin}/wachtwoord-herstellen#${kToken}`);
    expect(screen.getByRole('table')).toBeTruthy();
  });

  it('puts the refusal of the identity check under the box, and any other refusal at the button', async () => {
    vi.mocked(issuePasswordReset)
      .mockRejectedValueOnce(new ApiError(422, 'invalid_argument', 'Controleer eerst de identiteit.', 'identity_checked'))
      .mockRejectedValueOnce(new ApiError(403, 'forbidden', 'Deze gebruiker beheert u niet.'));
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Ook tweede factor opnieuw instellen (voor Dr. Pieter Bakker)' }));
    const box = screen.getByRole('checkbox', { name: 'Ik heb de identiteit van Dr. Pieter Bakker gecontroleerd' });
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken' }));

    const fieldError = await screen.findByText('Controleer eerst de identiteit.');
    expect(box.getAttribute('aria-describedby')).toBe(fieldError.id);
    expect(document.activeElement).toBe(box);
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Deze gebruiker beheert u niet.');
    expect(screen.queryByText('Controleer eerst de identiteit.')).toBeNull();
    expect(screen.queryByLabelText('Herstellink')).toBeNull();
  });

  it('goes back to the table on cancel, with the focus on the button that opened the step', () => {
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Ook tweede factor opnieuw instellen (voor Dr. Pieter Bakker)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));

    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Ook tweede factor opnieuw instellen (voor Dr. Pieter Bakker)' }),
    );
    expect(issuePasswordReset).not.toHaveBeenCalled();
  });

  it('asks for the password and code again for a link that resets the second factor too, then sends the same options', async () => {
    vi.mocked(reauthenticate).mockReset().mockResolvedValue(undefined as never);
    vi.mocked(issuePasswordReset)
      .mockRejectedValueOnce(new ApiError(403, 'reauthentication_required', 'Geef voor deze handeling opnieuw uw wachtwoord en code.'))
      .mockResolvedValueOnce({ token: kToken, path: `/wachtwoord-herstellen#${kToken}`, expires_at: kExpiresAt, second_factor: true });
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Ook tweede factor opnieuw instellen (voor Dr. Pieter Bakker)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ik heb de identiteit van Dr. Pieter Bakker gecontroleerd' }));
    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken' }));

    const password = await screen.findByLabelText('Wachtwoord');
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.change(password, { target: { value: 'geheim-wachtwoord' } });
    fireEvent.change(screen.getByLabelText('Code uit uw authenticator-app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en doorgaan' }));

    await screen.findByRole('heading', { name: 'Herstellink voor Dr. Pieter Bakker' });
    expect(screen.getByText(/^Deze link stelt ook de tweede factor opnieuw in/)).toBeTruthy();
    const options = { second_factor: true, identity_checked: true };
    expect(vi.mocked(issuePasswordReset).mock.calls).toEqual([[2, options], [2, options]]);
  });

  it('goes back to the identity check when the password is not given again', async () => {
    vi.mocked(issuePasswordReset).mockRejectedValueOnce(
      new ApiError(403, 'reauthentication_required', 'Geef voor deze handeling opnieuw uw wachtwoord en code.'),
    );
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Ook tweede factor opnieuw instellen (voor Dr. Pieter Bakker)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ik heb de identiteit van Dr. Pieter Bakker gecontroleerd' }));
    fireEvent.click(screen.getByRole('button', { name: 'Herstellink maken' }));
    await screen.findByLabelText('Wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));

    const box = screen.getByRole('checkbox', { name: 'Ik heb de identiteit van Dr. Pieter Bakker gecontroleerd' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(issuePasswordReset).toHaveBeenCalledTimes(1);
  });

  it('is not for other roles, and asks the server nothing for them', () => {
    renderPage('gp');
    expect(screen.getByText('Dit scherm is voor coördinatoren en beheerders.')).toBeTruthy();
    expect(useManagedUsers).not.toHaveBeenCalled();
  });

  it('invites someone into an organisation it acts for, and shows the link once', async () => {
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Iemand uitnodigen' }));
    expect(screen.queryByRole('table')).toBeNull();
    const organisation = screen.getByLabelText(/^Organisatie/) as HTMLSelectElement;
    expect([...organisation.options].map((o) => o.textContent)).toEqual(['Zorggroep Rijnmond', 'Huisartsenpraktijk Kralingen']);
    fireEvent.change(screen.getByLabelText(/^Gebruikersnaam/), { target: { value: 'huisarts.smit' } });
    fireEvent.change(screen.getByLabelText(/^Naam/), { target: { value: 'Dr. Eva Smit' } });
    fireEvent.change(screen.getByLabelText(/^AGB-code/), { target: { value: '01234567' } });
    fireEvent.change(organisation, { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText(/^Rol/), { target: { value: 'gp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Uitnodigen' }));

    const heading = await screen.findByRole('heading', { name: 'Uitnodiging voor Dr. Eva Smit' });
    expect(document.activeElement).toBe(heading);
    expect(vi.mocked(inviteUser).mock.calls).toEqual([[{
      username: 'huisarts.smit', display_name: 'Dr. Eva Smit', agb: '01234567',
      memberships: [{ organisation_id: 3, role: 'gp' }],
    }]]);
    expect((screen.getByLabelText('Uitnodigingslink') as HTMLInputElement).value)
      .toBe(`${window.location.origin}/wachtwoord-herstellen#${kToken}`);
    expect(screen.getByText(/U ziet de link alleen nu\.$/)).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
  });

  it('puts a refused invitation next to the field the server names', async () => {
    vi.mocked(inviteUser).mockRejectedValue(new ApiError(409, 'conflict', 'Deze gebruikersnaam bestaat al.', 'username'));
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Iemand uitnodigen' }));
    fireEvent.change(screen.getByLabelText(/^Gebruikersnaam/), { target: { value: 'huisarts.bakker' } });
    fireEvent.click(screen.getByRole('button', { name: 'Uitnodigen' }));

    const refusal = await screen.findByText('Deze gebruikersnaam bestaat al.');
    const username = screen.getByLabelText(/^Gebruikersnaam/);
    expect(username.getAttribute('aria-describedby')).toContain(refusal.id);
    expect(document.activeElement).toBe(username);
  });

  it('asks for the password and code again before an invitation, then sends it again', async () => {
    vi.mocked(reauthenticate).mockReset().mockResolvedValue(undefined as never);
    vi.mocked(inviteUser).mockRejectedValueOnce(
      new ApiError(403, 'reauthentication_required', 'Geef voor deze handeling opnieuw uw wachtwoord en code.'),
    );
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Iemand uitnodigen' }));
    fireEvent.change(screen.getByLabelText(/^Naam/), { target: { value: 'Dr. Eva Smit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Uitnodigen' }));

    const password = await screen.findByLabelText('Wachtwoord');
    expect(screen.getByText(/^Geef voor het uitnodigen opnieuw/)).toBeTruthy();
    fireEvent.change(password, { target: { value: 'geheim-wachtwoord' } });
    fireEvent.change(screen.getByLabelText('Code uit uw authenticator-app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en doorgaan' }));

    await screen.findByRole('heading', { name: 'Uitnodiging voor Dr. Eva Smit' });
    expect(inviteUser).toHaveBeenCalledTimes(2);
  });

  it('deactivates someone only after a confirmation that says what it does', async () => {
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Deactiveren (voor Dr. Pieter Bakker)' }));

    const heading = screen.getByRole('heading', { name: 'Dr. Pieter Bakker deactiveren' });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/eindigen meteen .* De naam blijft staan in de geschiedenis/)).toBeTruthy();
    expect(deactivateUser).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Deactiveren' }));

    await screen.findByRole('table');
    expect(vi.mocked(deactivateUser).mock.calls).toEqual([[2]]);
  });

  it('goes back to the table when the deactivation is cancelled', () => {
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Deactiveren (voor Dr. Pieter Bakker)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.getByRole('table')).toBeTruthy();
    expect(deactivateUser).not.toHaveBeenCalled();
  });

  it('reactivates a deactivated user at once', async () => {
    renderPage('coordinator');
    fireEvent.click(screen.getByRole('button', { name: 'Heractiveren (voor Sanne Visser)' }));
    await vi.waitFor(() => expect(vi.mocked(reactivateUser).mock.calls).toEqual([[4]]));
  });
});
