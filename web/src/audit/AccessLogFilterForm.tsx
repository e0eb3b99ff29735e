// The access log's filters: consult number, user, first and last day, and an organisation when the
// officer serves more than one. They live in the address (?patient=&user=&from=&until=&organisation=),
// so a search can be bookmarked and Back returns to the previous one; a search runs when asked for.
import { Button, SelectOption } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import type { AccessLogFilters } from './api';

/** The form's fields by the names the API gives them in its refusals. */
export const kFilterFields = ['organisation_id', 'patient', 'user_id', 'from', 'until'] as const;

const kWholeNumber = /^[1-9]\d*$/;

function positiveId(text: string | null): number | undefined {
  return text && kWholeNumber.test(text) ? Number(text) : undefined;
}

export function useAccessLogFilters(): [AccessLogFilters, (next: AccessLogFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: AccessLogFilters = {
    organisationId: positiveId(params.get('organisation')),
    patient: params.get('patient') ?? undefined,
    userId: positiveId(params.get('user')),
    from: params.get('from') ?? undefined,
    until: params.get('until') ?? undefined,
  };
  const update = (next: AccessLogFilters) => {
    const out = new URLSearchParams();
    const set = (key: string, value: string | number | undefined) => { if (value) out.set(key, String(value)); };
    set('organisation', next.organisationId);
    set('patient', next.patient);
    set('user', next.userId);
    set('from', next.from);
    set('until', next.until);
    setParams(out);
  };
  return [filters, update];
}

export interface Organisation {
  id: number;
  name: string;
}

interface Draft {
  organisation: string;
  patient: string;
  user: string;
  from: string;
  until: string;
}

function draftOf(filters: AccessLogFilters, organisations: readonly Organisation[]): Draft {
  return {
    organisation: String(filters.organisationId ?? organisations[0]?.id ?? ''),
    patient: filters.patient ?? '',
    user: filters.userId ? String(filters.userId) : '',
    from: filters.from ?? '',
    until: filters.until ?? '',
  };
}

/**
 * The filter form. `errors` are the server's refusal of the last search, placed at its fields;
 * mistakes the screen can see itself (a user that is no number, a last day before the first) are
 * said before anything is sent.
 */
export function AccessLogFilterForm({ filters, organisations, errors, busy, onSearch }: {
  filters: AccessLogFilters;
  organisations: readonly Organisation[];
  errors: PlacedError;
  busy: boolean;
  onSearch: (filters: AccessLogFilters) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(filters, organisations));
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const field = (name: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  // A new address (Back, a bookmark) puts its filters in the form; after a search they are the same.
  const filtersKey = JSON.stringify(filters);
  useEffect(() => {
    setDraft(draftOf(filters, organisations));
    setOwnErrors({});
  }, [filtersKey]);
  const fieldError = (name: (typeof kFilterFields)[number]) => ownErrors[name] ?? errors.fieldErrors[name];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const user = draft.user.trim();
    const found: Record<string, string> = {};
    if (user && !kWholeNumber.test(user)) found.user_id = t('accessLog.filters.userInvalid');
    if (draft.from && draft.until && draft.until < draft.from) found.until = t('accessLog.filters.untilBeforeFrom');
    setOwnErrors(found);
    if (Object.keys(found).length > 0) return;
    onSearch({
      organisationId: positiveId(draft.organisation),
      patient: draft.patient.trim() || undefined,
      userId: positiveId(user),
      from: draft.from || undefined,
      until: draft.until || undefined,
    });
  };

  return (
    <form role="search" aria-label={t('accessLog.filters.label')} onSubmit={submit} noValidate className="mk-filters mk-log-filters">
      {organisations.length > 1 && (
        <SelectField label={t('accessLog.filters.organisation')} value={draft.organisation} onChange={field('organisation')}
          errorMessage={fieldError('organisation_id')}>
          {organisations.map((o) => <SelectOption key={o.id} value={String(o.id)}>{o.name}</SelectOption>)}
        </SelectField>
      )}
      <TextField label={t('accessLog.filters.patient')} name="patient" value={draft.patient} onChange={field('patient')}
        description={t('accessLog.filters.patientHelp')} errorMessage={fieldError('patient')} />
      <TextField label={t('accessLog.filters.user')} name="user" inputMode="numeric" value={draft.user} onChange={field('user')}
        description={t('accessLog.filters.userHelp')} errorMessage={fieldError('user_id')} />
      <TextField label={t('accessLog.filters.from')} name="from" type="date" value={draft.from} onChange={field('from')}
        description={t('accessLog.filters.dayHelp')} errorMessage={fieldError('from')} />
      <TextField label={t('accessLog.filters.until')} name="until" type="date" value={draft.until} onChange={field('until')}
        description={t('accessLog.filters.dayHelp')} errorMessage={fieldError('until')} />
      <div className="mk-action">
        <Button type="submit" appearance="primary-action-button" busy={busy}>{t('accessLog.filters.search')}</Button>
        <ActionError message={errors.actionError} />
      </div>
    </form>
  );
}
