// Moves a sent consult to another pool of the same specialty; the server lists the pools this
// consult may go to (forward_pools), since that depends on the requesting practice's agreements.
import { Heading3, Paragraph, SecondaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { SelectField } from '../../components/SelectField';
import { useFormFields } from '../../components/useFormFields';
import { forwardConsult, type Consult } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

const kFields = ['pool_id'] as const;

export function ForwardForm({ consult, runner }: { consult: Consult; runner: ConsultActionRunner }) {
  const { t } = useTranslation();
  const fields = useFormFields('forward');
  const [poolId, setPoolId] = useState('');
  const pools = consult.forward_pools;
  const submit = () => void runner.run('forward', kFields, () => forwardConsult(consult.id, Number(poolId)),
    fields.missing({ pool_id: poolId }));
  return (
    <form className="mk-action-form" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Heading3>{t('actions.forward.title')}</Heading3>
      {pools.length === 0 ? (
        <Paragraph>{t('actions.forward.noPools')}</Paragraph>
      ) : (
        <>
          <SelectField label={fields.label('pool_id')} required={fields.required('pool_id')} value={poolId}
            onChange={setPoolId} errorMessage={runner.fieldError('forward', 'pool_id')}>
            <SelectOption value="">{t('actions.forward.choose')}</SelectOption>
            {pools.map((pool) => (
              <SelectOption key={pool.id} value={String(pool.id)}>{`${pool.name} (${pool.organisation})`}</SelectOption>
            ))}
          </SelectField>
          <div className="mk-action">
            <SecondaryActionButton type="submit" busy={runner.busy === 'forward'}>{t('actions.forward.submit')}</SecondaryActionButton>
            <ActionError message={runner.actionError('forward')} />
          </div>
        </>
      )}
    </form>
  );
}
