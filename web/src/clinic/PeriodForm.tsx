// The period of the session list: first and last day, in the address (?from=&to=) so that a
// period can be bookmarked and Back returns to the one before; this week and the eight after it
// when the address names none. A day that is none, a last day before the first or more than a
// year is said at its field before anything is asked.
import { Button } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ActionError } from '../components/ActionError';
import { TextField } from '../components/TextField';
import { daysBetween, defaultPeriod, isDay, kMaxPeriodDays } from './clinicTime';

export interface Period {
  from: string;
  to: string;
}

/** The period in the address, or the default one; and a way to choose another. */
export function usePeriod(now?: Date): [Period, (next: Period) => void] {
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod(now);
  const from = params.get('from');
  const to = params.get('to');
  const period = from && to && isDay(from) && isDay(to) ? { from, to } : fallback;
  return [period, (next) => setParams(new URLSearchParams({ from: next.from, to: next.to }))];
}

/** Why a period cannot be asked for, by field ('from', 'to'); empty when it can. */
export function periodRefusals(period: Period, t: (key: string) => string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!isDay(period.from)) found.from = t('clinic.period.noDay');
  if (!isDay(period.to)) found.to = t('clinic.period.noDay');
  if (found.from || found.to) return found;
  const days = daysBetween(period.from, period.to);
  if (days < 0) found.to = t('clinic.period.toBeforeFrom');
  else if (days > kMaxPeriodDays) found.to = t('clinic.period.tooLong');
  return found;
}

export function PeriodForm({ period, onChange, serverError }: {
  period: Period;
  onChange: (next: Period) => void;
  /** The server's refusal of the period shown, placed at its field ('from' or 'to') or by the button. */
  serverError: { field?: string; message: string } | null;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Period>(period);
  const [refused, setRefused] = useState<Record<string, string>>({});
  useEffect(() => {
    setDraft(period);
    setRefused({});
  }, [period.from, period.to]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = periodRefusals(draft, t);
    setRefused(found);
    if (Object.keys(found).length === 0) onChange(draft);
  };
  const fieldError = (name: 'from' | 'to') => refused[name] ?? (serverError?.field === name ? serverError.message : undefined);
  const otherError = serverError && serverError.field !== 'from' && serverError.field !== 'to' ? serverError.message : null;

  return (
    <form role="search" aria-label={t('clinic.period.label')} onSubmit={submit} noValidate className="mk-filters mk-period-filters">
      <TextField label={t('clinic.period.from')} type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })}
        errorMessage={fieldError('from')} />
      <TextField label={t('clinic.period.to')} type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })}
        errorMessage={fieldError('to')} />
      <div className="mk-action">
        <Button type="submit" appearance="secondary-action-button">{t('clinic.period.show')}</Button>
        <ActionError message={otherError} />
      </div>
    </form>
  );
}
