// The agreement form sends what was typed as the API wants it: fees in cents, blanks as "none",
// office hours as HH:MM (08:00–17:00 unless changed), a change to the version it started from and
// without the pool; and it says what is missing or unreadable before any request, in the words the
// server uses.
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../api';
import { kAgreement as kSaved } from '../regionFixture';
import {
  emptyAgreementForm, fromAgreement, refusals, toAgreementChange, toNewAgreement, type AgreementFormValues,
} from './agreementFormValues';

const kAgreement: Agreement = { ...kSaved, version: 3 };

const typed: AgreementFormValues = {
  ...emptyAgreementForm(new Date(2026, 0, 1)),
  gpOrganisations: [1, 3], pool: '7', responseDays: '4', template: '4', gpFee: '25', specialistFee: '45,50',
  goodFridayOff: true, escalateAfterHours: '48', validTo: '2026-12-31',
};

describe('toNewAgreement', () => {
  it('sends the fees in cents and the numbers as numbers', () => {
    expect(toNewAgreement(typed)).toEqual({
      gp_organisations: [1, 3], pool: 7, modes: ['digital'], response_days: 4, escalate_after_hours: 48, template: 4,
      named_specialist_allowed: true, requires_identification: false, good_friday_off: true, liberation_day_off: false,
      office_hours_from: '08:00', office_hours_until: '17:00',
      gp_fee_cents: 2500, specialist_fee_cents: 4550, specialist_fee_basis: 'consult', pay_specialist_when_referred: true,
      insurer: null, valid_from: '2026-01-01', valid_to: '2026-12-31',
    });
  });

  it('sends the office hours as typed', () => {
    expect(toNewAgreement({ ...typed, officeHoursFrom: '07:30', officeHoursUntil: ' 18:00 ' }))
      .toMatchObject({ office_hours_from: '07:30', office_hours_until: '18:00' });
  });

  it('sends blank optional fields as none: no escalation, template or end date, no fee', () => {
    const body = toNewAgreement({ ...typed, escalateAfterHours: '', template: '', validTo: '', gpFee: '', specialistFee: ' ' });
    expect(body).toMatchObject({ escalate_after_hours: null, template: null, valid_to: null, gp_fee_cents: 0, specialist_fee_cents: 0 });
  });
});

describe('the physical session', () => {
  it('sends the slot length and fees only with the physical mode; a blank fee as digital', () => {
    const physical = { ...typed, modes: ['digital', 'physical'] as AgreementFormValues['modes'], slotMinutes: ' 15 ', physicalGpFee: '', physicalSpecialistFee: '90,50' };
    expect(toNewAgreement(physical)).toMatchObject({ slot_minutes: 15, physical_gp_fee_cents: null, physical_specialist_fee_cents: 9050 });
    const digital = toNewAgreement({ ...physical, modes: ['digital'] });
    expect(['slot_minutes', 'physical_gp_fee_cents', 'physical_specialist_fee_cents'].filter((name) => name in digital)).toEqual([]);
  });

  it('starts from the agreement, and from 20 minutes for a new one', () => {
    expect(emptyAgreementForm()).toMatchObject({ slotMinutes: '20', physicalGpFee: '', physicalSpecialistFee: '' });
    expect(fromAgreement({ ...kAgreement, slot_minutes: 30, physical_gp_fee_cents: 3000, physical_specialist_fee_cents: null }))
      .toMatchObject({ slotMinutes: '30', physicalGpFee: '30,00', physicalSpecialistFee: '' });
  });

  it('refuses a slot length or fee it cannot read, only with the physical mode', () => {
    const wrong = { ...typed, slotMinutes: 'een kwartier', physicalGpFee: 'gratis' };
    expect(refusals(wrong, 'nl', { creating: true })).toEqual({});
    expect(refusals({ ...wrong, modes: ['physical'] }, 'nl', { creating: true })).toEqual({
      slot_minutes: '„Tijdslot meekijkspreekuur (minuten)”: vul een heel getal in.',
      physical_gp_fee_cents: 'Vul een bedrag in euro in, zoals 25,00.',
    });
  });
});

