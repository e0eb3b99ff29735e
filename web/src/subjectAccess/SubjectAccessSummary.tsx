// What a subject access export holds, summed up for the privacy officer before it goes to the
// patient: when it was put together, the consults (number, specialty, status, dates) and how many
// access-log rows come with them; and "Download als JSON", which saves the whole answer as
// inzageverzoek-<bsn or number>.json. It takes the focus when it appears.
import {
  Button, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { specialtyName, useSpecialties } from '../consults/api';
import { ConsultStatusBadge } from '../components/ConsultStatusBadge';
import { formatDateTime } from '../lib/due';
import { saveBlob } from '../lib/download';
import { exportBlob, exportFileName, normalised, type SubjectAccessExport, type SubjectQuery } from './api';

export function SubjectAccessSummary({ query, data }: { query: SubjectQuery; data: SubjectAccessExport }) {
  const { t, i18n } = useTranslation();
  const specialties = useSpecialties().data?.items;
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time>;
  const subject = normalised(query.key, query.value);
  const fileName = exportFileName(query);

  useEffect(() => heading.current?.focus(), [data]);

  const download = () => {
    saveBlob(exportBlob(data), fileName);
    setNotice(t('subjectAccess.result.downloaded', { file: fileName }));
  };

  return (
    <section aria-labelledby="subject-access-result" className="mk-subject-access__result">
      <Heading2 id="subject-access-result" ref={heading} tabIndex={-1}>
        {t(query.key === 'bsn' ? 'subjectAccess.result.titleBsn' : 'subjectAccess.result.titleConsult', { subject })}
      </Heading2>
      <Paragraph>{t('subjectAccess.result.generated')} {when(data.generated_at)}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>{t('subjectAccess.result.consults', { count: data.consults.length })}</UnorderedListItem>
        <UnorderedListItem>{t('subjectAccess.result.accessLog', { count: data.access_log.length })}</UnorderedListItem>
      </UnorderedList>
      {data.consults.length > 0 && (
        <div className="mk-table-scroll">
          <Table className="mk-subject-table">
            <TableCaption className="mk-visually-hidden">{t('subjectAccess.result.consultsCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('list.number')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('list.specialty')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('list.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('subjectAccess.result.created')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('subjectAccess.result.sent')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('subjectAccess.result.updated')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.consults.map((consult) => (
                <TableRow key={consult.id}>
                  <TableHeaderCell scope="row">{consult.number}</TableHeaderCell>
                  <TableCell>{specialtyName(specialties, consult.specialty, i18n.language)}</TableCell>
                  <TableCell><ConsultStatusBadge status={consult.status} /></TableCell>
                  <TableCell>{when(consult.created_at)}</TableCell>
                  <TableCell>{consult.sent_at ? when(consult.sent_at) : t('subjectAccess.result.notSent')}</TableCell>
                  <TableCell>{when(consult.updated_at)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Paragraph>{t('subjectAccess.result.downloadHelp')}</Paragraph>
      <div className="mk-actions">
        <Button type="button" appearance="primary-action-button" onClick={download}>{t('subjectAccess.result.download')}</Button>
      </div>
      <p role="status" className="utrecht-paragraph">{notice}</p>
    </section>
  );
}
