// The history of an agreement or a template: every version, newest first, with when it was made,
// by whom and what it changed, as a table.
import {
  Heading2, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/due';

export interface VersionRow {
  version: number;
  changedAt: string;
  changedBy: { name: string } | null;
  /** What this version changed, in words; empty for the first one (it made the whole). */
  changes: string[];
}

export function VersionHistory({ rows, id }: { rows: readonly VersionRow[]; id: string }) {
  const { t, i18n } = useTranslation();
  const newestFirst = [...rows].sort((a, b) => b.version - a.version);
  const first = Math.min(...rows.map((row) => row.version));
  return (
    <section aria-labelledby={id}>
      <Heading2 id={id}>{t('region.history.title')}</Heading2>
      <div className="mk-table-scroll">
        <Table className="mk-history-table">
          <TableCaption className="mk-visually-hidden">{t('region.history.title')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('region.history.version')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('region.history.when')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('region.history.who')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('region.history.what')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {newestFirst.map((row) => (
              <TableRow key={row.version}>
                <TableHeaderCell scope="row">{row.version}</TableHeaderCell>
                <TableCell><time dateTime={row.changedAt}>{formatDateTime(row.changedAt, i18n.language)}</time></TableCell>
                <TableCell>{row.changedBy?.name ?? t('region.history.unknown')}</TableCell>
                <TableCell>
                  {row.version === first ? t('region.history.created') : row.changes.length === 0 ? t('region.history.nothing') : (
                    <UnorderedList>
                      {row.changes.map((change) => <UnorderedListItem key={change}>{change}</UnorderedListItem>)}
                    </UnorderedList>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
