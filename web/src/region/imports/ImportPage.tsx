// /importeren, for coordinators and administrators: choose what to import (organisations or
// practitioners, with the columns the server expects of each), choose a CSV file, and send it as a
// dry run, which stores nothing and reports what would happen, or for real. The report gives the
// counts and the rejected rows; a file the server cannot read is refused as a whole (422), its
// sentence next to the buttons, and nothing is stored.
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { FileField } from '../../components/FileField';
import { RadioGroupField } from '../../components/RadioGroupField';
import { readFileText } from '../../lib/fileText';
import { usePageTitle } from '../../lib/usePageTitle';
import { regionKeys } from '../api';
import { KeepersOnly } from '../KeepersOnly';
import { importCsv, kImportColumns, kImportKinds, type ImportKind, type ImportMode, type ImportReport } from './api';
import { ImportReportView } from './ImportReportView';

export default function ImportPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('region.imports.title')}>
      <ImportForm />
    </KeepersOnly>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  usePageTitle(t('region.imports.title'));
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('organisations');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<ImportMode | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const choose = (patch: () => void) => {
    patch();
    setReport(null);
    setFailure(null);
    setFileError(undefined);
  };

  const send = async (mode: ImportMode) => {
    if (busy) return;
    setFailure(null);
    setReport(null);
    if (!file) {
      setFileError(t('region.imports.noFile'));
      return;
    }
    setBusy(mode);
    try {
      const answer = await importCsv(kind, await readFileText(file), mode);
      setReport(answer);
      if (!answer.dry_run) await queryClient.invalidateQueries({ queryKey: regionKeys.all });
    } catch (error) {
      setFailure(error instanceof Error && error.message ? error.message : t('errors.unknown'));
    } finally {
      setBusy(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send('dry_run');
  };

  return (
    <div className="mk-region">
      <Heading1>{t('region.imports.title')}</Heading1>
      <Paragraph>{t('region.imports.intro')}</Paragraph>
      <form className="mk-form mk-region-form" noValidate onSubmit={submit}>
        <RadioGroupField<ImportKind>
          legend={t('region.imports.what')}
          options={kImportKinds.map((value) => ({ value, label: t(`region.imports.kind.${value}`) }))}
          value={kind}
          onChange={(value) => choose(() => setKind(value))}
          description={<>{t('region.imports.columns')} <code>{kImportColumns[kind].join(',')}</code></>}
        />
        <FileField label={t('region.imports.file')} accept=".csv,text/csv" errorMessage={fileError}
          onChange={(chosen) => choose(() => setFile(chosen))} />
        <div className="mk-actions">
          <div className="mk-action">
            <Button type="submit" appearance="secondary-action-button" busy={busy === 'dry_run'}>
              {t('region.imports.dryRun')}
            </Button>
            <Button type="button" appearance="primary-action-button" busy={busy === 'store'} onClick={() => void send('store')}>
              {t('region.imports.run')}
            </Button>
            <ActionError message={failure} />
          </div>
        </div>
      </form>
      <p role="status" className="utrecht-paragraph mk-notice">
        {report && t(report.dry_run ? 'region.imports.dryRunDone' : 'region.imports.stored')}
      </p>
      {report && <ImportReportView report={report} />}
    </div>
  );
}
