// An agreement's office hours read as one fact, "08:00–17:00" (the default when it names none),
// and a change of either end shows in its history as a change of that one fact.
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/i18n';
import { formatEuros } from '../format';
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

describe('the physical session in the facts', () => {
  it('names the slot length and the physical fees only for an agreement with the physical mode', async () => {
    await i18n.changeLanguage('nl');
    const names = (a: typeof kAgreement) => agreementFacts(a, i18n.t, 'nl').map((f) => f.name);
    expect(names(kAgreement)).not.toContain('slot_minutes');
    const physical = { ...kAgreement, modes: ['digital', 'physical'] as typeof kAgreement['modes'], physical_specialist_fee_cents: 9000 };
    const facts = agreementFacts(physical, i18n.t, 'nl').filter((f) => f.name.startsWith('physical') || f.name === 'slot_minutes');
    expect(facts.map((f) => [f.label, f.value])).toEqual([
      ['Tijdslot meekijkspreekuur (minuten)', '20 minuten'],
      ['Vergoeding huisarts, fysiek', `als digitaal (${formatEuros(2500, 'nl')})`],
      ['Vergoeding specialist, fysiek', formatEuros(9000, 'nl')],
    ]);
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
