// The month's statements, one row per organisation: its name (leading to the statement), AGB
// code, kind, number of lines, total in euros and status with who approved it when.
import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatEuros } from '../region/format';
import type { FeeStatementSummary } from './api';
import { StatementStatus } from './StatementStatus';

export function StatementTable({ items, caption }: { items: readonly FeeStatementSummary[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="mk-table-scroll">
      <Table className="mk-region-table">
        <TableCaption className="mk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('fees.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.agb')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="mk-number">{t('fees.lineCount')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="mk-number">{t('fees.total')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('fees.statusLabel')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((statement) => (
            <TableRow key={statement.organisation.id}>
              <TableCell>
                <Link className="utrecht-link" to={`/declaraties/${statement.organisation.id}/${statement.month}`}>
                  {statement.organisation.name}
                </Link>
              </TableCell>
              <TableCell>{statement.organisation.agb ?? '—'}</TableCell>
              <TableCell>{t(`region.orgKind.${statement.organisation.kind}`)}</TableCell>
              <TableCell className="mk-number">{statement.line_count}</TableCell>
              <TableCell className="mk-number mk-nowrap">{formatEuros(statement.total_cents, i18n.language)}</TableCell>
              <TableCell><StatementStatus statement={statement} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