describe('how the specialist is paid', () => {
  it('starts per consult, paid also when the patient is referred after all, with no insurer', () => {
    expect(emptyAgreementForm()).toMatchObject({ specialistFeeBasis: 'consult', paySpecialistWhenReferred: true, insurer: '' });
  });

  it('sends the basis, the referral rule and the insurer as chosen', () => {
    const body = toNewAgreement({ ...typed, specialistFeeBasis: 'minute', paySpecialistWhenReferred: false, insurer: '11' });
    expect(body).toMatchObject({ specialist_fee_basis: 'minute', pay_specialist_when_referred: false, insurer: 11 });
  });

  it('starts a change from the agreement, and clears the insurer when none is chosen', () => {
    const saved = { ...kAgreement, specialist_fee_basis: 'minute' as const, pay_specialist_when_referred: false, insurer: { id: 11, name: 'Zilveren Kruis' } };
    const values = fromAgreement(saved);
    expect(values).toMatchObject({ specialistFeeBasis: 'minute', paySpecialistWhenReferred: false, insurer: '11' });
    expect(toAgreementChange({ ...values, insurer: '' }, 3)).toMatchObject({ specialist_fee_basis: 'minute', insurer: null });
  });
});

describe('toAgreementChange', () => {
  it('is made to the version it started from and leaves the pool alone', () => {
    const change = toAgreementChange(fromAgreement(kAgreement), kAgreement.version);
    expect(change.version).toBe(3);
    expect('pool' in change).toBe(false);
    expect(change).toMatchObject({ gp_organisations: [1], response_days: 4, template: 4, gp_fee_cents: 2500, specialist_fee_cents: 4550 });
  });

  it('keeps the office hours the agreement has', () => {
    const change = toAgreementChange(fromAgreement({ ...kAgreement, office_hours_from: '09:00', office_hours_until: '16:30' }), 3);
    expect(change).toMatchObject({ office_hours_from: '09:00', office_hours_until: '16:30' });
  });
});

describe('emptyAgreementForm', () => {
  it('starts with the office hours of 08:00 to 17:00', () => {
    expect(emptyAgreementForm()).toMatchObject({ officeHoursFrom: '08:00', officeHoursUntil: '17:00' });
  });
});

describe('fromAgreement', () => {
  it('shows the fees in euros with a decimal comma', () => {
    expect(fromAgreement(kAgreement)).toMatchObject({ gpFee: '25,00', specialistFee: '45,50', pool: '7', template: '4', validTo: '' });
  });

  it('starts from the default office hours when the agreement names none', () => {
    const { office_hours_from: _from, office_hours_until: _until, ...older } = kAgreement;
    expect(fromAgreement(older)).toMatchObject({ officeHoursFrom: '08:00', officeHoursUntil: '17:00' });
  });
});

describe('refusals', () => {
  it("names every required answer an empty form lacks, in the catalogue's words", () => {
    const empty = { ...emptyAgreementForm(), modes: [], validFrom: '' };
    expect(refusals(empty, 'nl', { creating: true })).toEqual({
      gp_organisations: '‘Huisartsenorganisaties’ is verplicht.',
      pool: '‘Pool’ is verplicht.',
      modes: '‘Vormen’ is verplicht.',
      response_days: '‘Antwoordtermijn (werkdagen)’ is verplicht.',
      valid_from: '‘Geldig vanaf’ is verplicht.',
    });
  });

  it('does not ask for the pool of a change: it stays', () => {
    expect(refusals({ ...typed, pool: '' }, 'nl', { creating: false })).toEqual({});
  });

  it('refuses numbers and amounts it cannot read', () => {
    const found = refusals({ ...typed, responseDays: 'vier', escalateAfterHours: '1,5', gpFee: '25 euro' }, 'en', { creating: true });
    expect(found).toEqual({
      response_days: '"Response time (working days)": enter a whole number.',
      escalate_after_hours: '"Escalate after (hours)": enter a whole number.',
      gp_fee_cents: 'Enter an amount in euros, such as 25.00.',
    });
  });

  it('refuses office hours that are no clock time', () => {
    const found = refusals({ ...typed, officeHoursFrom: '8 uur', officeHoursUntil: '' }, 'nl', { creating: true });
    expect(found).toEqual({
      office_hours_from: '„Kantooruren vanaf”: vul een tijd in, zoals 08:00.',
      office_hours_until: '„Kantooruren tot”: vul een tijd in, zoals 08:00.',
    });
  });

  it('leaves the length of the office hours to the server', () => {
    expect(refusals({ ...typed, officeHoursFrom: '17:00', officeHoursUntil: '08:00' }, 'en', { creating: true })).toEqual({});
  });
});
