// The new-consult form's values as typed (strings, so half-typed input survives), and the mapping
// to and from the API's NewConsult / Consult and the catalogue's field names. Pure functions:
// unit-tested.
import type { FieldValues } from '../../lib/formFields';
import type { Consult, NewConsult, TemplateVersion } from '../api';
import { answerTexts, templateAnswersBody } from './templateAnswers';

export type Sex = NewConsult['patient']['sex'];
export type Mode = NonNullable<NewConsult['mode']>;

export interface IcpcChoice {
  code: string;
  description: string;
}

export interface ConsultFormValues {
  specialty: string;
  /** The chosen pool's id, when the specialty has several; '' leaves it to the routing. */
  poolId: string;
  mode: Mode | '';
  birthYear: string;
  sex: Sex | '';
  /** Whether the identifying fields (name, date of birth, BSN) are shown and sent. */
  identifying: boolean;
  name: string;
  birthDate: string;
  bsn: string;
  icpc: IcpcChoice | null;
  question: string;
  clinicalSummary: string;
  intendedReferral: 'yes' | 'no' | '';
  consent: boolean;
  /** The answers to the pool's question template, as typed, by question key (see templateAnswers.ts). */
  templateAnswers: Record<string, string>;
}

export const kEmptyConsultForm: ConsultFormValues = {
  specialty: '',
  poolId: '',
  mode: '',
  birthYear: '',
  sex: '',
  identifying: false,
  name: '',
  birthDate: '',
  bsn: '',
  icpc: null,
  question: '',
  clinicalSummary: '',
  intendedReferral: '',
  consent: false,
  templateAnswers: {},
};

/** The API's field names (as in error.field) that this form shows; errors for others go by the button. */
export const kConsultFormFields = [
  'specialty', 'mode', 'patient', 'patient.birth_year', 'patient.sex', 'patient.name', 'patient.birth_date',
  'patient.bsn', 'icpc', 'question', 'clinical_summary', 'intended_referral', 'consent', 'pool_id',
] as const;

function optional(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The request body for these values. Missing answers are refused in the browser first (see
 * answersByField); should one get through, a blank birth year becomes 0 and a blank sex "unknown"
 * only on the wire, so the server (which owns validation) answers with its own sentence for it.
 * The answers to `template` (the chosen pool's) go along; without a template, none do.
 */
export function toNewConsult(values: ConsultFormValues, send: boolean, template: TemplateVersion | null = null): NewConsult {
  const year = Number.parseInt(values.birthYear, 10);
  const pool = Number(values.poolId);
  return {
    specialty: values.specialty,
    pool_id: values.poolId && Number.isInteger(pool) ? pool : undefined,
    mode: values.mode || undefined,
    patient: {
      birth_year: Number.isFinite(year) ? year : 0,
      sex: values.sex || 'unknown',
      name: values.identifying ? optional(values.name) : undefined,
      birth_date: values.identifying ? optional(values.birthDate) : undefined,
      bsn: values.identifying ? optional(values.bsn.replace(/\s/g, '')) : undefined,
    },
    icpc: values.icpc?.code ?? '',
    question: values.question,
    clinical_summary: values.clinicalSummary,
    intended_referral: values.intendedReferral === '' ? null : values.intendedReferral === 'yes',
    consent: values.consent,
    template_answers: template ? templateAnswersBody(template, values.templateAnswers ?? {}) : undefined,
    send,
  };
}

/**
 * The answers by the catalogue's (the API's) field names, for the check of what a save or send
 * still lacks; the identifying fields count only while they are shown.
 */
export function answersByField(values: ConsultFormValues): FieldValues {
  return {
    specialty: values.specialty,
    mode: values.mode,
    'patient.birth_year': values.birthYear,
    'patient.sex': values.sex,
    'patient.name': values.identifying ? values.name : '',
    'patient.birth_date': values.identifying ? values.birthDate : '',
    'patient.bsn': values.identifying ? values.bsn : '',
    icpc: values.icpc?.code ?? '',
    question: values.question,
    clinical_summary: values.clinicalSummary,
    intended_referral: values.intendedReferral,
    consent: values.consent,
  };
}

/** The form's values for an existing draft. */
export function fromConsult(consult: Consult): ConsultFormValues {
  const { patient } = consult;
  const identifying = !!(patient.name || patient.birth_date || patient.bsn);
  return {
    specialty: consult.specialty,
    poolId: consult.pool ? String(consult.pool.id) : '',
    mode: consult.mode,
    birthYear: String(patient.birth_year),
    sex: patient.sex,
    identifying,
    name: patient.name ?? '',
    birthDate: patient.birth_date ?? '',
    bsn: patient.bsn ?? '',
    icpc: consult.icpc ? { code: consult.icpc, description: consult.icpc_description ?? '' } : null,
    question: consult.question,
    clinicalSummary: consult.clinical_summary,
    intendedReferral: consult.intended_referral === null ? '' : consult.intended_referral ? 'yes' : 'no',
    consent: consult.consent,
    templateAnswers: answerTexts(consult.template_answers),
  };
}
