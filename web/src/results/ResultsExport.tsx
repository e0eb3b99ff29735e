// The figures on screen to take away: "Download CSV", made by the server from the same question (a
// plain link, so the browser downloads it with the session's cookie), and "Download Excel (XLSX)",
// made in the browser from the report already loaded.
import { Button, ButtonLink } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { reportCsvUrl, type GroupBy, type ResultsFilters, type TripleAimReport } from './api';
import { downloadXlsx } from './xlsx';

export function ResultsExport({ filters, groupBy, report }: { filters: ResultsFilters; groupBy: GroupBy; report: TripleAimReport }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const csvName = `${t('results.export.fileBase')}-${filters.from}-${filters.to}.csv`;

  const xlsx = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadXlsx(report, t);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mk-action mk-results-export">
      <ButtonLink appearance="secondary-action-button" href={reportCsvUrl(filters, groupBy)} download={csvName}>
        {t('results.export.csv')}
      </ButtonLink>
      <Button type="button" appearance="secondary-action-button" busy={busy} onClick={() => void xlsx()}>
        {t('results.export.xlsx')}
      </Button>
      <ActionError message={error} />
    </div>
  );
}
