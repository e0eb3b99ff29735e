// The choice of a month, newest first, for the last two years (and the one shown, should the
// address name an older one); months in words in the UI language.
import { SelectOption } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/SelectField';
import { formatMonth, recentMonths } from './month';

export function MonthSelect({ label, value, onChange }: { label: ReactNode; value: string; onChange: (month: string) => void }) {
  const { i18n } = useTranslation();
  const months = recentMonths();
  if (!months.includes(value)) months.push(value);
  return (
    <SelectField label={label} value={value} onChange={onChange}>
      {months.map((month) => <SelectOption key={month} value={month}>{formatMonth(month, i18n.language)}</SelectOption>)}
    </SelectField>
  );
}
