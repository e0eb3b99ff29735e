// /resultaten: the triple-aim dashboard. For a period (the twelve months up to today unless another
// is chosen), a specialty and a mode: the total's headline figures as cards, the trend per month
// and the figures per specialty as charts with the same numbers in a table (which is what a screen
// reader gets), the figures per month, specialty or organisation as a table, and the exports. The
// server decides whose figures they are (the caller's organisations) and suppresses groups too
// small to report; this page never shows a consult or a patient.
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { useSpecialties, type Specialty } from '../consults/api';
import { formatDate } from '../lib/calendarDate';
import { usePageTitle } from '../lib/usePageTitle';
import { useMe } from '../session/session';
import {
  useTripleAimReport, type GroupBy, type ResultsFilters, type TripleAimFigures, type TripleAimReport,
} from './api';
import { specialtyChartHeight, specialtyOption, trendOption, type ChartLabels, type ChartOption } from './charts';
import { FigureCards } from './FigureCards';
import { headlineFigures, outcomeFigures, specialtyFigures } from './figures';
import { FiguresTable } from './FiguresTable';
import { useResultsView } from './filters';
import { formatMonth } from './format';
import { withGroupNames } from './groupNames';
import { ResultsExport } from './ResultsExport';
import { kResultsFields, ResultsFilterForm, type SpecialtyOption } from './ResultsFilterForm';

const kTrendChartHeight = 340;

// ECharts is most of this screen's code: the figures and tables show while it loads.
const EChart = lazy(() => import('./EChart'));

/** A chart once ECharts has loaded; until then the room it will take. */
function Chart({ name, option, height }: { name: string; option: ChartOption; height: number }) {
  const room = <div className="mk-echart" aria-hidden="true" style={{ blockSize: `${height}px` }} />;
  return <Suspense fallback={room}><EChart name={name} option={option} height={height} /></Suspense>;
}

interface NamedReport {
  query: UseQueryResult<TripleAimReport>;
  report: TripleAimReport | undefined;
}

/**
 * The specialties to filter on: those the directory gives the caller, and those the report itself
 * names (an analyst may consult none, yet read the figures of all).
 */
export function specialtyOptions(directory: readonly Specialty[] | undefined, groups: readonly TripleAimFigures[] | undefined,
  language: string): SpecialtyOption[] {
  const options = new Map<string, string>();
  for (const s of directory ?? []) options.set(s.code, language === 'en' ? s.name_en : s.name);
  for (const g of groups ?? []) if (g.key && !options.has(g.key)) options.set(g.key, g.label);
  return [...options].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, language));
}

export default function ResultsPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  usePageTitle(t('results.title'));
  if (!user) return <Loading />;
  if (user.memberships.length === 0) {
    return (
      <>
        <Heading1>{t('results.title')}</Heading1>
        <Paragraph>{t('results.notForYou')}</Paragraph>
      </>
    );
  }
  return <Dashboard />;
}

/** The report for a view, its groups named in the UI language. */
function useNamedReport(filters: ResultsFilters, groupBy: GroupBy, directory: readonly Specialty[] | undefined): NamedReport {
  const { i18n } = useTranslation();
  const query = useTripleAimReport(filters, groupBy);
  const report = useMemo(() => query.data && withGroupNames(query.data, i18n.language, directory),
    [query.data, i18n.language, directory]);
  return { query, report };
}

