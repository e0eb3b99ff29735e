// /uitgaande-email: at first the mails that could not be delivered, then by the status chosen (kept
// in the address); each with its recipient, kind in words, consult, attempts and last error; a mail
// not yet delivered tried again with a button that names it, a refusal said next to it. Not for
// those who do not keep the region, whom the server is not asked about.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { kMeKey, type Role, type User } from '../session/session';
import { retryMail, statusFromParam, useMailOutbox, type OutboxMail } from './api';
import MailOutboxPage from './MailOutboxPage';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useMailOutbox: vi.fn(),
  retryMail: vi.fn(),
}));

function user(role: Role): User {
  return {
    id: 18, username: 'someone', display_name: 'Erik van Leeuwen', roles: [role], pools: [],
    memberships: [{ organisation_id: 7, organisation_name: 'Maasstad Ziekenhuis', organisation_kind: 'hospital', role }],
    second_factor: { enrolled: true, this_login: true, required: false },
  };
}

const kDead: OutboxMail = {
  id: 31, message_id: '<meekijk.31@example.nl>', recipient: 'specialist.smit@example.nl', kind: 'consult_sent',
  consult_number: 'MK-2026-00010', status: 'dead', attempts: 8, next_attempt_at: '2026-12-07T10:00:00.000Z',
  last_error: '550 mailbox unavailable', created_at: '2026-12-07T09:00:00.000Z', delivered_at: null,
};
const kInvitation: OutboxMail = { ...kDead, id: 32, kind: 'invitation', consult_number: '', recipient: 'nieuw@example.nl', last_error: '' };

let where = '';
function Where() {
  const location = useLocation();
  where = location.pathname + location.search;
  return null;
}

function renderPage(role: Role = 'coordinator', path = '/uitgaande-email') {
  const client = new QueryClient();
  client.setQueryData(kMeKey, user(role));
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}><MailOutboxPage /><Where /></MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('MailOutboxPage', () => {
  beforeEach(async () => {
    vi.mocked(useMailOutbox).mockReturnValue({ data: { items: [kDead, kInvitation] }, isPending: false, isSuccess: true, error: null } as never);
    vi.mocked(retryMail).mockReset().mockResolvedValue({ ...kDead, status: 'pending', attempts: 0 });
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('shows the undelivered mails first, with recipient, kind, consult, attempts and last error', () => {
    renderPage();
    expect(vi.mocked(useMailOutbox).mock.lastCall).toEqual(['dead']);
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('dead');
    const [, dead, invitation] = screen.getAllByRole('row');
    const cells = within(dead!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(1, 7)).toEqual([
      'specialist.smit@example.nl', 'Nieuwe consultatie', 'MK-2026-00010', '8', '550 mailbox unavailable', 'Niet meer',
    ]);
    expect(within(invitation!).getAllByRole('cell').map((c) => c.textContent).slice(1, 6)).toEqual([
      'nieuw@example.nl', 'Uitnodiging', 'geen', '8', 'geen',
    ]);
  });

  it('asks for the status chosen and keeps it in the address', () => {
    renderPage();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'delivered' } });
    expect(where).toBe('/uitgaande-email?status=delivered');
    expect(vi.mocked(useMailOutbox).mock.lastCall).toEqual(['delivered']);
    // Delivered mails are not tried again.
    expect(screen.queryByRole('button', { name: /^Opnieuw proberen/ })).toBeNull();
  });

  it('tries a mail again and says so', async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen (Nieuwe consultatie aan specialist.smit@example.nl)' }));
    expect(await screen.findByText('De e-mail aan specialist.smit@example.nl wordt opnieuw verstuurd.')).toBeTruthy();
    expect(retryMail).toHaveBeenCalledWith(31);
  });

  it('says a refusal next to the button that was pressed', async () => {
    vi.mocked(retryMail).mockRejectedValue(new ApiError(409, 'conflict', 'Deze e-mail is al afgeleverd.'));
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: /^Opnieuw proberen \(Uitnodiging/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Deze e-mail is al afgeleverd.');
    expect(alert.closest('tr')).toBe(screen.getAllByRole('row')[2]);
  });

  it('says the list is empty in words fitting the status', () => {
    vi.mocked(useMailOutbox).mockReturnValue({ data: { items: [] }, isPending: false, isSuccess: true, error: null } as never);
    renderPage('admin', '/uitgaande-email?status=pending');
    expect(screen.getByText('Er wachten geen e-mails op verzending.')).toBeTruthy();
  });

  it('is not for a specialist, and does not ask the server', () => {
    vi.mocked(useMailOutbox).mockClear();
    renderPage('specialist');
    expect(screen.getByRole('heading', { name: 'Uitgaande e-mail' })).toBeTruthy();
    expect(useMailOutbox).not.toHaveBeenCalled();
  });
});

describe('statusFromParam', () => {
  it('takes a known status and falls back to the undelivered', () => {
    expect(statusFromParam('pending')).toBe('pending');
    expect(statusFromParam(null)).toBe('dead');
    expect(statusFromParam('everything')).toBe('dead');
  });
});
