// The headline figures of the triple aim, in the order the dashboard shows them: as cards for the
// total and as the columns of the table per group. Each says its name and how its value (and a
// detail under it, such as the 90th percentile) is written in the UI language; a figure the server
// has none of is null. Definitions of every figure: docs/triple-aim.md.
import type { TFunction } from 'i18next';
import type { TripleAimFigures } from './api';
import { formatCents, formatCount, formatDecimal, formatShare } from './format';

/** One figure as a view shows it: its name, its value, and optionally a detail in smaller print. */
export interface FigureColumn {
  id: string;
  label: string;
  value: (figures: TripleAimFigures) => string | null;
  detail?: (figures: TripleAimFigures) => string | null;
}

export function headlineFigures(t: TFunction, language: string): FigureColumn[] {
  const count = (value: number | null) => formatCount(value, language);
  const share = (value: number | null) => formatShare(value, language);
  const euros = (cents: number | null) => formatCents(cents, language);
  const hours = (value: number | null) => {
    const text = formatDecimal(value, language);
    return text === null ? null : t('results.unit.hours', { value: text });
  };
  const mark = (value: number | null) => {
    const text = formatDecimal(value, language);
    return text === null ? null : t('results.unit.outOfFive', { value: text });
  };
  return [
    { id: 'consults', label: t('results.figure.consults'), value: (f) => count(f.consults) },
    {
      id: 'primary_care_share', label: t('results.figure.primaryCareShare'), value: (f) => share(f.primary_care_share),
      detail: (f) => (f.primary_care === null || f.closed === null ? null
        : t('results.detail.ofClosed', { part: count(f.primary_care), whole: count(f.closed) })),
    },
    {
      id: 'referrals_avoided', label: t('results.figure.referralsAvoided'), value: (f) => count(f.referrals_avoided),
      detail: (f) => (f.intended_referral === null ? null : t('results.detail.ofIntended', { whole: count(f.intended_referral) })),
    },
    {
      id: 'response', label: t('results.figure.responseMedian'), value: (f) => hours(f.response_working_hours.median),
      detail: (f) => {
        const p90 = hours(f.response_working_hours.p90);
        return p90 === null ? null : t('results.detail.p90', { value: p90 });
      },
    },
    { id: 'within_agreed_share', label: t('results.figure.withinAgreed'), value: (f) => share(f.within_agreed_share) },
    { id: 'learned_share', label: t('results.figure.learned'), value: (f) => share(f.learned_share) },
    { id: 'rating_mean', label: t('results.figure.gpRating'), value: (f) => mark(f.rating_mean) },
    { id: 'question_rating_mean', label: t('results.figure.questionRating'), value: (f) => mark(f.question_rating_mean) },
    {
      id: 'patient_score_mean', label: t('results.figure.patientScore'), value: (f) => mark(f.patient_score_mean),
      detail: (f) => (f.survey_answers === null ? null
        : t('results.detail.answers', { count: f.survey_answers, value: count(f.survey_answers) })),
    },
    {
      id: 'participating_practices', label: t('results.figure.practices'),
      value: (f) => (f.participating_practices === null ? null : t('results.detail.partOf', {
        part: count(f.participating_practices.sending), whole: count(f.participating_practices.in_scope),
      })),
      detail: (f) => share(f.participating_practices?.share ?? null),
    },
    { id: 'fees', label: t('results.figure.fees'), value: (f) => euros(f.fees_cents) },
    { id: 'avoided_referral_cost', label: t('results.figure.avoidedCost'), value: (f) => euros(f.avoided_referral_cost_cents) },
    { id: 'cost_per_patient', label: t('results.figure.costPerPatient'), value: (f) => euros(f.cost_per_patient_cents) },
  ];
}

/** The figures of the trend per month: how many consults, and how the closed ones ended. */
export function outcomeFigures(t: TFunction, language: string): FigureColumn[] {
  const count = (value: number | null) => formatCount(value, language);
  const [consults, share] = specialtyFigures(t, language) as [FigureColumn, FigureColumn];
  return [
    consults,
    { id: 'closed', label: t('results.figure.closed'), value: (f) => count(f.closed) },
    { id: 'primary_care', label: t('results.figure.primaryCare'), value: (f) => count(f.primary_care) },
    { id: 'referred', label: t('results.figure.referred'), value: (f) => count(f.referred) },
    { id: 'referred_elsewhere', label: t('results.figure.referredElsewhere'), value: (f) => count(f.referred_elsewhere) },
    { ...share, detail: undefined },
  ];
}

/** The figures per specialty beside its chart: consults and the share treated in primary care. */
export function specialtyFigures(t: TFunction, language: string): FigureColumn[] {
  return headlineFigures(t, language).filter((column) => column.id === 'consults' || column.id === 'primary_care_share');
}
