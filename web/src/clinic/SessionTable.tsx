// The sessions of a period as a table, soonest first as the server sends them: the day (a link to
// the session), the time, where, who holds it, for which practices, its status and how full it is
// ("3 van 4", with a bar for the eye).
import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ClinicSession } from './api';
import { formatDay } from './clinicTime';
import { FillRate } from './FillRate';
import { SessionStatusBadge } from './SessionStatusBadge';

export function SessionTable({ items, caption }: { items: readonly ClinicSession[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="mk-table-scroll">
      <Table className="mk-region-table mk-session-list">
        <TableCaption className="mk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('clinic.column.day')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('clinic.column.time')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('clinic.column.location')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('clinic.column.specialist')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('clinic.column.practices')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('clinic.column.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('clinic.column.fill')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((session) => <SessionRow key={session.id} session={session} />)}
        </TableBody>
      </Table>
    </div>
  );
}

function SessionRow({ session }: { session: ClinicSession }) {
  const { t, i18n } = useTranslation();
  return (
    <TableRow className={session.status === 'cancelled' ? 'mk-row--cancelled' : undefined}>
      <TableHeaderCell scope="row">
        <Link className="utrecht-link" to={`/spreekuren/${session.id}`}>{formatDay(session.day, i18n.language)}</Link>
        <span className="mk-region-table__sub">{session.pool.name}</span>
      </TableHeaderCell>
      <TableCell className="mk-nowrap">{t('clinic.timeSpan', { start: session.start_time, end: session.end_time })}</TableCell>
      <TableCell>{session.location}</TableCell>
      <TableCell>{session.specialist.name}</TableCell>
      <TableCell>{session.practices.map((p) => p.name).join(', ')}</TableCell>
      <TableCell><SessionStatusBadge status={session.status} /></TableCell>
      <TableCell><FillRate session={session} /></TableCell>
    </TableRow>
  );
}
