// "Kopie voor het dossier" on a closed consult, for its practice's GP and assistant: the consult's
// whole course to keep in the patient's record in the HIS, as a PDF or as a FHIR Bundle (JSON) for
// an HIS that reads one. Each is fetched and saved under the consult's number; a refusal is the
// server's sentence beside its button.
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/DownloadButton';
import type { Consult } from '../api';
import { fetchRecordCopy, offersRecordCopy, recordCopyFileName } from '../recordCopy';

export function RecordCopyPanel({ consult }: { consult: Consult }) {
  const { t } = useTranslation();
  if (!offersRecordCopy(consult)) return null;
  return (
    <section aria-labelledby="record-copy-heading" className="mk-actions-panel">
      <Heading2 id="record-copy-heading">{t('recordCopy.title')}</Heading2>
      <Paragraph className="mk-hint">{t('recordCopy.help')}</Paragraph>
      <div className="mk-actions">
        <DownloadButton fetchFile={() => fetchRecordCopy(consult.id, 'pdf')} fileName={recordCopyFileName(consult, 'pdf')}>
          {t('recordCopy.pdf')}
        </DownloadButton>
        <DownloadButton fetchFile={() => fetchRecordCopy(consult.id, 'fhir')} fileName={recordCopyFileName(consult, 'fhir')}>
          {t('recordCopy.fhir')}
        </DownloadButton>
      </div>
    </section>
  );
}
