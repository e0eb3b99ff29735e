// /meldingen: the notifications newest first, each with what happened in words, the consult's
// number as a link, the specialty by name and the time, unread ones marked in words; "Alles
// gelezen" marks all read and says so; further pages load on request. Below, the mail choices:
// saving sends the language, the hour and only the kinds that changed; a refusal stands at its
// field; "Terug naar de standaard" asks the server to reset the kinds and shows its answer.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { useSpecialties } from '../consults/api';
import i18n from '../i18n/i18n';
import {
  changeNotificationSettings, markNotificationsRead, useNotificationList, useNotificationSettings, type Notification,
  type NotificationSettings,
} from './api';
import { settingsChange } from './MailSettingsForm';
import NotificationsPage from './NotificationsPage';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useNotificationList: vi.fn(),
  useNotificationSettings: vi.fn(),
  markNotificationsRead: vi.fn(),
  changeNotificationSettings: vi.fn(),
}));
vi.mock('../consults/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../consults/api')>()),
  useSpecialties: vi.fn(),
}));

function notification(id: number, fields: Partial<Notification>): Notification {
  return {
    id, kind: 'consult_sent', consult_id: 40 + id, consult_number: `MK-2026-000${40 + id}`, specialty: 'dermatologie',
    created_at: '2026-12-07T09:30:00.000Z', read: false, ...fields,
  };
}

const kItems = [
  notification(3, {}),
  notification(2, { kind: 'advice_given', read: true, specialty: 'onbekend-vak' }),
  notification(1, { kind: 'overdue', consult_id: null, consult_number: 'MK-2026-00041' }),
];

const kList = { items: kItems, unread: 2, isPending: false, isSuccess: true, error: null, hasNextPage: false, fetchNextPage: vi.fn() };

const kSettings: NotificationSettings = {
  language: 'nl', digest_hour: 8,
  kinds: [
    { kind: 'consult_sent', delivery: 'immediate', chosen: false },
    { kind: 'closed', delivery: 'digest', chosen: false },
    { kind: 'overdue', delivery: 'digest', chosen: true },
  ],
};

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter><NotificationsPage /></MemoryRouter>
    </QueryClientProvider>,
  );
}

const rowOf = (text: string) => screen.getAllByRole('row').find((row) => row.textContent?.includes(text))!;
const mailSection = () => screen.getByRole('region', { name: 'E-mail' });

