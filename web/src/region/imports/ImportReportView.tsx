// What an import did or, for a dry run, would do: how many rows were added, changed and left as
// they were, and a table of the rejected rows with their line in the file and the server's reason.
import {
  Heading2, Heading3, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from './api';

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-report">
      <Heading2 id="import-report">{t('region.imports.report')}</Heading2>
      <Paragraph>
        {t('region.imports.counts', { added: report.added, changed: report.changed, unchanged: report.unchanged })}
      </Paragraph>
      <Heading3 id="import-rejected">{t('region.imports.rejected')}</Heading3>
      {report.rejected.length === 0 ? (
        <Paragraph>{t('region.imports.noneRejected')}</Paragraph>
      ) : (
        <div className="mk-table-scroll">
          <Table className="mk-region-table">
            <TableCaption className="mk-visually-hidden">{t('region.imports.rejected')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('region.imports.line')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.imports.reason')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rejected.map((row) => (
                <TableRow key={row.line}>
                  <TableHeaderCell scope="row">{row.line}</TableHeaderCell>
                  <TableCell>{row.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
