// Where the advice is shown, so are the minutes the specialist recorded and how well they found
// the question put; a corrected outcome says when it was corrected and why.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { formatDateTime } from '../../lib/due';
import { consultFixture } from '../consultFixture';
import { AdviceAndOutcome } from './AdviceAndOutcome';

const kAt = '2026-11-03T10:00:00Z';
const kAdvice = { recommendation: 'primary_care' as const, body: 'Start met hydrocortison.', specialist_id: 6, given_at: kAt, at: kAt, first_at: kAt };
const kOutcome = { outcome: 'referred' as const, learned: true, rating: 4, closed_at: kAt, corrected_at: null, correction_reason: null };

describe('AdviceAndOutcome', () => {
  beforeEach(() => i18n.changeLanguage('nl'));
  afterEach(cleanup);

  it('shows the time spent and the rating of the question with the advice', () => {
    render(<AdviceAndOutcome consult={consultFixture({ advice: kAdvice, specialist_minutes: 25, question_rating: 4 })} />);
    expect(screen.getByText('Bestede tijd: 25 minuten · Vraagstelling: 4 van 5')).toBeTruthy();
  });

  it('leaves out what the specialist did not record', () => {
    const { container } = render(<AdviceAndOutcome consult={consultFixture({ advice: kAdvice, specialist_minutes: 0, question_rating: null })} />);
    expect(container.textContent).not.toContain('Bestede tijd');
    expect(container.textContent).not.toContain('Vraagstelling');
  });

  it('says when the outcome was corrected, and why', () => {
    const corrected = { ...kOutcome, corrected_at: '2026-11-20T14:30:00Z', correction_reason: 'Klachten namen toe.' };
    render(<AdviceAndOutcome consult={consultFixture({ status: 'closed', outcome: corrected })} />);
    expect(screen.getByText(`Gecorrigeerd op ${formatDateTime('2026-11-20T14:30:00Z', 'nl')}: Klachten namen toe.`)).toBeTruthy();
    expect(screen.getByText(/^Toch verwezen/)).toBeTruthy();
  });

  it('says nothing of a correction when there was none', () => {
    const { container } = render(<AdviceAndOutcome consult={consultFixture({ status: 'closed', outcome: kOutcome })} />);
    expect(container.textContent).not.toContain('Gecorrigeerd');
  });
});
