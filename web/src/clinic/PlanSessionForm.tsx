// "Spreekuur plannen", for coordinators: under which agreement (one with the physical mode), which
// of its pool's specialists, for which of its practices, where, on which day from when to when, and
// whether it repeats every so many weeks. Labels and required answers come from the form field
// catalogue; what is missing or unreadable is said at its field before any request, the server's
// refusal at the field it names. The planned sessions are reported with the days skipped as
// holidays. What is typed survives a session expiry (sessionStorage).
import {
  Alert, FormFieldCheckbox, Heading2, Paragraph, PrimaryActionButton, SelectOption,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { CheckboxGroupField } from '../components/CheckboxGroupField';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFocusFirstError } from '../components/useFocusFirstError';
import { useFormFields } from '../components/useFormFields';
import { usePersistentForm } from '../lib/usePersistentForm';
import { useAgreements, useOrganisations, usePools } from '../region/api';
import { clinicKeys, planSessions, type PlannedClinicSessions } from './api';
import { formatDay } from './clinicTime';
import {
  kEmptyPlanForm, kEveryWeeks, kPlanFormFields, kRepeatForm, kSessionForm, physicalAgreements, planRefusals,
  practicesOf, toNewClinicSession, type PlanFormValues,
} from './planSessionValues';

export function PlanSessionForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const fields = useFormFields(kSessionForm);
  const repeatFields = useFormFields(kRepeatForm);
  const form = usePersistentForm<PlanFormValues>('clinic-plan', kEmptyPlanForm);
  const values = form.value;
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const [planned, setPlanned] = useState<PlannedClinicSessions | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);

  const agreements = useAgreements();
  const pools = usePools();
  const organisations = useOrganisations();
  const options = physicalAgreements(agreements.data?.items ?? []);
  const agreement = options.find((a) => String(a.id) === values.agreement);
  const members = pools.data?.items.find((p) => p.id === agreement?.pool.id)?.members ?? [];
  const practices = practicesOf(agreement, organisations.data?.items ?? []);
  const error = (name: string) => errors.fieldErrors[name];

  const chooseAgreement = (id: string) => {
    const chosen = options.find((a) => String(a.id) === id);
    // Each practice of the agreement to begin with; the planner takes off those that do not come.
    form.update({ agreement: id, specialist: '', practices: practicesOf(chosen, organisations.data?.items ?? []).map((p) => p.id) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setPlanned(null);
    const refused = planRefusals(values, i18n.language);
    if (Object.keys(refused).length > 0) {
      setErrors({ fieldErrors: refused, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      const result = await planSessions(toNewClinicSession(values));
      form.reset();
      setPlanned(result);
      await queryClient.invalidateQueries({ queryKey: clinicKeys.sessions });
    } catch (failure) {
      setErrors(placeError(failure, kPlanFormFields, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const loadFailure = agreements.error ?? pools.error ?? organisations.error;
  return (
    <section aria-labelledby="clinic-plan" className="mk-clinic-plan">
      <Heading2 id="clinic-plan">{t('clinic.plan.title')}</Heading2>
      <Paragraph>{t('clinic.plan.intro')}</Paragraph>
      <ActionError message={loadFailure?.message} />
      {agreements.isSuccess && options.length === 0 && <Paragraph>{t('clinic.plan.noAgreements')}</Paragraph>}
      <form ref={formRef} className="mk-form mk-region-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="clinic-plan">
        <SelectField label={fields.label('agreement_id')} required={fields.required('agreement_id')} value={values.agreement}
          onChange={chooseAgreement} errorMessage={error('agreement_id')}>
          <SelectOption value="">{t('clinic.plan.chooseAgreement')}</SelectOption>
          {options.map((a) => (
            <SelectOption key={a.id} value={String(a.id)}>
              {t('clinic.plan.agreementOption', { pool: a.pool.name, gps: a.gp_organisations.map((o) => o.name).join(', ') })}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={fields.label('specialist_id')} required={fields.required('specialist_id')} value={values.specialist}
          onChange={(specialist) => form.update({ specialist })} errorMessage={error('specialist_id')}
          description={agreement ? undefined : t('clinic.plan.agreementFirst')}>
          <SelectOption value="">{t('clinic.plan.chooseSpecialist')}</SelectOption>
          {members.map((m) => <SelectOption key={m.id} value={String(m.id)}>{m.name}</SelectOption>)}
        </SelectField>
        {practices.length > 0 && (
          <CheckboxGroupField<number> legend={fields.label('practice_ids')} value={values.practices}
            options={practices.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(ids) => form.update({ practices: ids })} errorMessage={error('practice_ids')} />
        )}
        <TextField label={fields.label('location')} required={fields.required('location')} value={values.location}
          onChange={(location) => form.update({ location })} description={t('clinic.plan.locationHelp')} errorMessage={error('location')} />
        <TextField type="date" label={fields.label('day')} required={fields.required('day')} value={values.day}
          onChange={(day) => form.update({ day })} description={t('clinic.plan.dayHelp')} errorMessage={error('day')} />
        <TextField type="time" label={fields.label('starts_at')} required={fields.required('starts_at')} value={values.startsAt}
          onChange={(startsAt) => form.update({ startsAt })} errorMessage={error('starts_at')} />
        <TextField type="time" label={fields.label('ends_at')} required={fields.required('ends_at')} value={values.endsAt}
          onChange={(endsAt) => form.update({ endsAt })}
          description={agreement ? t('clinic.plan.slotsHelp', { minutes: agreement.slot_minutes }) : undefined}
          errorMessage={error('ends_at')} />
        <FormFieldCheckbox label={fields.label('repeat')} checked={values.repeat}
          onChange={(e) => form.update({ repeat: e.target.checked })} invalid={!!error('repeat')} errorMessage={error('repeat')} />
        {values.repeat && (
          <div className="mk-repeat">
            <SelectField label={repeatFields.label('every_weeks')} required={repeatFields.required('every_weeks')}
              value={values.everyWeeks} onChange={(everyWeeks) => form.update({ everyWeeks })} errorMessage={error('repeat.every_weeks')}>
              {kEveryWeeks.map((n) => <SelectOption key={n} value={String(n)}>{t('clinic.plan.everyWeeks', { count: n })}</SelectOption>)}
            </SelectField>
            <TextField label={repeatFields.label('count')} required={repeatFields.required('count')} inputMode="numeric"
              value={values.count} onChange={(count) => form.update({ count })} description={t('clinic.plan.countHelp')}
              errorMessage={error('repeat.count')} />
          </div>
        )}
        <div className="mk-actions">
          <div className="mk-action">
            <PrimaryActionButton type="submit" busy={busy}>{t('clinic.plan.submit')}</PrimaryActionButton>
            <ActionError message={errors.actionError} />
          </div>
        </div>
      </form>
      <div role="status">
        {planned && (
          <Alert type={planned.skipped_days.length > 0 ? 'warning' : 'ok'}>
            <Paragraph>
              {t('clinic.plan.planned', { count: planned.items.length })}{' '}
              {planned.items.map((s) => formatDay(s.day, i18n.language)).join(', ')}.
            </Paragraph>
            {planned.skipped_days.length > 0 && (
              <Paragraph>
                {t('clinic.plan.skipped', { count: planned.skipped_days.length })}{' '}
                {planned.skipped_days.map((day) => formatDay(day, i18n.language)).join(', ')}.
              </Paragraph>
            )}
          </Alert>
        )}
      </div>
    </section>
  );
}
