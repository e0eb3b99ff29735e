// The plan form sends what was typed as the API wants it (the repeat only when chosen, no practices
// when none are ticked), says what is missing or unreadable before any request in the server's
// words, offers only agreements with the physical mode, and the practices of an agreement's GP
// organisations, also those of a care group it names.
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../region/api';
import { kAgreement, kOrganisations } from '../region/regionFixture';
import {
  kEmptyPlanForm, physicalAgreements, planRefusals, practicesOf, toNewClinicSession, type PlanFormValues,
} from './planSessionValues';

const kTyped: PlanFormValues = {
  agreement: '1', specialist: '6', practices: [3, 4], location: ' Kralingen, spreekkamer 3 ', day: '2026-12-08',
  startsAt: '13:00', endsAt: '14:20', repeat: true, everyWeeks: '2', count: '3',
};

describe('toNewClinicSession', () => {
  it('sends the ids as numbers, the location trimmed and the repeat', () => {
    expect(toNewClinicSession(kTyped)).toEqual({
      agreement_id: 1, specialist_id: 6, practice_ids: [3, 4], location: 'Kralingen, spreekkamer 3', day: '2026-12-08',
      starts_at: '13:00', ends_at: '14:20', repeat: { every_weeks: 2, count: 3 },
    });
  });

  it('sends one session without a repeat, and no practices when none are ticked', () => {
    const body = toNewClinicSession({ ...kTyped, repeat: false, practices: [] });
    expect(body.repeat).toBeNull();
    expect('practice_ids' in body).toBe(false);
  });
});

describe('planRefusals', () => {
  it("names every required answer an empty form lacks, in the catalogue's words", () => {
    expect(planRefusals(kEmptyPlanForm, 'nl')).toEqual({
      agreement_id: '‘Samenwerkingsafspraak’ is verplicht.',
      specialist_id: '‘Specialist’ is verplicht.',
      location: '‘Locatie’ is verplicht.',
      day: '‘Datum’ is verplicht.',
      starts_at: '‘Begintijd’ is verplicht.',
      ends_at: '‘Eindtijd’ is verplicht.',
    });
  });

  it('asks for the number of sessions only when it repeats, and reads it as a whole number', () => {
    expect(planRefusals({ ...kTyped, repeat: false, count: '' }, 'nl')).toEqual({});
    expect(planRefusals({ ...kTyped, count: '' }, 'en')).toEqual({ 'repeat.count': '‘Number of sessions’ is required.' });
    expect(planRefusals({ ...kTyped, count: 'drie' }, 'nl')).toEqual({ 'repeat.count': '„Aantal spreekuren”: vul een heel getal in.' });
  });

  it('refuses a time that is no clock time', () => {
    expect(planRefusals({ ...kTyped, startsAt: '1 uur', endsAt: '25:00' }, 'en')).toEqual({
      starts_at: '"Start": enter a time such as 13:00.',
      ends_at: '"End": enter a time such as 13:00.',
    });
  });

  it('leaves the rest to the server: an end before the start, a weekend day', () => {
    expect(planRefusals({ ...kTyped, startsAt: '15:00', endsAt: '14:00', day: '2026-12-12' }, 'nl')).toEqual({});
  });
});

describe('agreements and practices', () => {
  it('offers only agreements in force with the physical mode', () => {
    const physical: Agreement = { ...kAgreement, id: 1, modes: ['digital', 'physical'] };
    const ended: Agreement = { ...physical, id: 2, in_force: false };
    expect(physicalAgreements([kAgreement, physical, ended]).map((a) => a.id)).toEqual([1]);
  });

  it("finds the practices of a care group the agreement names, and a practice named itself", () => {
    expect(practicesOf(kAgreement, kOrganisations).map((o) => o.name)).toEqual(['Huisartsenpraktijk Kralingen']);
    const direct = { ...kAgreement, gp_organisations: [{ id: 5, name: 'Huisartsenpraktijk Schiedam-Noord' }] };
    expect(practicesOf(direct, kOrganisations).map((o) => o.id)).toEqual([5]);
    expect(practicesOf(undefined, kOrganisations)).toEqual([]);
  });
});
