// The plan form's values as typed (numbers and times as text, so half-typed input survives), what
// a submit still lacks or cannot read, and the body of POST /api/v1/clinic-sessions. Pure
// functions: unit-tested.
import { fieldLabel, missingAnswerMessages } from '../lib/formFields';
import type { Agreement, Organisation } from '../region/api';
import type { NewClinicSession } from './api';

export const kSessionForm = 'clinic_session';
export const kRepeatForm = 'clinic_repeat';

export interface PlanFormValues {
  /** The agreement's id, '' until one is chosen. */
  agreement: string;
  /** The specialist's user id, '' until one is chosen. */
  specialist: string;
  practices: number[];
  location: string;
  day: string;
  /** "HH:MM", Amsterdam time. */
  startsAt: string;
  endsAt: string;
  repeat: boolean;
  everyWeeks: string;
  count: string;
}

export const kEmptyPlanForm: PlanFormValues = {
  agreement: '', specialist: '', practices: [], location: '', day: '', startsAt: '', endsAt: '',
  repeat: false, everyWeeks: '2', count: '',
};

/** The API's field names (as in error.field) the form shows; errors for others go by the button. */
export const kPlanFormFields = [
  'agreement_id', 'specialist_id', 'practice_ids', 'location', 'day', 'starts_at', 'ends_at',
  'repeat', 'repeat.every_weeks', 'repeat.count',
] as const;

/** Every week up to every eighth week, as the server allows. */
export const kEveryWeeks = [1, 2, 3, 4, 5, 6, 7, 8] as const;

const kClockTime = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const kCount = /^\d{1,3}$/;

/** The agreements a physical session can be planned under: those with the physical mode, in force. */
export function physicalAgreements(agreements: readonly Agreement[]): Agreement[] {
  return agreements.filter((a) => a.modes.includes('physical') && a.in_force);
}

/** The GP practices of an agreement: named in it, or belonging to a care group named in it. */
export function practicesOf(agreement: Agreement | undefined, organisations: readonly Organisation[]): Organisation[] {
  if (!agreement) return [];
  const named = new Set(agreement.gp_organisations.map((o) => o.id));
  return organisations.filter((o) => o.kind === 'gp_practice' && (named.has(o.id) || (o.parent_id !== null && named.has(o.parent_id))));
}

/** The body of POST /api/v1/clinic-sessions; check it with `planRefusals` first. */
export function toNewClinicSession(values: PlanFormValues): NewClinicSession {
  return {
    agreement_id: Number(values.agreement),
    specialist_id: Number(values.specialist),
    ...(values.practices.length > 0 ? { practice_ids: values.practices } : {}),
    location: values.location.trim(),
    day: values.day,
    starts_at: values.startsAt.trim(),
    ends_at: values.endsAt.trim(),
    repeat: values.repeat ? { every_weeks: Number(values.everyWeeks), count: Number(values.count.trim()) } : null,
  };
}

/** A time or number that is not one, worded as the server words its own refusals. */
function unreadable(form: string, name: string, language: string, kind: 'time' | 'count'): string {
  const english = language === 'en';
  const label = fieldLabel(form, name, language);
  if (kind === 'time') return english ? `"${label}": enter a time such as 13:00.` : `„${label}”: vul een tijd in, zoals 13:00.`;
  return english ? `"${label}": enter a whole number.` : `„${label}”: vul een heel getal in.`;
}

/**
 * Why a submit cannot go out yet, by field name: the catalogue's required answers (the repeat's
 * too when it repeats) and the times and numbers that are not ones. Empty when nothing stops it;
 * the server judges the rest (working days, the end after the start, ranges, holidays).
 */
export function planRefusals(values: PlanFormValues, language: string): Record<string, string> {
  const found: Record<string, string> = missingAnswerMessages(kSessionForm, {
    agreement_id: values.agreement, specialist_id: values.specialist, location: values.location, day: values.day,
    starts_at: values.startsAt, ends_at: values.endsAt,
  }, 'draft', language);
  for (const [name, text] of [['starts_at', values.startsAt], ['ends_at', values.endsAt]] as const) {
    if (!found[name] && !kClockTime.test(text.trim())) found[name] = unreadable(kSessionForm, name, language, 'time');
  }
  if (values.repeat) {
    const repeat = missingAnswerMessages(kRepeatForm, { every_weeks: values.everyWeeks, count: values.count }, 'draft', language);
    for (const [name, message] of Object.entries(repeat)) found[`repeat.${name}`] = message;
    if (!found['repeat.count'] && !kCount.test(values.count.trim())) found['repeat.count'] = unreadable(kRepeatForm, 'count', language, 'count');
  }
  return found;
}