describe('NotificationsPage', () => {
  beforeEach(async () => {
    vi.mocked(useNotificationList).mockReturnValue(kList as never);
    vi.mocked(useNotificationSettings).mockReturnValue({ data: kSettings, isPending: false, error: null } as never);
    vi.mocked(useSpecialties).mockReturnValue({
      data: { items: [{ code: 'dermatologie', name: 'Dermatologie', name_en: 'Dermatology' }] },
    } as never);
    vi.mocked(markNotificationsRead).mockReset().mockResolvedValue({ unread: 0 });
    vi.mocked(changeNotificationSettings).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('lists what happened, the consult as a link, the specialty and the time, newest first', () => {
    renderPage();
    const [, first, second, third] = screen.getAllByRole('row');
    expect(within(first!).getByText('Nieuwe consultatie')).toBeTruthy();
    expect(within(first!).getByRole('link', { name: 'MK-2026-00043' }).getAttribute('href')).toBe('/consults/43');
    expect(within(first!).getByText('Dermatologie')).toBeTruthy();
    expect(within(first!).getByText((_, el) => el?.tagName === 'TIME').getAttribute('datetime')).toBe('2026-12-07T09:30:00.000Z');
    expect(within(second!).getByText('Advies ontvangen')).toBeTruthy();
    // A specialty the app does not know by name is shown by its code.
    expect(within(second!).getByText('onbekend-vak')).toBeTruthy();
    // A notification without a consult to open names its number without a link.
    expect(within(third!).getByText('Termijn verstreken')).toBeTruthy();
    expect(within(third!).queryByRole('link')).toBeNull();
    expect(within(third!).getByText('MK-2026-00041')).toBeTruthy();
  });

  it('marks unread notifications in words and counts them', () => {
    renderPage();
    expect(rowOf('MK-2026-00043').className).toContain('mk-row--unread');
    expect(within(rowOf('MK-2026-00043')).getByText('Ongelezen')).toBeTruthy();
    expect(within(rowOf('MK-2026-00042')).queryByText('Ongelezen')).toBeNull();
    expect(screen.getByText('2 ongelezen meldingen.')).toBeTruthy();
  });

  it('marks everything read and says so', async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Alles gelezen' }));
    expect(await screen.findByText('Alle meldingen zijn gelezen.')).toBeTruthy();
    expect(markNotificationsRead).toHaveBeenCalledWith();
  });

  it('says why marking failed, next to the button', async () => {
    vi.mocked(markNotificationsRead).mockRejectedValue(new ApiError(503, 'unavailable', 'De database is even niet bereikbaar.'));
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Alles gelezen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('De database is even niet bereikbaar.');
  });

  it('loads the next page on request, and says when there are none', () => {
    const fetchNextPage = vi.fn();
    vi.mocked(useNotificationList).mockReturnValue({ ...kList, hasNextPage: true, fetchNextPage } as never);
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Meer laden' }));
    expect(fetchNextPage).toHaveBeenCalled();
    cleanup();
    vi.mocked(useNotificationList).mockReturnValue({ ...kList, items: [], unread: 0 } as never);
    renderPage();
    expect(screen.getByText('U heeft nog geen meldingen.')).toBeTruthy();
    expect(screen.getByText('Geen ongelezen meldingen.')).toBeTruthy();
  });

  it('shows the mail choices as saved, one group per kind', () => {
    renderPage();
    const section = mailSection();
    expect((within(section).getByLabelText('Taal van e-mails') as HTMLSelectElement).value).toBe('nl');
    expect((within(section).getByLabelText('Tijdstip van het dagelijks overzicht') as HTMLSelectElement).value).toBe('8');
    const sent = within(section).getByRole('radiogroup', { name: 'Nieuwe consultatie' });
    expect((within(sent).getByLabelText('Direct') as HTMLInputElement).checked).toBe(true);
    const closed = within(section).getByRole('radiogroup', { name: 'Afgesloten' });
    expect((within(closed).getByLabelText('Dagelijks overzicht') as HTMLInputElement).checked).toBe(true);
    expect(within(section).getAllByRole('radiogroup')).toHaveLength(3);
  });

  it('saves the language, the hour and only the kinds that changed', async () => {
    vi.mocked(changeNotificationSettings).mockResolvedValue({
      ...kSettings, digest_hour: 7, kinds: [{ kind: 'consult_sent', delivery: 'off', chosen: true }, ...kSettings.kinds.slice(1)],
    });
    renderPage();
    const section = mailSection();
    fireEvent.click(within(within(section).getByRole('radiogroup', { name: 'Nieuwe consultatie' })).getByLabelText('Geen e-mail'));
    fireEvent.change(within(section).getByLabelText('Tijdstip van het dagelijks overzicht'), { target: { value: '7' } });
    fireEvent.click(within(section).getByRole('button', { name: 'E-mailkeuzes opslaan' }));
    expect(await within(section).findByText('Uw e-mailkeuzes zijn opgeslagen.')).toBeTruthy();
    expect(changeNotificationSettings).toHaveBeenCalledWith({
      language: 'nl', digest_hour: 7, kinds: [{ kind: 'consult_sent', delivery: 'off' }],
    });
  });

  it("puts the server's refusal at the field it names", async () => {
    vi.mocked(changeNotificationSettings).mockRejectedValue(
      new ApiError(422, 'invalid_argument', 'Kies een uur van 0 tot en met 23.', 'digest_hour'),
    );
    renderPage();
    const section = mailSection();
    fireEvent.click(within(section).getByRole('button', { name: 'E-mailkeuzes opslaan' }));
    const hour = within(section).getByLabelText('Tijdstip van het dagelijks overzicht');
    await waitFor(() => expect(hour.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = hour.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('Kies een uur van 0 tot en met 23.');
    expect(document.activeElement).toBe(hour);
  });

  it('puts every kind back to its default', async () => {
    vi.mocked(changeNotificationSettings).mockResolvedValue({
      ...kSettings, kinds: [...kSettings.kinds.slice(0, 2), { kind: 'overdue', delivery: 'immediate', chosen: false }],
    });
    renderPage();
    const section = mailSection();
    fireEvent.click(within(section).getByRole('button', { name: 'Terug naar de standaard' }));
    expect(await within(section).findByText('Alle meldingen staan weer op de standaard.')).toBeTruthy();
    expect(changeNotificationSettings).toHaveBeenCalledWith({ reset_kinds: true });
    const overdue = within(section).getByRole('radiogroup', { name: 'Termijn verstreken' });
    expect((within(overdue).getByLabelText('Direct') as HTMLInputElement).checked).toBe(true);
  });
});

describe('settingsChange', () => {
  it('leaves out the kinds as they were saved', () => {
    const choices = new Map([['consult_sent', 'immediate'], ['closed', 'off'], ['overdue', 'digest']] as const);
    expect(settingsChange(kSettings, 'en', 9, choices)).toEqual({
      language: 'en', digest_hour: 9, kinds: [{ kind: 'closed', delivery: 'off' }],
    });
    expect(settingsChange(kSettings, 'nl', 8, new Map())).toEqual({ language: 'nl', digest_hour: 8 });
  });
});
