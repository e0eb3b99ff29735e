// An overdue deadline is told in words and with an icon, not by colour alone.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { DueText } from './DueText';

describe('DueText', () => {
  it('says "overdue" in words for a passed deadline', async () => {
    await i18n.changeLanguage('nl');
    const { container } = render(<DueText dueAt={new Date(Date.now() - 3 * 3_600_000).toISOString()} />);
    expect(screen.getByText('Te laat:')).toBeTruthy();
    expect(container.querySelector('.mk-due__icon')?.textContent).toBe('⚠');
    expect(container.querySelector('time')?.textContent).toBe('3 uur geleden');
  });

  it('shows a future deadline without the warning', async () => {
    await i18n.changeLanguage('en');
    const { container } = render(<DueText dueAt={new Date(Date.now() + 2 * 86_400_000 + 60_000).toISOString()} />);
    expect(container.textContent).toBe('in 2 days');
    expect(container.querySelector('.mk-due--overdue')).toBeNull();
  });

  it('says when there is no deadline yet', async () => {
    await i18n.changeLanguage('en');
    render(<DueText dueAt={null} />);
    expect(screen.getByText('No deadline yet')).toBeTruthy();
  });
});
