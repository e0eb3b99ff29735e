// A consult referred with a letter shows it read-only to whoever sees the consult, with when and
// by whom it was sent; without one, nothing; the letter's heading takes the focus once it was sent
// from this page. The outcome then says "referred with a referral letter", not "after all".
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { formatDateTime } from '../../lib/due';
import { consultFixture } from '../consultFixture';
import { AdviceAndOutcome } from './AdviceAndOutcome';
import { ReferralLetter } from './ReferralLetter';

const kAt = '2026-11-03T10:00:00Z';
const kLetter = 'Verwijzing na meekijkconsult MK-2026-0007\n\nGeachte collega,\n\nAanvulling: graag binnen 4 weken.\n';
const kReferral = { letter: kLetter, sent_at: kAt, sent_by: 'Dr. Anna de Vries' };
const kOutcome = { outcome: 'referred' as const, learned: true, rating: 4, closed_at: kAt, corrected_at: null, correction_reason: null };
const kReferred = consultFixture({ status: 'closed', outcome: kOutcome, referral: kReferral, viewer_role: 'specialist', allowed_actions: [] });

const region = () => screen.queryByRole('region', { name: 'Verwijsbrief' });

describe('ReferralLetter', () => {
  beforeEach(() => i18n.changeLanguage('nl'));
  afterEach(cleanup);

  it('shows the letter as sent, with when and by whom, to the specialist too', () => {
    render(<ReferralLetter consult={kReferred} />);
    const letter = region()!;
    expect(within(letter).getByText(`Verstuurd op ${formatDateTime(kAt, 'nl')} door Dr. Anna de Vries.`)).toBeTruthy();
    const text = letter.querySelector('.mk-letter');
    expect(text?.textContent).toBe(kLetter);
    expect(within(letter).queryByRole('textbox')).toBeNull();
    expect(document.activeElement).not.toBe(within(letter).getByRole('heading'));
  });

  it('says it in English too', async () => {
    await i18n.changeLanguage('en');
    render(<ReferralLetter consult={kReferred} />);
    expect(screen.getByRole('region', { name: 'Referral letter' })).toBeTruthy();
    expect(screen.getByText(`Sent on ${formatDateTime(kAt, 'en')} by Dr. Anna de Vries.`)).toBeTruthy();
  });

  it('shows nothing without a referral', () => {
    const { container } = render(<ReferralLetter consult={consultFixture({ status: 'closed', outcome: kOutcome })} />);
    expect(container.textContent).toBe('');
  });

  it('takes the focus once the GP sent it from this page', () => {
    render(<ReferralLetter consult={kReferred} takeFocus />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Verwijsbrief' }));
  });

  it('makes the outcome say the patient was referred with the letter', () => {
    render(<AdviceAndOutcome consult={kReferred} />);
    expect(screen.getByText(/^Verwezen met verwijsbrief ·/)).toBeTruthy();
    cleanup();
    render(<AdviceAndOutcome consult={{ ...kReferred, referral: null }} />);
    expect(screen.getByText(/^Toch verwezen ·/)).toBeTruthy();
  });
});
