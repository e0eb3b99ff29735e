// An agreement's office hours read as one fact, "08:00–17:00" (the default when it names none),
// and a change of either end shows in its history as a change of that one fact.
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { kAgreement } from '../regionFixture';
import { agreementChanges, agreementFacts } from './agreementFacts';

describe('agreementFacts', () => {
  it('shows the office hours as one span', async () => {
    await i18n.changeLanguage('nl');
    const fact = agreementFacts(kAgreement, i18n.t, 'nl').find((f) => f.name === 'office_hours');
    expect(fact).toEqual({ name: 'office_hours', label: 'Kantooruren', value: '08:00–17:00' });
  });

  it('shows the default office hours of an agreement that names none', async () => {
    await i18n.changeLanguage('nl');
    const { office_hours_from: _from, office_hours_until: _until, ...older } = kAgreement;
    expect(agreementFacts(older, i18n.t, 'nl').find((f) => f.name === 'office_hours')?.value).toBe('08:00–17:00');
  });
});

describe('agreementChanges', () => {
  it('names a change of the office hours once, from one span to the other', async () => {
    await i18n.changeLanguage('en');
    const later = { ...kAgreement, version: 3, office_hours_from: '09:00', office_hours_until: '16:00' };
    expect(agreementChanges(kAgreement, later, i18n.t, 'en')).toEqual([
      { label: 'Office hours', before: '08:00–17:00', after: '09:00–16:00' },
    ]);
  });
});
