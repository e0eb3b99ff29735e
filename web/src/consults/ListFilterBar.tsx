// Filters above a consult list: status, specialty and a search by number or text. They live in
// the address (?status=&specialty=&q=), so a filtered list can be bookmarked and Back works.
import { FormField, FormLabel, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { kConsultStatuses, useSpecialties, type ConsultStatus, type ListFilters } from './api';

const kSearchDelayMs = 300;

export function useListFilters(): [ListFilters, (patch: Partial<ListFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: ListFilters = {
    status: (params.get('status') ?? '') as ConsultStatus | '',
    specialty: params.get('specialty') ?? '',
    q: params.get('q') ?? '',
  };
  const update = (patch: Partial<ListFilters>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return [filters, update];
}

export function ListFilterBar({ filters, onChange, showStatus }: {
  filters: ListFilters;
  onChange: (patch: Partial<ListFilters>) => void;
  showStatus: boolean;
}) {
  const { t, i18n } = useTranslation();
  const specialties = useSpecialties().data?.items ?? [];
  const statusId = useId();
  const specialtyId = useId();
  const searchId = useId();
  const [text, setText] = useState(filters.q ?? '');
  const debouncedText = useDebouncedValue(text, kSearchDelayMs);

  useEffect(() => {
    if (debouncedText !== (filters.q ?? '')) onChange({ q: debouncedText });
    // Only the typed text drives this; filters.q follows from it.
  }, [debouncedText]);

  return (
    <div role="search" className="mk-filters" aria-label={t('list.filters')}>
      {showStatus && (
        <FormField className="mk-filters__field" label={<FormLabel htmlFor={statusId}>{t('list.status')}</FormLabel>}>
          <Select id={statusId} value={filters.status} onChange={(e) => onChange({ status: e.target.value as ConsultStatus })}>
            <SelectOption value="">{t('list.allStatuses')}</SelectOption>
            {kConsultStatuses.map((status) => (
              <SelectOption key={status} value={status}>{t(`status.${status}`)}</SelectOption>
            ))}
          </Select>
        </FormField>
      )}
      <FormField className="mk-filters__field" label={<FormLabel htmlFor={specialtyId}>{t('list.specialty')}</FormLabel>}>
        <Select id={specialtyId} value={filters.specialty} onChange={(e) => onChange({ specialty: e.target.value })}>
          <SelectOption value="">{t('list.allSpecialties')}</SelectOption>
          {specialties.map((s) => (
            <SelectOption key={s.code} value={s.code}>{i18n.language === 'en' ? s.name_en : s.name}</SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField className="mk-filters__field" label={<FormLabel htmlFor={searchId}>{t('list.search')}</FormLabel>}>
        <Textbox id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </FormField>
    </div>
  );
}
