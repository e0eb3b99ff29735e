// A session's time slots in their order: the time, the consult booked into it (its number, a link
// when the viewer may open it; "Geboekt" when the viewer may not know which; "Vrij" when nobody
// is), the practice, and whether the patient came.
import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ClinicSlot } from './api';
import { timeSpan } from './clinicTime';

export function SlotTable({ slots, caption }: { slots: readonly ClinicSlot[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="mk-table-scroll">
      <Table className="mk-region-table mk-slot-table">
        <TableCaption className="mk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('clinic.slot.time')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('clinic.slot.consult')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('clinic.slot.practice')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('clinic.slot.attendance')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {slots.map((slot) => (
            <TableRow key={slot.id}>
              <TableHeaderCell scope="row" className="mk-nowrap">{timeSpan(slot.starts_at, slot.ends_at)}</TableHeaderCell>
              <TableCell><SlotConsult slot={slot} /></TableCell>
              <TableCell>{slot.practice_name || '—'}</TableCell>
              <TableCell>{slot.booked ? t(`clinic.attendance.${slot.attendance}`) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function SlotConsult({ slot }: { slot: ClinicSlot }) {
  const { t } = useTranslation();
  if (!slot.booked) return <>{t('clinic.slot.free')}</>;
  if (!slot.consult_number) return <>{t('clinic.slot.taken')}</>;
  if (slot.consult_id === null) return <>{slot.consult_number}</>;
  return <Link className="utrecht-link" to={`/consults/${slot.consult_id}`}>{slot.consult_number}</Link>;
}
