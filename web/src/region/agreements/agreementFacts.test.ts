// An agreement's office hours read as one fact, "08:00–17:00" (the default when it names none),
// and a change of either end shows in its history as a change of that one fact. How the specialist
// is paid reads as facts too: per consult or per minute (the fee then "per minuut"), also when the
// patient is referred after all or not, and the insurer that pays.
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

describe('how the specialist is paid, in the facts', () => {
  const facts = (agreement: typeof kAgreement) => agreementFacts(agreement, i18n.t, 'nl')
    .filter((f) => ['specialist_fee_cents', 'specialist_fee_basis', 'pay_specialist_when_referred', 'insurer'].includes(f.name))
    .map((f) => [f.label, f.value]);

  it('names the basis, the referral rule and the insurer', async () => {
    await i18n.changeLanguage('nl');
    expect(facts(kAgreement)).toEqual([
      ['Vergoeding specialist', formatEuros(4550, 'nl')],
      ['Vergoeding specialist per', 'Per consult'],
      ['Specialist ook betalen bij verwijzing', 'Ja'],
      ['Zorgverzekeraar', 'Geen verzekeraar'],
    ]);
  });

  it('writes the fee per minute under that basis', async () => {
    await i18n.changeLanguage('nl');
    const perMinute = { ...kAgreement, specialist_fee_cents: 250, specialist_fee_basis: 'minute' as const,
      pay_specialist_when_referred: false, insurer: { id: 11, name: 'Zilveren Kruis' } };
    expect(facts(perMinute)).toEqual([
      ['Vergoeding specialist', `${formatEuros(250, 'nl')} per minuut`],
      ['Vergoeding specialist per', 'Per minuut'],
      ['Specialist ook betalen bij verwijzing', 'Nee'],
      ['Zorgverzekeraar', 'Zilveren Kruis'],
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

  it('names a new insurer and basis in the history', async () => {
    await i18n.changeLanguage('en');
    const later = { ...kAgreement, version: 3, specialist_fee_basis: 'minute' as const, insurer: { id: 11, name: 'Zilveren Kruis' } };
    expect(agreementChanges(kAgreement, later, i18n.t, 'en')).toEqual([
      { label: 'Specialist fee', before: formatEuros(4550, 'en'), after: `${formatEuros(4550, 'en')} per minute` },
      { label: 'Specialist fee per', before: 'Per consult', after: 'Per minute' },
      { label: 'Health insurer', before: 'No insurer', after: 'Zilveren Kruis' },
    ]);
  });
});
