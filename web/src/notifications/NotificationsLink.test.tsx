// "Meldingen" in the menu: its name says the unread count in words ("Meldingen, 3 ongelezen"),
// while the badge shows the number and is hidden from screen readers; a rise of the count is
// announced once, the first count and a fall are not.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n/i18n';
import { useUnreadCount } from './api';
import { notificationsLinkName, NotificationsLink } from './NotificationsLink';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useUnreadCount: vi.fn(),
}));

function renderLink(unread: number | undefined) {
  vi.mocked(useUnreadCount).mockReturnValue({ data: unread } as never);
  const client = new QueryClient();
  const tree = () => (
    <QueryClientProvider client={client}>
      <MemoryRouter><NotificationsLink className={() => 'utrecht-link'} /></MemoryRouter>
    </QueryClientProvider>
  );
  const result = render(tree());
  return (next: number | undefined) => {
    vi.mocked(useUnreadCount).mockReturnValue({ data: next } as never);
    result.rerender(tree());
  };
}

describe('notificationsLinkName', () => {
  it('says the count in both languages, and nothing of it when none is unread', () => {
    expect(notificationsLinkName(i18n.getFixedT('nl'), 3)).toBe('Meldingen, 3 ongelezen');
    expect(notificationsLinkName(i18n.getFixedT('nl'), 1)).toBe('Meldingen, 1 ongelezen');
    expect(notificationsLinkName(i18n.getFixedT('nl'), 0)).toBe('Meldingen');
    expect(notificationsLinkName(i18n.getFixedT('nl'), undefined)).toBe('Meldingen');
    expect(notificationsLinkName(i18n.getFixedT('en'), 3)).toBe('Notifications, 3 unread');
    expect(notificationsLinkName(i18n.getFixedT('en'), 0)).toBe('Notifications');
  });
});

describe('NotificationsLink', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('links to /meldingen, named with the count, the badge hidden from screen readers', () => {
    renderLink(3);
    const link = screen.getByRole('link', { name: 'Meldingen, 3 ongelezen' });
    expect(link.getAttribute('href')).toBe('/meldingen');
    const badge = link.querySelector('.mk-count')!;
    expect(badge.textContent).toBe('3');
    expect(badge.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('shows no badge when nothing is unread', () => {
    renderLink(0);
    expect(screen.getByRole('link', { name: 'Meldingen' }).querySelector('.mk-count')).toBeNull();
  });

  it('announces a rise of the count, not the first count or a fall', () => {
    const update = renderLink(2);
    expect(screen.getByRole('status').textContent).toBe('');
    update(3);
    expect(screen.getByRole('status').textContent).toBe('1 nieuwe melding');
    update(5);
    expect(screen.getByRole('status').textContent).toBe('2 nieuwe meldingen');
    update(0);
    expect(screen.getByRole('status').textContent).toBe('2 nieuwe meldingen');
    expect(screen.getByRole('link', { name: 'Meldingen' })).toBeTruthy();
  });
});
