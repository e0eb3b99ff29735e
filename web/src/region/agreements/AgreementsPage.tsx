// /afspraken: the agreements of the coordinator's GP organisations and of their pools — who
// consults which pool for which specialty, how, within how many working days, with which template
// and fees, and whether it is in force today — each leading to its details and history, and the
// way to make a new one.
import {
  Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActionError } from '../../components/ActionError';
import { Loading } from '../../components/Loading';
import { usePageTitle } from '../../lib/usePageTitle';
import { useAgreements, type Agreement } from '../api';
import { formatEuros } from '../format';
import { KeepersOnly } from '../KeepersOnly';
import { modesText, periodText } from './agreementFacts';

export default function AgreementsPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('region.agreements.title')}>
      <AgreementList />
    </KeepersOnly>
  );
}

function AgreementList() {
  const { t } = useTranslation();
  usePageTitle(t('region.agreements.title'));
  const agreements = useAgreements();
  const items = agreements.data?.items ?? [];
  return (
    <div className="mk-region">
      <Heading1>{t('region.agreements.title')}</Heading1>
      <Paragraph>{t('region.agreements.intro')}</Paragraph>
      <Paragraph>
        <Link to="/afspraken/nieuw" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action">
          {t('region.agreements.new')}
        </Link>
      </Paragraph>
      {agreements.isPending && <Loading />}
      <ActionError message={agreements.error?.message} />
      {agreements.isSuccess && items.length === 0 && <Paragraph>{t('region.agreements.empty')}</Paragraph>}
      {items.length > 0 && (
        <div className="mk-table-scroll">
          <Table className="mk-region-table">
            <TableCaption className="mk-visually-hidden">{t('region.agreements.title')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('region.agreements.column.pool')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.agreements.column.gpOrganisations')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.agreements.column.specialty')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.agreements.column.modes')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.agreements.column.responseDays')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.agreements.column.template')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.agreements.column.fees')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('region.agreements.column.inForce')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((agreement) => <AgreementRow key={agreement.id} agreement={agreement} />)}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function AgreementRow({ agreement }: { agreement: Agreement }) {
  const { t, i18n } = useTranslation();
  const gpNames = agreement.gp_organisations.map((o) => o.name).join(', ');
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        <Link className="utrecht-link" to={`/afspraken/${agreement.id}`}>
          {agreement.pool.name}
          <span className="mk-visually-hidden"> {t('region.agreements.linkFor', { names: gpNames })}</span>
        </Link>
        <span className="mk-region-table__sub">{agreement.pool.organisation}</span>
      </TableHeaderCell>
      <TableCell>{gpNames}</TableCell>
      <TableCell>{agreement.specialty}</TableCell>
      <TableCell>{modesText(agreement, t)}</TableCell>
      <TableCell>{t('region.workingDays', { count: agreement.response_days })}</TableCell>
      <TableCell>
        {agreement.template
          ? t('region.templateVersion', { name: agreement.template.name, version: agreement.template.version })
          : t('region.agreement.noTemplate')}
      </TableCell>
      <TableCell>
        {t('region.agreements.feesText', {
          gp: formatEuros(agreement.gp_fee_cents, i18n.language),
          specialist: formatEuros(agreement.specialist_fee_cents, i18n.language),
        })}
      </TableCell>
      <TableCell>
        {agreement.in_force ? t('region.agreements.inForce') : t('region.agreements.notInForce')}
        <span className="mk-region-table__sub">{periodText(agreement, t, i18n.language)}</span>
      </TableCell>
    </TableRow>
  );
}
