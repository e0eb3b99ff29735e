// A triple-aim report as the server sends it, for the dashboard's tests: a region's total, and
// groups of which one is too small to report (every figure null); months keyed and named "2026-03".
import type { TripleAimFigures, TripleAimReport } from './api';

export function figures(key: string | null, label: string, fields: Partial<TripleAimFigures> = {}): TripleAimFigures {
  return {
    key, label, suppressed: false,
    consults: 1234, closed: 1000, primary_care: 625, referred: 300, referred_elsewhere: 75,
    intended_referral: 800, referrals_avoided: 480, primary_care_share: 0.625,
    response_working_hours: { median: 3.46, p90: 12 },
    within_agreed_share: 0.912, learned_share: 0.7,
    rating_mean: 4.26, question_rating_mean: 3.9, patient_score_mean: 4.5, survey_answers: 87,
    physical_seen: 40, physical_no_show: 3,
    participating_practices: { sending: 18, in_scope: 24, share: 0.75 },
    fees_cents: 12345650, avoided_referral_cost_cents: 4810000, cost_per_patient_cents: 10005,
    ...fields,
  };
}

/** A group too small to report: only its key and name. */
export function suppressed(key: string, label: string): TripleAimFigures {
  return figures(key, label, {
    suppressed: true, consults: null, closed: null, primary_care: null, referred: null, referred_elsewhere: null,
    intended_referral: null, referrals_avoided: null, primary_care_share: null, response_working_hours: { median: null, p90: null },
    within_agreed_share: null, learned_share: null, rating_mean: null, question_rating_mean: null, patient_score_mean: null,
    survey_answers: null, physical_seen: null, physical_no_show: null, participating_practices: null, fees_cents: null,
    avoided_referral_cost_cents: null, cost_per_patient_cents: null,
  });
}

export function report(groupBy: TripleAimReport['group_by'], groups: TripleAimFigures[], total = figures(null, 'Totaal')): TripleAimReport {
  return {
    from: '2025-04-01', to: '2026-03-15', group_by: groupBy, min_group_size: 10,
    scope: { kind: 'region', name: 'ROS Rijnmond' }, total, groups,
  };
}

export const kMonths: TripleAimFigures[] = [
  figures('2026-01', '2026-01', { consults: 120, closed: 100, primary_care: 60, referred: 30, referred_elsewhere: 10, primary_care_share: 0.6 }),
  suppressed('2026-02', '2026-02'),
  figures('2026-03', '2026-03', { consults: 90, closed: 80, primary_care: 56, referred: 20, referred_elsewhere: 4, primary_care_share: 0.7 }),
];

export const kSpecialties: TripleAimFigures[] = [
  figures('dermatologie', 'Dermatologie', { consults: 700, closed: 600, primary_care: 480, primary_care_share: 0.8 }),
  figures('cardiologie', 'Cardiologie', { consults: 300, closed: 250, primary_care: 125, primary_care_share: 0.5 }),
  suppressed('kno', 'Keel-, neus- en oorheelkunde'),
];
