// What a session is, as a description list: when, where, who holds it, for which practices, its
// status and how full it is.
import { DataList } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../components/Fact';
import type { ClinicSession } from './api';
import { formatDay } from './clinicTime';
import { FillRate } from './FillRate';
import { SessionStatusBadge } from './SessionStatusBadge';

export function SessionFacts({ session }: { session: ClinicSession }) {
  const { t, i18n } = useTranslation();
  return (
    <DataList className="mk-details">
      <Fact label={t('clinic.column.day')}>{formatDay(session.day, i18n.language)}</Fact>
      <Fact label={t('clinic.column.time')}>
        {t('clinic.timeSpan', { start: session.start_time, end: session.end_time })}{' '}
        <span className="mk-hint">({t('clinic.slotLength', { count: session.slot_count, minutes: session.slot_minutes })})</span>
      </Fact>
      <Fact label={t('clinic.column.location')}>{session.location}</Fact>
      <Fact label={t('clinic.column.specialist')}>{session.specialist.name}</Fact>
      <Fact label={t('clinic.pool')}>{session.pool.name}</Fact>
      <Fact label={t('clinic.column.practices')}>{session.practices.map((p) => p.name).join(', ')}</Fact>
      <Fact label={t('clinic.column.status')}><SessionStatusBadge status={session.status} /></Fact>
      <Fact label={t('clinic.column.fill')}><FillRate session={session} /></Fact>
    </DataList>
  );
}