function Dashboard() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [view, setView] = useResultsView();
  const directory = useSpecialties().data?.items;
  const grouped = useNamedReport(view.filters, view.groupBy, directory);
  const months = useNamedReport(view.filters, 'month', directory);
  const perSpecialty = useNamedReport(view.filters, 'specialty', directory);
  // Every specialty of the period to choose from, also while one is chosen (the same query when none is).
  const everySpecialty = useNamedReport({ ...view.filters, specialty: undefined }, 'specialty', directory);
  const specialties = specialtyOptions(directory, everySpecialty.report?.groups, language);
  // The question's refusal goes to the form, and nothing else is shown for it.
  const failure = grouped.query.error;
  const errors = failure ? placeError(failure, kResultsFields, t('errors.unknown')) : kNoErrors;
  const period = t('results.period', { from: formatDate(view.filters.from, language), to: formatDate(view.filters.to, language) });
  const labels: ChartLabels = {
    primaryCare: t('results.figure.primaryCare'), referred: t('results.figure.referred'),
    referredElsewhere: t('results.figure.referredElsewhere'), primaryCareShare: t('results.figure.primaryCareShare'),
    consults: t('results.figure.consults'),
  };
  const shortMonth = (m: TripleAimFigures) => (m.key ? formatMonth(m.key, language, 'short') : m.label);
  const trend = useMemo(() => months.report && trendOption(months.report.groups, labels, shortMonth), [months.report]);
  const bySpecialty = useMemo(() => perSpecialty.report && specialtyOption(perSpecialty.report.groups, labels), [perSpecialty.report]);
  const groupName = t(`results.groupBy.${view.groupBy}`);
  const groupsHeading = t('results.groupsHeading', { group: groupName.toLowerCase() });

  return (
    <div className="mk-results">
      <Heading1>{t('results.title')}</Heading1>
      <Paragraph>{t('results.intro')}</Paragraph>
      <ResultsFilterForm view={view} specialties={specialties} errors={errors} busy={grouped.query.isFetching} onShow={setView} />
      {!failure && (
        <>
          <ReportSection id="results-total" title={t('results.totalHeading', { period })} named={grouped}>
            {(report) => (
              <>
                <Paragraph className="mk-hint">
                  {t('results.scope', { name: report.scope.name, kind: t(`results.scopeKind.${report.scope.kind}`) })}
                </Paragraph>
                <FigureCards total={report.total} minGroupSize={report.min_group_size} />
              </>
            )}
          </ReportSection>

          <ReportSection id="results-trend" title={t('results.trendHeading')} named={months}>
            {(report) => (
              <>
                {trend && <Chart name="trend" option={trend} height={kTrendChartHeight} />}
                <FiguresTable caption={t('results.trendHeading')} groupHeader={t('results.groupBy.month')} groups={report.groups}
                  columns={outcomeFigures(t, language)} minGroupSize={report.min_group_size} />
              </>
            )}
          </ReportSection>

          <ReportSection id="results-specialty" title={t('results.specialtyHeading')} named={perSpecialty}>
            {(report) => (
              <>
                {bySpecialty && <Chart name="specialty" option={bySpecialty} height={specialtyChartHeight(report.groups.length)} />}
                <FiguresTable caption={t('results.specialtyHeading')} groupHeader={t('results.groupBy.specialty')} groups={report.groups}
                  columns={specialtyFigures(t, language)} minGroupSize={report.min_group_size} />
              </>
            )}
          </ReportSection>

          <ReportSection id="results-groups" title={groupsHeading} named={grouped}>
            {(report) => (
              <>
                <FiguresTable caption={groupsHeading} groupHeader={groupName} groups={report.groups}
                  columns={headlineFigures(t, language)} minGroupSize={report.min_group_size} total={report.total} wide />
                <ResultsExport filters={view.filters} groupBy={view.groupBy} report={report} />
              </>
            )}
          </ReportSection>
        </>
      )}
    </div>
  );
}

/** A part of the dashboard: its heading, then loading, its error, "no consults" or the content. */
function ReportSection({ id, title, named: { query, report }, children }: {
  id: string;
  title: string;
  named: NamedReport;
  children: (report: TripleAimReport) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="mk-results-section">
      <Heading2 id={id}>{title}</Heading2>
      {query.isPending && <Loading />}
      {query.error && <ActionError message={query.error.message} />}
      {report && (report.total.consults === 0 && report.groups.length === 0
        ? <Paragraph>{t('results.empty')}</Paragraph>
        : children(report))}
    </section>
  );
}
