// The agreement form's values as typed (numbers and amounts as text, so half-typed input
// survives), what a submit still lacks or cannot read, and the mapping to and from the API's
// Agreement, NewAgreement and AgreementChange. Fees are typed in euros and sent in cents; office
// hours are Amsterdam clock times, "HH:MM". The physical session's slot length and fees go along
// only while the physical mode is chosen; a blank physical fee is "as digital" (null). The
// specialist is paid per consult or per recorded minute, also when the patient is referred after
// all unless the agreement says otherwise, by the insurer it names (if any).
// Pure functions: unit-tested.
import type { Mode } from '../../consults/form/consultFormValues';
import { todayInput } from '../../lib/calendarDate';
import { fieldLabel, missingAnswerMessages } from '../../lib/formFields';
import type { Agreement, AgreementChange, NewAgreement } from '../api';

export type FeeBasis = Agreement['specialist_fee_basis'];
export const kFeeBases: readonly FeeBasis[] = ['consult', 'minute'];
import { eurosInput, parseCount, parseEuros } from '../format';

export const kAgreementForm = 'agreement';

export interface AgreementFormValues {
  gpOrganisations: number[];
  /** The pool's id, '' until one is chosen. */
  pool: string;
  modes: Mode[];
  responseDays: string;
  escalateAfterHours: string;
  /** The template's id, '' for none. */
  template: string;
  namedSpecialistAllowed: boolean;
  requiresIdentification: boolean;
  goodFridayOff: boolean;
  liberationDayOff: boolean;
  /** "HH:MM", Amsterdam time: when the office hours of the agreement start and end. */
  officeHoursFrom: string;
  officeHoursUntil: string;
  gpFee: string;
  specialistFee: string;
  /** Minutes per slot of a physical session. */
  slotMinutes: string;
  /** Blank: as the digital fee. */
  physicalGpFee: string;
  physicalSpecialistFee: string;
  /** Per consult, or per minute the specialist recorded (the specialist's fees are then rates per minute). */
  specialistFeeBasis: FeeBasis;
  /** False: no specialist fee when the patient is referred after all (the hospital's DBC covers it). */
  paySpecialistWhenReferred: boolean;
  /** The paying insurer's id, '' for none. */
  insurer: string;
  validFrom: string;
  validTo: string;
}

/** The slot length of an agreement that names none (the server's default). */
export const kDefaultSlotMinutes = 20;

/** The office hours of an agreement that names none (the server's default). */
export const kDefaultOfficeHours = { from: '08:00', until: '17:00' } as const;

/** A clock time as the API takes it: two digits for the hour (00–23, or 24:00), two for the minutes. */
const kClockTime = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

/**
 * A new agreement: digital, office hours 08:00–17:00, from today, the GP free to name a specialist,
 * the specialist paid per consult, also when the patient is referred after all (the server's defaults).
 */
export function emptyAgreementForm(now: Date = new Date()): AgreementFormValues {
  return {
    gpOrganisations: [], pool: '', modes: ['digital'], responseDays: '', escalateAfterHours: '', template: '',
    namedSpecialistAllowed: true, requiresIdentification: false, goodFridayOff: false, liberationDayOff: false,
    officeHoursFrom: kDefaultOfficeHours.from, officeHoursUntil: kDefaultOfficeHours.until,
    gpFee: '', specialistFee: '', slotMinutes: String(kDefaultSlotMinutes), physicalGpFee: '', physicalSpecialistFee: '',
    specialistFeeBasis: 'consult', paySpecialistWhenReferred: true, insurer: '',
    validFrom: todayInput(now), validTo: '',
  };
}

/** The API's field names (as in error.field) that this form shows; errors for others go by the button. */
export const kAgreementFormFields = [
  'gp_organisations', 'pool', 'modes', 'response_days', 'escalate_after_hours', 'template',
  'named_specialist_allowed', 'requires_identification', 'good_friday_off', 'liberation_day_off',
  'office_hours_from', 'office_hours_until', 'gp_fee_cents', 'specialist_fee_cents', 'slot_minutes',
  'physical_gp_fee_cents', 'physical_specialist_fee_cents', 'specialist_fee_basis', 'pay_specialist_when_referred',
  'insurer', 'valid_from', 'valid_to',
] as const;

export function fromAgreement(agreement: Agreement): AgreementFormValues {
  return {
    gpOrganisations: agreement.gp_organisations.map((o) => o.id),
    pool: String(agreement.pool.id),
    modes: [...agreement.modes],
    responseDays: String(agreement.response_days),
    escalateAfterHours: agreement.escalate_after_hours === null ? '' : String(agreement.escalate_after_hours),
    template: agreement.template ? String(agreement.template.id) : '',
    namedSpecialistAllowed: agreement.named_specialist_allowed,
    requiresIdentification: agreement.requires_identification,
    goodFridayOff: agreement.good_friday_off,
    liberationDayOff: agreement.liberation_day_off,
    officeHoursFrom: agreement.office_hours_from ?? kDefaultOfficeHours.from,
    officeHoursUntil: agreement.office_hours_until ?? kDefaultOfficeHours.until,
    gpFee: eurosInput(agreement.gp_fee_cents),
    specialistFee: eurosInput(agreement.specialist_fee_cents),
    slotMinutes: String(agreement.slot_minutes ?? kDefaultSlotMinutes),
    physicalGpFee: agreement.physical_gp_fee_cents === null ? '' : eurosInput(agreement.physical_gp_fee_cents),
    physicalSpecialistFee: agreement.physical_specialist_fee_cents === null ? '' : eurosInput(agreement.physical_specialist_fee_cents),
    specialistFeeBasis: agreement.specialist_fee_basis,
    paySpecialistWhenReferred: agreement.pay_specialist_when_referred,
    insurer: agreement.insurer ? String(agreement.insurer.id) : '',
    validFrom: agreement.valid_from,
    validTo: agreement.valid_to ?? '',
  };
}

