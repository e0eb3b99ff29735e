// "Agenda" on /meldingen: without an address it offers to make one; the new address is shown once,
// whole (this site's origin before the server's path), with a copy button and the warning that it
// is secret and holds no patient data; an existing one can be replaced or, after a confirmation,
// revoked.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowDialogsInJsdom } from '../components/dialogTesting';
import i18n from '../i18n/i18n';
import { renewCalendarFeed, revokeCalendarFeed, useCalendarFeed } from './api';
import { CalendarFeedPanel, feedUrl } from './CalendarFeedPanel';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useCalendarFeed: vi.fn(),
  renewCalendarFeed: vi.fn(),
  revokeCalendarFeed: vi.fn(),
}));

const kPath = '/api/v1/calendar/oa5749icdv5Sr0P1jvjVXOTqx1nteSGghx4Tt_Rf--A';

function renderPanel() {
  render(<QueryClientProvider client={new QueryClient()}><CalendarFeedPanel /></QueryClientProvider>);
}

describe('CalendarFeedPanel', () => {
  beforeEach(async () => {
    allowDialogsInJsdom();
    vi.mocked(useCalendarFeed).mockReturnValue({ data: { active: false, created_at: null }, isPending: false, error: null } as never);
    vi.mocked(renewCalendarFeed).mockReset().mockResolvedValue({ active: true, created_at: '2026-12-07T06:09:07Z', path: kPath });
    vi.mocked(revokeCalendarFeed).mockReset().mockResolvedValue(undefined as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('puts the origin before the path', () => {
    expect(feedUrl(kPath, 'https://meekijk.example')).toBe(`https://meekijk.example${kPath}`);
  });

  it('makes an address and shows it once, whole, with a copy button and its warning', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    renderPanel();
    expect(screen.getByText('U heeft nog geen agenda-adres.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Agenda-adres maken' }));
    const address = (await screen.findByLabelText('Uw agenda-adres')) as HTMLInputElement;
    expect(address.value).toBe(`${window.location.origin}${kPath}`);
    expect(address.readOnly).toBe(true);
    expect(document.activeElement).toBe(address);
    expect(screen.getByText(/Outlook, Google Agenda of Apple Agenda/).textContent).toContain('geen patiëntgegevens');
    fireEvent.click(screen.getByRole('button', { name: 'Adres kopiëren' }));
    expect(await screen.findByText('Het adres is gekopieerd.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}${kPath}`);
  });

  it('offers a new address and revokes the existing one only after the confirmation', async () => {
    vi.mocked(useCalendarFeed).mockReturnValue({ data: { active: true, created_at: '2026-12-01T09:00:00Z' }, isPending: false, error: null } as never);
    renderPanel();
    expect(screen.getByText(/^U heeft een agenda-adres, gemaakt op/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nieuw agenda-adres maken' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Agenda-adres intrekken' }));
    const dialog = await screen.findByRole('dialog', { name: 'Agenda-adres intrekken' });
    expect(revokeCalendarFeed).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Agenda-adres intrekken' }));
    expect(await screen.findByText('Het agenda-adres is ingetrokken.')).toBeTruthy();
    expect(revokeCalendarFeed).toHaveBeenCalled();
  });
});
