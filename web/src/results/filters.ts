// The dashboard's filters in the address (?from=&to=&specialty=&mode=&group=), so that a view can
// be bookmarked and Back returns to the one before; what the address does not name falls back to
// the twelve months up to today, every specialty and mode, grouped per month.
import { useSearchParams } from 'react-router-dom';
import { todayInput } from '../lib/calendarDate';
import { daysBetween, isDay } from '../clinic/clinicTime';
import { kGroupings, kModes, type ConsultMode, type GroupBy, type ResultsFilters } from './api';

/** The default period: this month and the eleven whole months before it. */
const kDefaultMonths = 12;

export interface ResultsView {
  filters: ResultsFilters;
  groupBy: GroupBy;
}

/**
 * The twelve calendar months up to `now` (where the browser is): from the first day of the month
 * eleven months back to today, so the trend shows twelve months and the period stays within a year.
 */
export function defaultResultsPeriod(now: Date = new Date()): { from: string; to: string } {
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth() - (kDefaultMonths - 1), 1));
  return { from: first.toISOString().slice(0, 10), to: todayInput(now) };
}

/** The view an address names, anything missing or malformed taken from the defaults. */
export function viewOf(params: URLSearchParams, now?: Date): ResultsView {
  const fallback = defaultResultsPeriod(now);
  const from = params.get('from');
  const to = params.get('to');
  const period = from && to && isDay(from) && isDay(to) ? { from, to } : fallback;
  const mode = params.get('mode');
  const group = params.get('group');
  const filters: ResultsFilters = { ...period };
  const specialty = params.get('specialty');
  if (specialty) filters.specialty = specialty;
  if (kModes.includes(mode as ConsultMode)) filters.mode = mode as ConsultMode;
  return { filters, groupBy: kGroupings.includes(group as GroupBy) ? (group as GroupBy) : 'month' };
}

/** The address of a view: only what is chosen. */
export function paramsOf(view: ResultsView): URLSearchParams {
  const params = new URLSearchParams({ from: view.filters.from, to: view.filters.to });
  if (view.filters.specialty) params.set('specialty', view.filters.specialty);
  if (view.filters.mode) params.set('mode', view.filters.mode);
  params.set('group', view.groupBy);
  return params;
}

export function useResultsView(now?: Date): [ResultsView, (next: ResultsView) => void] {
  const [params, setParams] = useSearchParams();
  return [viewOf(params, now), (next) => setParams(paramsOf(next))];
}

/** Why a period cannot be asked for, by field ('from', 'to'); empty when it can. */
export function periodRefusals(from: string, to: string, t: (key: string) => string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!isDay(from)) found.from = t('results.filters.noDay');
  if (!isDay(to)) found.to = t('results.filters.noDay');
  if (!found.from && !found.to && daysBetween(from, to) < 0) found.to = t('results.filters.toBeforeFrom');
  return found;
}
