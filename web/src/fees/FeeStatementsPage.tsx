// /declaraties: the fee statements of a month, for coordinators and administrators — one per
// organisation within their reach with lines that month, each leading to its lines — and the
// export of the approved lines for an insurer. Last month unless the address names another
// (?maand=2026-11, so that a month can be bookmarked and Back returns to the one before).
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import { KeepersOnly } from '../region/KeepersOnly';
import '../styles/fees.css';
import { useFeeStatements } from './api';
import { InsurerExport } from './InsurerExport';
import { formatMonth, isMonth, kMonthParam, lastMonth } from './month';
import { MonthSelect } from './MonthSelect';
import { StatementTable } from './StatementTable';

/** The month in the address, or last month; and a way to choose another. */
function useMonthParam(): [string, (month: string) => void] {
  const [params, setParams] = useSearchParams();
  const named = params.get(kMonthParam);
  return [isMonth(named) ? named : lastMonth(), (month) => setParams(new URLSearchParams({ [kMonthParam]: month }))];
}

export default function FeeStatementsPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('fees.title')}>
      <FeeStatementsScreen />
    </KeepersOnly>
  );
}

function FeeStatementsScreen() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('fees.title'));
  const [month, setMonth] = useMonthParam();
  const statements = useFeeStatements(month);
  const items = statements.data?.statements ?? [];
  const heading = t('fees.ofMonth', { month: formatMonth(month, i18n.language) });
  return (
    <div className="mk-region mk-fees">
      <Heading1>{t('fees.title')}</Heading1>
      <Paragraph>{t('fees.intro')}</Paragraph>
      <div className="mk-filters">
        <MonthSelect label={t('fees.month')} value={month} onChange={setMonth} />
      </div>
      <section aria-labelledby="fees-list">
        <Heading2 id="fees-list">{heading}</Heading2>
        {statements.isPending && <Loading />}
        <ActionError message={statements.error?.message} />
        {statements.isSuccess && items.length === 0 && <Paragraph>{t('fees.empty')}</Paragraph>}
        {items.length > 0 && <StatementTable items={items} caption={heading} />}
      </section>
      <InsurerExport key={month} month={month} />
    </div>
  );
}
