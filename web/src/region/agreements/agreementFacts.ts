// An agreement in words: one labelled fact per thing it settles, as the detail screen lists them,
// and what changed from one version to the next, for its history ("Antwoordtermijn: 3 werkdagen
// → 2 werkdagen"). Labels come from the form field catalogue, values in the UI language. The
// physical session's slot length and fees are facts only of an agreement with the physical mode;
// the specialist's fee reads "per minuut" under that basis.
import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/calendarDate';
import { fieldLabel } from '../../lib/formFields';
import type { Agreement } from '../api';
import { formatEuros } from '../format';
import { kAgreementForm, kDefaultOfficeHours } from './agreementFormValues';

export interface Fact {
  /** The catalogue's (the API's) name of what the fact is about. */
  name: string;
  label: string;
  value: string;
}

export interface FactChange {
  label: string;
  before: string;
  after: string;
}

/** The period in words: "vanaf 1 januari 2026" or "1 januari 2026 t/m 31 december 2026". */
export function periodText(agreement: Agreement, t: TFunction, language: string): string {
  const from = formatDate(agreement.valid_from, language);
  if (!agreement.valid_to) return t('region.agreement.from', { from });
  return t('region.agreement.fromTo', { from, to: formatDate(agreement.valid_to, language) });
}

export function modesText(agreement: Agreement, t: TFunction): string {
  return agreement.modes.map((mode) => t(`mode.${mode}`)).join(', ');
}

/** The office hours as one span: "08:00–17:00"; an agreement that names none has the default. */
export function officeHoursText(agreement: Agreement): string {
  const from = agreement.office_hours_from ?? kDefaultOfficeHours.from;
  const until = agreement.office_hours_until ?? kDefaultOfficeHours.until;
  return `${from}–${until}`;
}

export function agreementFacts(agreement: Agreement, t: TFunction, language: string): Fact[] {
  const label = (name: string) => fieldLabel(kAgreementForm, name, language);
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  const fact = (name: string, value: string, shown = label(name)): Fact => ({ name, label: shown, value });
  return [
    fact('gp_organisations', agreement.gp_organisations.map((o) => o.name).join(', ')),
    fact('pool', t('region.poolOption', { name: agreement.pool.name, organisation: agreement.pool.organisation, specialty: agreement.specialty })),
    fact('modes', modesText(agreement, t)),
    fact('response_days', t('region.workingDays', { count: agreement.response_days })),
    fact('escalate_after_hours', agreement.escalate_after_hours === null
      ? t('region.agreement.noEscalation') : t('region.hours', { count: agreement.escalate_after_hours })),
    fact('template', agreement.template
      ? t('region.templateVersion', { name: agreement.template.name, version: agreement.template.version })
      : t('region.agreement.noTemplate')),
    fact('named_specialist_allowed', yesNo(agreement.named_specialist_allowed)),
    fact('requires_identification', yesNo(agreement.requires_identification)),
    fact('good_friday_off', yesNo(agreement.good_friday_off)),
    fact('liberation_day_off', yesNo(agreement.liberation_day_off)),
    fact('office_hours', officeHoursText(agreement), t('region.agreement.officeHours')),
    fact('gp_fee_cents', formatEuros(agreement.gp_fee_cents, language), t('region.agreement.gpFeeShort')),
    fact('specialist_fee_cents', specialistFee(agreement.specialist_fee_cents, agreement, t, language), t('region.agreement.specialistFeeShort')),
    fact('specialist_fee_basis', t(`region.agreement.feeBasisOption.${agreement.specialist_fee_basis}`), t('region.agreement.feeBasis')),
    fact('pay_specialist_when_referred', yesNo(agreement.pay_specialist_when_referred)),
    fact('insurer', agreement.insurer?.name ?? t('region.agreement.noInsurer')),
    ...(agreement.modes.includes('physical') ? physicalFacts(agreement, t, language) : []),
    fact('valid_from', formatDate(agreement.valid_from, language)),
    fact('valid_to', agreement.valid_to ? formatDate(agreement.valid_to, language) : t('region.agreement.noEnd')),
  ];
}

/** A specialist's fee: an amount per consult, or per minute under that basis. */
function specialistFee(cents: number, agreement: Agreement, t: TFunction, language: string): string {
  const amount = formatEuros(cents, language);
  return agreement.specialist_fee_basis === 'minute' ? t('region.agreement.perMinute', { fee: amount }) : amount;
}

/** A physical fee of its own, or the digital one it follows when it has none. */
function physicalFee(cents: number | null, digital: number, t: TFunction, language: string): string {
  return cents === null ? t('region.agreement.asDigital', { fee: formatEuros(digital, language) }) : formatEuros(cents, language);
}

function physicalFacts(agreement: Agreement, t: TFunction, language: string): Fact[] {
  return [
    { name: 'slot_minutes', label: fieldLabel(kAgreementForm, 'slot_minutes', language), value: t('region.minutes', { count: agreement.slot_minutes }) },
    {
      name: 'physical_gp_fee_cents', label: t('region.agreement.physicalGpFeeShort'),
      value: physicalFee(agreement.physical_gp_fee_cents, agreement.gp_fee_cents, t, language),
    },
    {
      name: 'physical_specialist_fee_cents', label: t('region.agreement.physicalSpecialistFeeShort'),
      value: agreement.physical_specialist_fee_cents === null
        ? t('region.agreement.asDigital', { fee: specialistFee(agreement.specialist_fee_cents, agreement, t, language) })
        : specialistFee(agreement.physical_specialist_fee_cents, agreement, t, language),
    },
  ];
}

/** What `after` settles differently from `before`, in the order of the facts. */
export function agreementChanges(before: Agreement, after: Agreement, t: TFunction, language: string): FactChange[] {
  const old = new Map(agreementFacts(before, t, language).map((f) => [f.name, f.value]));
  return agreementFacts(after, t, language)
    .filter((f) => old.get(f.name) !== f.value)
    .map((f) => ({ label: f.label, before: old.get(f.name) ?? '', after: f.value }));
}
