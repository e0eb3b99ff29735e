// The dashboard's question: the period (first and last day), a specialty, a mode and what the
// table and the exports are grouped by. Shown when asked for ("Tonen"); a period that is none is
// said at its field before anything is asked, the server's refusal at the field it names.
import { Button, SelectOption } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { kGroupings, kModes, type ConsultMode, type GroupBy } from './api';
import { periodRefusals, type ResultsView } from './filters';

/** The form's fields by the names the API gives them in its refusals. */
export const kResultsFields = ['from', 'to', 'specialty', 'mode', 'group_by'] as const;

export interface SpecialtyOption {
  code: string;
  name: string;
}

interface Draft {
  from: string;
  to: string;
  specialty: string;
  mode: string;
  groupBy: GroupBy;
}

function draftOf(view: ResultsView): Draft {
  const { from, to, specialty, mode } = view.filters;
  return { from, to, specialty: specialty ?? '', mode: mode ?? '', groupBy: view.groupBy };
}

function viewOf(draft: Draft): ResultsView {
  const filters: ResultsView['filters'] = { from: draft.from, to: draft.to };
  if (draft.specialty) filters.specialty = draft.specialty;
  if (draft.mode) filters.mode = draft.mode as ConsultMode;
  return { filters, groupBy: draft.groupBy };
}

export function ResultsFilterForm({ view, specialties, errors, busy, onShow }: {
  view: ResultsView;
  specialties: readonly SpecialtyOption[];
  errors: PlacedError;
  busy: boolean;
  onShow: (view: ResultsView) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [refused, setRefused] = useState<Record<string, string>>({});
  const field = <K extends keyof Draft>(name: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  // A new address (Back, a bookmark) puts its view in the form.
  const viewKey = JSON.stringify(view);
  useEffect(() => {
    setDraft(draftOf(view));
    setRefused({});
  }, [viewKey]);
  const fieldError = (name: (typeof kResultsFields)[number]) => refused[name] ?? errors.fieldErrors[name];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = periodRefusals(draft.from, draft.to, t);
    setRefused(found);
    if (Object.keys(found).length === 0) onShow(viewOf(draft));
  };

  return (
    <form role="search" aria-label={t('results.filters.label')} onSubmit={submit} noValidate className="mk-filters mk-results-filters">
      <TextField label={t('results.filters.from')} type="date" value={draft.from} onChange={field('from')} errorMessage={fieldError('from')} />
      <TextField label={t('results.filters.to')} type="date" value={draft.to} onChange={field('to')} errorMessage={fieldError('to')} />
      <SelectField label={t('results.filters.specialty')} value={draft.specialty} onChange={field('specialty')}
        errorMessage={fieldError('specialty')}>
        <SelectOption value="">{t('results.filters.allSpecialties')}</SelectOption>
        {specialties.map((s) => <SelectOption key={s.code} value={s.code}>{s.name}</SelectOption>)}
      </SelectField>
      <SelectField label={t('results.filters.mode')} value={draft.mode} onChange={field('mode')} errorMessage={fieldError('mode')}>
        <SelectOption value="">{t('results.filters.allModes')}</SelectOption>
        {kModes.map((mode) => <SelectOption key={mode} value={mode}>{t(`mode.${mode}`)}</SelectOption>)}
      </SelectField>
      <SelectField label={t('results.filters.groupBy')} value={draft.groupBy} onChange={(value) => field('groupBy')(value as GroupBy)}
        errorMessage={fieldError('group_by')}>
        {kGroupings.map((group) => <SelectOption key={group} value={group}>{t(`results.groupBy.${group}`)}</SelectOption>)}
      </SelectField>
      <div className="mk-action">
        <Button type="submit" appearance="primary-action-button" busy={busy}>{t('results.filters.show')}</Button>
        <ActionError message={errors.actionError} />
      </div>
    </form>
  );
}
