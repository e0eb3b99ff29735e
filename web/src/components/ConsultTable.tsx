// A list of consults as a table: number (a link, with an unread marker), status, specialty,
// patient, question and deadline. Used by the outbox, the pool, the inbox and the coordinator's
// overview, which marks rows in words as well (`marks`: "Niet opgepakt", "Over tijd").
import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { specialtyName, useSpecialties, type ConsultSummary } from '../consults/api';
import { isUnread, loadSeen } from '../lib/unread';
import { useMe } from '../session/session';
import { ConsultStatusBadge } from './ConsultStatusBadge';
import { DueText } from './DueText';

const kQuestionPreviewChars = 90;

function preview(text: string): string {
  return text.length > kQuestionPreviewChars ? `${text.slice(0, kQuestionPreviewChars)}…` : text;
}

export function ConsultTable({ items, caption, marks }: {
  items: readonly ConsultSummary[];
  caption: string;
  /** Words to stand under a row's number, such as why it needs attention; none by default. */
  marks?: (consult: ConsultSummary) => readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const { user } = useMe();
  const specialties = useSpecialties().data?.items;
  const seen = user ? loadSeen(localStorage, user.id) : {};
  return (
    <div className="mk-table-scroll">
      <Table className="mk-consult-table">
        <TableCaption className="mk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('list.number')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('list.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('list.specialty')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('list.patient')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('list.question')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('list.due')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((consult) => {
            const unread = isUnread(seen, consult);
            return (
              <TableRow key={consult.id} className={unread ? 'mk-row--unread' : undefined}>
                <TableCell>
                  <Link className="utrecht-link" to={`/consults/${consult.id}`}>
                    {consult.number}
                  </Link>
                  {unread && (
                    <span className="mk-unread">
                      <span aria-hidden="true">● </span>
                      {t('list.unread')}
                    </span>
                  )}
                  {marks?.(consult).map((mark) => <span key={mark} className="mk-mark">{mark}</span>)}
                </TableCell>
                <TableCell><ConsultStatusBadge status={consult.status} /></TableCell>
                <TableCell>{specialtyName(specialties, consult.specialty, i18n.language)}</TableCell>
                <TableCell>
                  {t(`sex.${consult.patient.sex}`)}, {consult.patient.birth_year}
                </TableCell>
                <TableCell>
                  <span className="mk-icpc">{consult.icpc}</span> {preview(consult.question)}
                </TableCell>
                <TableCell><DueText dueAt={consult.due_at} status={consult.status} /></TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
