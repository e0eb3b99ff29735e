// Gives a sent or claimed consult to a named specialist of its pool, for a coordinator of the
// pool's organisation; the server lists whom it may go to now (assign_specialists).
import { Heading3, Paragraph, SecondaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../components/ActionError';
import { SelectField } from '../../components/SelectField';
import { useFormFields } from '../../components/useFormFields';
import { assignConsult, type Consult } from '../api';
import type { ConsultActionRunner } from './useConsultAction';

const kFields = ['specialist_id'] as const;

export function AssignForm({ consult, runner }: { consult: Consult; runner: ConsultActionRunner }) {
  const { t } = useTranslation();
  const fields = useFormFields('assign');
  const [specialistId, setSpecialistId] = useState('');
  const specialists = consult.assign_specialists ?? [];
  const submit = () => void runner.run('assign', kFields, () => assignConsult(consult.id, Number(specialistId)),
    fields.missing({ specialist_id: specialistId }));
  return (
    <form className="mk-action-form" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Heading3>{t('actions.assign.title')}</Heading3>
      {specialists.length === 0 ? (
        <Paragraph>{t('actions.assign.noSpecialists')}</Paragraph>
      ) : (
        <>
          <SelectField label={fields.label('specialist_id')} required={fields.required('specialist_id')} value={specialistId}
            onChange={setSpecialistId} errorMessage={runner.fieldError('assign', 'specialist_id')}>
            <SelectOption value="">{t('actions.assign.choose')}</SelectOption>
            {specialists.map((specialist) => (
              <SelectOption key={specialist.id} value={String(specialist.id)}>{specialist.name}</SelectOption>
            ))}
          </SelectField>
          <div className="mk-action">
            <SecondaryActionButton type="submit" busy={runner.busy === 'assign'}>{t('actions.assign.submit')}</SecondaryActionButton>
            <ActionError message={runner.actionError('assign')} />
          </div>
        </>
      )}
    </form>
  );
}
