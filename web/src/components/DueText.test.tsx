// An overdue deadline is told in words and with an icon, not by colour alone; a deadline shows
// only while the specialist's answer is awaited.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { DueText } from './DueText';

const kInThreeDays = () => new Date(Date.now() + 3 * 86_400_000 + 60_000).toISOString();

describe('DueText', () => {
  it('says "overdue" in words for a passed deadline', async () => {
    await i18n.changeLanguage('nl');
    const { container } = render(<DueText dueAt={new Date(Date.now() - 3 * 3_600_000).toISOString()} status="claimed" />);
    expect(screen.getByText('Te laat:')).toBeTruthy();
    expect(container.querySelector('.mk-due__icon')?.textContent).toBe('⚠');
    expect(container.querySelector('time')?.textContent).toBe('3 uur geleden');
  });

  it('shows a future deadline without the warning', async () => {
    await i18n.changeLanguage('en');
    const { container } = render(<DueText dueAt={new Date(Date.now() + 2 * 86_400_000 + 60_000).toISOString()} status="sent" />);
    expect(container.textContent).toBe('in 2 days');
    expect(container.querySelector('.mk-due--overdue')).toBeNull();
  });

  it('says when there is no deadline yet', async () => {
    await i18n.changeLanguage('en');
    render(<DueText dueAt={null} status="draft" />);
    expect(screen.getByText('No deadline yet')).toBeTruthy();
  });

  it('shows no deadline once the advice has come, even when the consult still has one', async () => {
    await i18n.changeLanguage('nl');
    for (const status of ['answered', 'closed', 'declined', 'cancelled'] as const) {
      const { container, unmount } = render(<DueText dueAt={kInThreeDays()} status={status} />);
      expect(container.querySelector('time')).toBeNull();
      expect(container.textContent).toBe('Niet meer van toepassing');
      unmount();
    }
  });
});
