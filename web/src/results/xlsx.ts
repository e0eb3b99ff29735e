// "Download Excel (XLSX)": the total and the groups of the report as one sheet, made in the
// browser. The headings are the figures' names in the UI language (Dutch unless English is
// chosen); the cells hold numbers, not text, with a number format — a share as a percentage, an
// amount in euros — so the figures can be computed with. A group too small to report holds its
// name and the sentence that says so, never a number. `xlsxRows` is a pure function: unit-tested.
import type { TFunction } from 'i18next';
import type { CellObject, Row, SheetData } from 'write-excel-file/universal';
import { saveBlob } from '../lib/download';
import type { TripleAimFigures, TripleAimReport } from './api';

type Kind = 'count' | 'share' | 'decimal' | 'euros';

interface ExportColumn {
  label: string;
  kind: Kind;
  value: (figures: TripleAimFigures) => number | null;
}

/** The first column's width, in characters: room for an organisation's name. */
const kGroupColumnWidth = 36;

const kFormats: Record<Kind, string> = {
  count: '#,##0',
  share: '0%',
  decimal: '0.0',
  euros: '[$€-413] #,##0.00', // 413: nl-NL
};

function exportColumns(t: TFunction): ExportColumn[] {
  const column = (key: string, kind: Kind, value: ExportColumn['value']): ExportColumn => ({ label: t(key), kind, value });
  return [
    column('results.figure.consults', 'count', (f) => f.consults),
    column('results.figure.closed', 'count', (f) => f.closed),
    column('results.figure.primaryCare', 'count', (f) => f.primary_care),
    column('results.figure.referred', 'count', (f) => f.referred),
    column('results.figure.referredElsewhere', 'count', (f) => f.referred_elsewhere),
    column('results.figure.intendedReferral', 'count', (f) => f.intended_referral),
    column('results.figure.referralsAvoided', 'count', (f) => f.referrals_avoided),
    column('results.figure.primaryCareShare', 'share', (f) => f.primary_care_share),
    column('results.figure.responseMedian', 'decimal', (f) => f.response_working_hours.median),
    column('results.figure.responseP90', 'decimal', (f) => f.response_working_hours.p90),
    column('results.figure.withinAgreed', 'share', (f) => f.within_agreed_share),
    column('results.figure.learned', 'share', (f) => f.learned_share),
    column('results.figure.gpRating', 'decimal', (f) => f.rating_mean),
    column('results.figure.questionRating', 'decimal', (f) => f.question_rating_mean),
    column('results.figure.patientScore', 'decimal', (f) => f.patient_score_mean),
    column('results.figure.surveyAnswers', 'count', (f) => f.survey_answers),
    column('results.figure.physicalSeen', 'count', (f) => f.physical_seen),
    column('results.figure.physicalNoShow', 'count', (f) => f.physical_no_show),
    column('results.figure.practicesSending', 'count', (f) => f.participating_practices?.sending ?? null),
    column('results.figure.practicesInScope', 'count', (f) => f.participating_practices?.in_scope ?? null),
    column('results.figure.practicesShare', 'share', (f) => f.participating_practices?.share ?? null),
    column('results.figure.fees', 'euros', (f) => f.fees_cents),
    column('results.figure.avoidedCost', 'euros', (f) => f.avoided_referral_cost_cents),
    column('results.figure.costPerPatient', 'euros', (f) => f.cost_per_patient_cents),
  ];
}

function cell(column: ExportColumn, figures: TripleAimFigures): CellObject | null {
  const value = column.value(figures);
  if (value === null) return null;
  return { value: column.kind === 'euros' ? value / 100 : value, type: Number, format: kFormats[column.kind] };
}

/**
 * The sheet: a heading row (the group's kind, then every figure), the total, then one row per
 * group in the report's order.
 */
export function xlsxRows(report: TripleAimReport, t: TFunction): SheetData {
  const columns = exportColumns(t);
  const bold = (value: string): CellObject => ({ value, fontWeight: 'bold' });
  const groupHeading = report.group_by ? t(`results.groupBy.${report.group_by}`) : '';
  const row = (figures: TripleAimFigures, label: string): Row => (figures.suppressed
    ? [label, t('results.suppressed', { min: report.min_group_size })]
    : [label, ...columns.map((column) => cell(column, figures))]);
  return [
    [bold(groupHeading), ...columns.map((column) => bold(column.label))],
    row(report.total, t('results.total')),
    ...report.groups.map((group) => row(group, group.label)),
  ];
}

/** The file's name: the period and the grouping, "resultaten-2025-04-01-2026-03-15-maand.xlsx". */
export function xlsxFileName(report: TripleAimReport, t: TFunction): string {
  const group = report.group_by ? `-${t(`results.groupBy.${report.group_by}`).toLowerCase()}` : '';
  return `${t('results.export.fileBase')}-${report.from}-${report.to}${group}.xlsx`;
}

/**
 * Writes the sheet and hands it to the browser. The library is loaded only now. It zips in the
 * page itself: fflate deflates files under 160 kB without a Web Worker, which the app's CSP
 * (no blob: scripts) would refuse, and a report's sheet is far smaller.
 */
export async function downloadXlsx(report: TripleAimReport, t: TFunction): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(xlsxRows(report, t), {
    sheet: t('results.export.sheet'), columns: [{ width: kGroupColumnWidth }], stickyRowsCount: 1, stickyColumnsCount: 1,
  }).toBlob();
  saveBlob(blob, xlsxFileName(report, t));
}
