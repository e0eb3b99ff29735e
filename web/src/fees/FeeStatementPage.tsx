// /declaraties/:organisation/:month: one statement — the organisation, status, number of lines and
// total, every line (corrections marked with their reason), its PDF and CSV, and for whoever may
// approve it (a past month, still open) "Goedkeuren" after a confirmation. An organisation outside
// the caller's reach is "not found", as the server answers it.
import { DataList, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DownloadButton } from '../components/DownloadButton';
import { Fact } from '../components/Fact';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import { formatEuros } from '../region/format';
import { KeepersOnly } from '../region/KeepersOnly';
import { LoadFailure } from '../region/LoadFailure';
import '../styles/fees.css';
import { fetchStatementFile, statementFileName, useFeeStatement, type FeeStatement } from './api';
import { ApproveButton } from './ApproveButton';
import { FeeLineTable } from './FeeLineTable';
import { formatMonth, statementsPath } from './month';
import { StatementStatus } from './StatementStatus';

export default function FeeStatementPage() {
  const { t } = useTranslation();
  const params = useParams();
  return (
    <KeepersOnly title={t('fees.statement.title')}>
      <FeeStatementScreen organisation={Number(params.organisation)} month={params.month ?? ''} />
    </KeepersOnly>
  );
}

function FeeStatementScreen({ organisation, month }: { organisation: number; month: string }) {
  const { t, i18n } = useTranslation();
  const statement = useFeeStatement(organisation, month);
  const data = statement.data;
  usePageTitle(data
    ? t('fees.statement.titleOf', { name: data.organisation.name, month: formatMonth(data.month, i18n.language) })
    : t('fees.statement.title'));
  if (statement.isPending) return <Loading />;
  if (statement.isError) {
    return (
      <LoadFailure error={statement.error} notFoundTitle={t('fees.statement.notFound')}
        backTo={statementsPath(month)} backLabel={t('fees.statement.back')} />
    );
  }
  return <StatementView statement={statement.data} />;
}

function StatementView({ statement }: { statement: FeeStatement }) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { organisation, month } = statement;
  const monthText = formatMonth(month, i18n.language);
  const linesCaption = t('fees.statement.linesOf', { name: organisation.name, month: monthText });
  const approved = () => {
    setNotice(t('fees.approve.done'));
    // The button and its dialog are gone; the focus starts again at the top of the statement.
    heading.current?.focus();
  };
  return (
    <div className="mk-region mk-fees">
      <Heading1 ref={heading} tabIndex={-1}>{t('fees.statement.titleOf', { name: organisation.name, month: monthText })}</Heading1>
      <Paragraph><Link className="utrecht-link" to={statementsPath(month)}>{t('fees.statement.back')}</Link></Paragraph>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      <DataList className="mk-details">
        <Fact label={t('fees.agb')}>{organisation.agb ?? '—'}</Fact>
        <Fact label={t('fees.kind')}>{t(`region.orgKind.${organisation.kind}`)}</Fact>
        <Fact label={t('fees.statusLabel')}><StatementStatus statement={statement} /></Fact>
        <Fact label={t('fees.lineCount')}>{statement.line_count}</Fact>
        <Fact label={t('fees.total')}>{formatEuros(statement.total_cents, i18n.language)}</Fact>
      </DataList>
      <div className="mk-actions">
        <DownloadButton fetchFile={() => fetchStatementFile(organisation.id, month, 'pdf')}
          fileName={statementFileName(organisation, month, 'pdf')}>
          {t('fees.statement.pdf')}
        </DownloadButton>
        <DownloadButton fetchFile={() => fetchStatementFile(organisation.id, month, 'csv')}
          fileName={statementFileName(organisation, month, 'csv')}>
          {t('fees.statement.csv')}
        </DownloadButton>
        {statement.may_approve && <ApproveButton statement={statement} onApproved={approved} />}
      </div>
      <section aria-labelledby="fee-lines">
        <Heading2 id="fee-lines">{t('fees.statement.lines')}</Heading2>
        {statement.lines.length === 0
          ? <Paragraph>{t('fees.statement.noLines')}</Paragraph>
          : <FeeLineTable lines={statement.lines} caption={linesCaption} />}
      </section>
    </div>
  );
}
