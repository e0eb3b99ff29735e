// /vragenlijsten: the question templates the coordinator keeps, and those their agreements ask
// for — name, specialty, organisation, number of questions, version and last change — each
// leading to its questions and history, and the way to make a new one.
import {
  Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActionError } from '../../components/ActionError';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/due';
import { usePageTitle } from '../../lib/usePageTitle';
import { useTemplates } from '../api';
import { KeepersOnly } from '../KeepersOnly';

export default function TemplatesPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('region.templates.title')}>
      <TemplateList />
    </KeepersOnly>
  );
}

function TemplateList() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('region.templates.title'));
  const templates = useTemplates();
  const items = templates.data?.items ?? [];
  return (
    <div className="mk-region">
      <Heading1>{t('region.templates.title')}</Heading1>
      <Paragraph>{t('region.templates.intro')}</Paragraph>
      <Paragraph>
        <Link to="/vragenlijsten/nieuw" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
          {t('region.templates.new')}
        </Link>
      </Paragraph>
      {templates.isPending && <Loading />}
      <ActionError message={templates.error?.message} />
      {templates.isSuccess && items.length === 0 && <Paragraph>{t('region.templates.empty')}</Paragraph>}
      {items.length > 0 && (
        <div className="mk-table-scroll">
          <Table className="mk-region-table">
            <TableCaption className="mk-visually-hidden">{t('region.templates.title')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('region.templates.column.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.templates.column.specialty')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.templates.column.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.templates.column.questions')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.templates.column.version')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.templates.column.changed')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((template) => (
                <TableRow key={template.id}>
                  <TableHeaderCell scope="row">
                    <Link className="utrecht-link" to={`/vragenlijsten/${template.id}`}>{template.name}</Link>
                  </TableHeaderCell>
                  <TableCell>{template.specialty}</TableCell>
                  <TableCell>{template.organisation.name}</TableCell>
                  <TableCell>{template.fields.map((f) => f.label).join(' · ')}</TableCell>
                  <TableCell>{template.version}</TableCell>
                  <TableCell>
                    <time dateTime={template.changed_at}>{formatDateTime(template.changed_at, i18n.language)}</time>
                    {template.changed_by && <span className="mk-region-table__sub">{template.changed_by.name}</span>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
