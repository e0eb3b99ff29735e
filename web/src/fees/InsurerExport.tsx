// "Export voor verzekeraar": the approved lines of a month that one insurer pays, as CSV or in the
// fixed-width layout after Vektis's EI standard, with the AGB codes and no patient data. The
// insurers are the region's organisations of that kind; the first is chosen until another is.
import { Heading2, Paragraph, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../components/ActionError';
import { DownloadButton } from '../components/DownloadButton';
import { SelectField } from '../components/SelectField';
import { useOrganisations } from '../region/api';
import { fetchInsurerExport, insurerFileName } from './api';
import { MonthSelect } from './MonthSelect';

export function InsurerExport({ month: initialMonth }: { month: string }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const insurers = (organisations.data?.items ?? []).filter((o) => o.kind === 'insurer');
  const [chosen, setChosen] = useState('');
  const [month, setMonth] = useState(initialMonth);
  const insurer = Number(chosen || insurers[0]?.id || 0);
  return (
    <section aria-labelledby="fees-insurer" className="mk-fees-export">
      <Heading2 id="fees-insurer">{t('fees.insurer.title')}</Heading2>
      <Paragraph>{t('fees.insurer.intro')}</Paragraph>
      <ActionError message={organisations.error?.message} />
      {organisations.isSuccess && insurers.length === 0 ? (
        <Paragraph>{t('fees.insurer.none')}</Paragraph>
      ) : (
        <div className="mk-region-form">
          <SelectField label={t('fees.insurer.insurer')} value={insurer ? String(insurer) : ''} onChange={setChosen}>
            {insurers.map((o) => <SelectOption key={o.id} value={String(o.id)}>{o.name}</SelectOption>)}
          </SelectField>
          <MonthSelect label={t('fees.month')} value={month} onChange={setMonth} />
          {insurer > 0 && (
            <div className="mk-actions">
              <DownloadButton fetchFile={() => fetchInsurerExport(insurer, month, 'csv')} fileName={insurerFileName(insurer, month, 'csv')}>
                {t('fees.insurer.csv')}
              </DownloadButton>
              <DownloadButton fetchFile={() => fetchInsurerExport(insurer, month, 'ei')} fileName={insurerFileName(insurer, month, 'ei')}>
                {t('fees.insurer.ei')}
              </DownloadButton>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
