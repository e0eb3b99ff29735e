// When the practice has agreements with more than one pool for the chosen specialty, the GP
// chooses who answers: each pool with its organisation, its response time and how it answers.
// The choice decides the modes offered and the questions the agreement adds.
import { useTranslation } from 'react-i18next';
import { RadioGroupField } from '../../components/RadioGroupField';
import type { SpecialtyPool } from '../api';

export function PoolChoice({ pools, value, onChange, errorMessage }: {
  pools: readonly SpecialtyPool[];
  value: string;
  onChange: (poolId: string) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroupField<string>
      legend={t('form.pool.legend')}
      description={t('form.pool.help')}
      options={pools.map((pool) => ({
        value: String(pool.id),
        label: t('form.pool.option', {
          name: pool.name,
          organisation: pool.organisation,
          days: t('form.pool.days', { count: pool.response_days }),
          modes: pool.modes.map((mode) => t(`mode.${mode}`)).join(', '),
        }),
      }))}
      value={value}
      onChange={onChange}
      errorMessage={errorMessage}
    />
  );
}
