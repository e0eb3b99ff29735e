// A statement's lines: per consult the fee of one side (GP practice or specialist) and, marked in
// words with their reason, the corrections that arose that month (a changed outcome); with the
// amount, mode, specialty, the day it was closed, the specialist's minutes, the AGB codes and the
// insurer that pays.
import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { specialtyName, useSpecialties } from '../consults/api';
import { formatDate } from '../lib/calendarDate';
import { formatEuros } from '../region/format';
import type { FeeLine } from './api';

export function FeeLineTable({ lines, caption }: { lines: readonly FeeLine[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const specialties = useSpecialties().data?.items;
  return (
    <div className="mk-table-scroll">
      <Table className="mk-region-table mk-fee-lines">
        <TableCaption className="mk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('fees.line.consult')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.line.side')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.line.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="mk-number">{t('fees.line.amount')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.line.mode')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.line.specialty')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.line.closedOn')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="mk-number">{t('fees.line.minutes')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.line.practiceAgb')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.line.specialistAgb')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.line.insurer')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.map((line) => (
            <TableRow key={line.id} className={line.kind === 'correction' ? 'mk-row--correction' : undefined}>
              <TableCell className="mk-nowrap">{line.consult_number}</TableCell>
              <TableCell>{t(`fees.side.${line.side}`)}</TableCell>
              <TableCell>
                {line.kind === 'correction' ? <span className="mk-mark">{t('fees.lineKind.correction')}</span> : t('fees.lineKind.fee')}
                {line.reason && <span className="mk-region-table__sub">{t('fees.line.reason', { reason: line.reason })}</span>}
              </TableCell>
              <TableCell className="mk-number mk-nowrap">{formatEuros(line.amount_cents, language)}</TableCell>
              <TableCell>{t(`mode.${line.mode}`)}</TableCell>
              <TableCell>{specialtyName(specialties, line.specialty, language)}</TableCell>
              <TableCell className="mk-nowrap">{formatDate(line.closed_on, language)}</TableCell>
              <TableCell className="mk-number">{line.minutes ?? '—'}</TableCell>
              <TableCell>{line.practice_agb ?? '—'}</TableCell>
              <TableCell>{line.specialist_agb ?? '—'}</TableCell>
              <TableCell>{line.insurer?.name ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