/** A blank fee is no fee. */
function cents(text: string): number {
  return text.trim() === '' ? 0 : (parseEuros(text) ?? 0);
}

/** A blank physical fee is none of its own: as the digital one. */
function physicalCents(text: string): number | null {
  return text.trim() === '' ? null : parseEuros(text);
}

/** The physical session's fields, only while the physical mode is chosen; otherwise they are left as they are. */
function physicalFields(values: AgreementFormValues) {
  if (!values.modes.includes('physical')) return {};
  return {
    slot_minutes: parseCount(values.slotMinutes) ?? kDefaultSlotMinutes,
    physical_gp_fee_cents: physicalCents(values.physicalGpFee),
    physical_specialist_fee_cents: physicalCents(values.physicalSpecialistFee),
  };
}

/** What a new and a changed agreement send alike; a blank optional field clears it (null). */
function commonFields(values: AgreementFormValues) {
  const template = Number(values.template);
  const insurer = Number(values.insurer);
  return {
    gp_organisations: values.gpOrganisations,
    modes: values.modes,
    response_days: parseCount(values.responseDays) ?? 0,
    escalate_after_hours: parseCount(values.escalateAfterHours),
    template: values.template && Number.isInteger(template) ? template : null,
    named_specialist_allowed: values.namedSpecialistAllowed,
    requires_identification: values.requiresIdentification,
    good_friday_off: values.goodFridayOff,
    liberation_day_off: values.liberationDayOff,
    office_hours_from: values.officeHoursFrom.trim(),
    office_hours_until: values.officeHoursUntil.trim(),
    gp_fee_cents: cents(values.gpFee),
    specialist_fee_cents: cents(values.specialistFee),
    ...physicalFields(values),
    specialist_fee_basis: values.specialistFeeBasis,
    pay_specialist_when_referred: values.paySpecialistWhenReferred,
    insurer: values.insurer && Number.isInteger(insurer) ? insurer : null,
    valid_from: values.validFrom,
    valid_to: values.validTo || null,
  };
}

/** The body of POST /api/v1/agreements; check it with `refusals` first. */
export function toNewAgreement(values: AgreementFormValues): NewAgreement {
  return { ...commonFields(values), pool: Number(values.pool) };
}

/**
 * The body of PATCH /api/v1/agreements/{id}: every field but the pool (an agreement keeps its
 * pool), made to `version` so that the server refuses it when someone else came first.
 */
export function toAgreementChange(values: AgreementFormValues, version: number): AgreementChange {
  return { ...commonFields(values), version };
}

/**
 * The refusal of a number, an amount or a time the form cannot read, worded as the server words
 * its own ("„Cyclusduur”: vul een getal in."). A fee's label is the catalogue's in cents, while
 * this form asks for euros, so its sentence names no label: it stands under the field anyway.
 */
function unreadable(name: string, language: string, kind: 'count' | 'euros' | 'time'): string {
  const english = language === 'en';
  if (kind === 'euros') return english ? 'Enter an amount in euros, such as 25.00.' : 'Vul een bedrag in euro in, zoals 25,00.';
  const label = fieldLabel(kAgreementForm, name, language);
  if (kind === 'time') return english ? `"${label}": enter a time such as 08:00.` : `„${label}”: vul een tijd in, zoals 08:00.`;
  return english ? `"${label}": enter a whole number.` : `„${label}”: vul een heel getal in.`;
}

/**
 * Why a submit cannot go out yet, by field name: the catalogue's required answers (form
 * "agreement") and the numbers, amounts and clock times that are not ones. Empty when nothing
 * stops it; the server judges the rest (ranges, dates, office hours of at least an hour, the
 * template's specialty).
 */
export function refusals(values: AgreementFormValues, language: string, { creating }: { creating: boolean }): Record<string, string> {
  const answers = {
    gp_organisations: values.gpOrganisations.length > 0 ? 'yes' : '',
    pool: creating ? values.pool : 'kept',
    modes: values.modes.length > 0 ? 'yes' : '',
    response_days: values.responseDays,
    valid_from: values.validFrom,
  };
  const found: Record<string, string> = { ...missingAnswerMessages(kAgreementForm, answers, 'draft', language) };
  const counts = [['response_days', values.responseDays], ['escalate_after_hours', values.escalateAfterHours]] as const;
  for (const [name, text] of counts) {
    if (!found[name] && text.trim() !== '' && parseCount(text) === null) found[name] = unreadable(name, language, 'count');
  }
  const fees = [['gp_fee_cents', values.gpFee], ['specialist_fee_cents', values.specialistFee]] as const;
  for (const [name, text] of fees) {
    if (text.trim() !== '' && parseEuros(text) === null) found[name] = unreadable(name, language, 'euros');
  }
  if (values.modes.includes('physical')) {
    if (values.slotMinutes.trim() !== '' && parseCount(values.slotMinutes) === null) found.slot_minutes = unreadable('slot_minutes', language, 'count');
    const physical = [['physical_gp_fee_cents', values.physicalGpFee], ['physical_specialist_fee_cents', values.physicalSpecialistFee]] as const;
    for (const [name, text] of physical) {
      if (text.trim() !== '' && parseEuros(text) === null) found[name] = unreadable(name, language, 'euros');
    }
  }
  const times = [['office_hours_from', values.officeHoursFrom], ['office_hours_until', values.officeHoursUntil]] as const;
  for (const [name, text] of times) {
    if (!kClockTime.test(text.trim())) found[name] = unreadable(name, language, 'time');
  }
  return found;
}
