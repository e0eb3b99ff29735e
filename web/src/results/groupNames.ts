// The report's groups named in the UI language: the server keys a month as "2026-03" and names a
// specialty in Dutch; the page says "maart 2026" and, in English, "Dermatology". An organisation
// keeps the name the server gives it. Pure function: unit-tested.
import { specialtyName, type Specialty } from '../consults/api';
import type { TripleAimReport } from './api';
import { formatMonth } from './format';

export function withGroupNames(report: TripleAimReport, language: string, specialties: readonly Specialty[] | undefined): TripleAimReport {
  const nameOf = (key: string | null, label: string) => {
    if (key === null) return label;
    if (report.group_by === 'month') return formatMonth(key, language);
    if (report.group_by === 'specialty') {
      const name = specialtyName(specialties, key, language);
      return name === key ? label : name;
    }
    return label;
  };
  return { ...report, groups: report.groups.map((group) => ({ ...group, label: nameOf(group.key, group.label) })) };
}
