// The form of an agreement, new or changed: which GP organisations consult which pool, how (modes,
// response time, escalation, template, whether the GP may name a specialist, whether the patient's
// identity goes along), which public holidays are off, the office hours, the fees in euros (the
// specialist's per consult or per minute, also when the patient is referred after all or not, and
// the insurer that pays), with the physical mode the slot length and fees of the physical session,
// and the period. Labels and required answers come from the form field catalogue (form "agreement"); what
// is missing or unreadable is said at its field before any request, the server's refusal at the
// field it names.
// A change is made to the version it started from: when someone else came first (409) the form
// says so and offers to start again from the newest version. What is typed survives a session
// expiry (sessionStorage).
import {
  FormFieldCheckbox, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton, SelectOption,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../../api/errors';
import { ActionError } from '../../components/ActionError';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useFocusFirstError } from '../../components/useFocusFirstError';
import { useFormFields } from '../../components/useFormFields';
import type { Mode } from '../../consults/form/consultFormValues';
import { usePersistentForm } from '../../lib/usePersistentForm';
import {
  changeAgreement, createAgreement, regionKeys, useOrganisations, usePools, useTemplates, type Agreement,
  type Organisation,
} from '../api';
import {
  emptyAgreementForm, fromAgreement, kAgreementForm, kAgreementFormFields, kFeeBases, refusals, toAgreementChange,
  toNewAgreement, type AgreementFormValues, type FeeBasis,
} from './agreementFormValues';

const kModes: readonly Mode[] = ['digital', 'physical'];

function isGpSide(organisation: Organisation): boolean {
  return organisation.kind === 'gp_practice' || organisation.kind === 'care_group';
}

/** Where the typing is kept: per version changed, so that typing on an old version never lands on a newer one. */
function agreementFormKey(agreement: Agreement | null): string {
  return agreement ? `agreement-form.${agreement.id}.${agreement.version}` : 'agreement-form.new';
}

export function AgreementForm({ agreement, onSaved, onCancel, onReload, headingLevel = 2 }: {
  /** The agreement to change (its version is the one the change is made to); null for a new one. */
  agreement: Agreement | null;
  onSaved: (saved: Agreement) => void;
  /** For a change: leave it; the typing is forgotten. */
  onCancel?: () => void;
  /** For a change refused because someone else came first: start again from the newest version. */
  onReload?: () => void;
  /** The level of the form's section headings: 3 inside a section of its own. */
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const fields = useFormFields(kAgreementForm);
  const creating = agreement === null;
  const form = usePersistentForm<AgreementFormValues>(
    agreementFormKey(agreement), agreement ? fromAgreement(agreement) : emptyAgreementForm(),
  );
  const values = form.value;
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const [conflict, setConflict] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);

  const organisations = useOrganisations();
  const pools = usePools();
  const templates = useTemplates();
  const pool = pools.data?.items.find((p) => String(p.id) === values.pool);
  const specialty = agreement?.specialty ?? pool?.specialty;
  const templateOptions = (templates.data?.items ?? []).filter((tpl) => tpl.specialty === specialty);

  useEffect(() => {
    // A template of another specialty than the pool's cannot be chosen; the server would refuse it.
    if (values.template && specialty && templates.isSuccess && !templateOptions.some((tpl) => String(tpl.id) === values.template)) {
      form.update({ template: '' });
    }
  }, [values.template, specialty, templates.isSuccess, templateOptions, form]);

  // The GP side the caller may choose: their own practices and care groups, or, with a pool of
  // their own organisation, any in the region (as the server allows); the ones chosen already stay.
  const gpOptions = (organisations.data?.items ?? []).filter(
    (o) => isGpSide(o) && (o.in_scope || pool?.may_change || values.gpOrganisations.includes(o.id)),
  );
  const insurers = (organisations.data?.items ?? []).filter((o) => o.kind === 'insurer');

  const error = (name: string) => errors.fieldErrors[name];
  const update = (patch: Partial<AgreementFormValues>) => {
    form.update(patch);
    setConflict(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setConflict(null);
    const refused = refusals(values, i18n.language, { creating });
    if (Object.keys(refused).length > 0) {
      setErrors({ fieldErrors: refused, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      const saved = agreement
        ? await changeAgreement(agreement.id, toAgreementChange(values, agreement.version))
        : await createAgreement(toNewAgreement(values));
      form.forget();
      await queryClient.invalidateQueries({ queryKey: regionKeys.all });
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) setConflict(failure.message);
      else setErrors(placeError(failure, kAgreementFormFields, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const loadFailure = organisations.error ?? pools.error ?? templates.error;
  return (
    <form ref={formRef} className="mk-form mk-region-form" noValidate onSubmit={(e) => void submit(e)}>
      <ActionError message={loadFailure?.message} />
      <section aria-labelledby="agreement-parties">
        <Heading level={headingLevel} id="agreement-parties">{t('region.agreement.parties')}</Heading>
        <CheckboxGroupField<number>
          legend={fields.label('gp_organisations')}
          options={gpOptions.map((o) => ({ value: o.id, label: t('region.organisationWithKind', { name: o.name, kind: t(`region.orgKind.${o.kind}`) }) }))}
          value={values.gpOrganisations}
          onChange={(gpOrganisations) => update({ gpOrganisations })}
          errorMessage={error('gp_organisations')}
        />
        {creating ? (
          <SelectField label={fields.label('pool')} required={fields.required('pool')} value={values.pool}
            onChange={(id) => update({ pool: id })} errorMessage={error('pool')}>
            <SelectOption value="">{t('region.agreement.choosePool')}</SelectOption>
            {pools.data?.items.map((p) => (
              <SelectOption key={p.id} value={String(p.id)}>
                {t('region.poolOption', { name: p.name, organisation: p.organisation.name, specialty: p.specialty })}
              </SelectOption>
            ))}
          </SelectField>
        ) : (
          <Paragraph>
            <strong>{fields.text('pool')}:</strong>{' '}
            {t('region.poolOption', { name: agreement.pool.name, organisation: agreement.pool.organisation, specialty: agreement.specialty })}
            <br /><span className="mk-hint">{t('region.agreement.poolStays')}</span>
          </Paragraph>
        )}
      </section>

      <section aria-labelledby="agreement-how">
        <Heading level={headingLevel} id="agreement-how">{t('region.agreement.how')}</Heading>
        <CheckboxGroupField<Mode>
          legend={fields.label('modes')}
          options={kModes.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
          value={values.modes}
          onChange={(modes) => update({ modes })}
          errorMessage={error('modes')}
        />
        <TextField label={fields.label('response_days')} required={fields.required('response_days')} inputMode="numeric"
          value={values.responseDays} onChange={(responseDays) => update({ responseDays })}
          description={t('region.agreement.responseDaysHelp')} errorMessage={error('response_days')} />
        <TextField label={fields.label('escalate_after_hours')} inputMode="numeric"
          value={values.escalateAfterHours} onChange={(escalateAfterHours) => update({ escalateAfterHours })}
          description={t('region.agreement.escalateHelp')} errorMessage={error('escalate_after_hours')} />
        <SelectField label={fields.label('template')} value={values.template}
          onChange={(template) => update({ template })} errorMessage={error('template')}
          description={specialty ? t('region.agreement.templateHelp', { specialty }) : t('region.agreement.templateFirstPool')}>
          <SelectOption value="">{t('region.agreement.noTemplate')}</SelectOption>
          {templateOptions.map((tpl) => (
            <SelectOption key={tpl.id} value={String(tpl.id)}>
              {t('region.templateOption', { name: tpl.name, version: tpl.version, organisation: tpl.organisation.name })}
            </SelectOption>
          ))}
        </SelectField>
        <FormFieldCheckbox label={fields.label('named_specialist_allowed')} checked={values.namedSpecialistAllowed}
          onChange={(e) => update({ namedSpecialistAllowed: e.target.checked })}
          invalid={!!error('named_specialist_allowed')} errorMessage={error('named_specialist_allowed')} />
        <FormFieldCheckbox label={fields.label('requires_identification')} checked={values.requiresIdentification}
          onChange={(e) => update({ requiresIdentification: e.target.checked })}
          invalid={!!error('requires_identification')} errorMessage={error('requires_identification')} />
      </section>

      <section aria-labelledby="agreement-days-off">
        <Heading level={headingLevel} id="agreement-days-off">{t('region.agreement.daysOff')}</Heading>
        <Paragraph className="mk-hint">{t('region.agreement.daysOffHelp')}</Paragraph>
        <FormFieldCheckbox label={fields.label('good_friday_off')} checked={values.goodFridayOff}
          onChange={(e) => update({ goodFridayOff: e.target.checked })}
          invalid={!!error('good_friday_off')} errorMessage={error('good_friday_off')} />
        <FormFieldCheckbox label={fields.label('liberation_day_off')} checked={values.liberationDayOff}
          onChange={(e) => update({ liberationDayOff: e.target.checked })}
          invalid={!!error('liberation_day_off')} errorMessage={error('liberation_day_off')} />
      </section>

      <section aria-labelledby="agreement-office-hours">
        <Heading level={headingLevel} id="agreement-office-hours">{t('region.agreement.officeHours')}</Heading>
        <Paragraph className="mk-hint">{t('region.agreement.officeHoursHelp')}</Paragraph>
        <TextField label={fields.label('office_hours_from')} type="time" value={values.officeHoursFrom}
          onChange={(officeHoursFrom) => update({ officeHoursFrom })} errorMessage={error('office_hours_from')} />
        <TextField label={fields.label('office_hours_until')} type="time" value={values.officeHoursUntil}
          onChange={(officeHoursUntil) => update({ officeHoursUntil })} errorMessage={error('office_hours_until')} />
      </section>

      <section aria-labelledby="agreement-fees">
        <Heading level={headingLevel} id="agreement-fees">{t('region.agreement.fees')}</Heading>
        <TextField label={t('region.agreement.gpFee')} inputMode="decimal" value={values.gpFee}
          onChange={(gpFee) => update({ gpFee })} description={t('region.agreement.feeHelp')} errorMessage={error('gp_fee_cents')} />
        <RadioGroupField<FeeBasis>
          legend={t('region.agreement.feeBasis')}
          options={kFeeBases.map((basis) => ({ value: basis, label: t(`region.agreement.feeBasisOption.${basis}`) }))}
          value={values.specialistFeeBasis}
          onChange={(specialistFeeBasis) => update({ specialistFeeBasis })}
          errorMessage={error('specialist_fee_basis')}
        />
        <TextField label={t('region.agreement.specialistFee')} inputMode="decimal" value={values.specialistFee}
          onChange={(specialistFee) => update({ specialistFee })}
          description={values.specialistFeeBasis === 'minute' ? t('region.agreement.feePerMinuteHelp') : t('region.agreement.feeHelp')}
          errorMessage={error('specialist_fee_cents')} />
        <FormFieldCheckbox label={t('region.agreement.payWhenReferred')} checked={values.paySpecialistWhenReferred}
          onChange={(e) => update({ paySpecialistWhenReferred: e.target.checked })}
          invalid={!!error('pay_specialist_when_referred')} errorMessage={error('pay_specialist_when_referred')} />
        <SelectField label={fields.label('insurer')} value={values.insurer}
          onChange={(insurer) => update({ insurer })} errorMessage={error('insurer')}
          description={t('region.agreement.insurerHelp')}>
          <SelectOption value="">{t('region.agreement.noInsurer')}</SelectOption>
          {insurers.map((o) => <SelectOption key={o.id} value={String(o.id)}>{o.name}</SelectOption>)}
          {agreement?.insurer && !insurers.some((o) => o.id === agreement.insurer?.id) && (
            <SelectOption value={String(agreement.insurer.id)}>{agreement.insurer.name}</SelectOption>
          )}
        </SelectField>
      </section>

      {values.modes.includes('physical') && (
        <section aria-labelledby="agreement-physical">
          <Heading level={headingLevel} id="agreement-physical">{t('region.agreement.physical')}</Heading>
          <Paragraph className="mk-hint">{t('region.agreement.physicalHelp')}</Paragraph>
          <TextField label={fields.label('slot_minutes')} inputMode="numeric" value={values.slotMinutes}
            onChange={(slotMinutes) => update({ slotMinutes })} description={t('region.agreement.slotMinutesHelp')}
            errorMessage={error('slot_minutes')} />
          <TextField label={t('region.agreement.physicalGpFee')} inputMode="decimal" value={values.physicalGpFee}
            onChange={(physicalGpFee) => update({ physicalGpFee })} description={t('region.agreement.physicalFeeHelp')}
            errorMessage={error('physical_gp_fee_cents')} />
          <TextField label={t('region.agreement.physicalSpecialistFee')} inputMode="decimal" value={values.physicalSpecialistFee}
            onChange={(physicalSpecialistFee) => update({ physicalSpecialistFee })} description={t('region.agreement.physicalFeeHelp')}
            errorMessage={error('physical_specialist_fee_cents')} />
        </section>
      )}

      <section aria-labelledby="agreement-period">
        <Heading level={headingLevel} id="agreement-period">{t('region.agreement.period')}</Heading>
        <TextField label={fields.label('valid_from')} required={fields.required('valid_from')} type="date"
          value={values.validFrom} onChange={(validFrom) => update({ validFrom })} errorMessage={error('valid_from')} />
        <TextField label={fields.label('valid_to')} type="date" value={values.validTo}
          onChange={(validTo) => update({ validTo })} description={t('region.agreement.validToHelp')}
          errorMessage={error('valid_to')} />
      </section>

      <div className="mk-actions">
        <div className="mk-action">
          <PrimaryActionButton type="submit" busy={busy}>
            {creating ? t('region.agreement.create') : t('region.agreement.save')}
          </PrimaryActionButton>
          <ActionError message={errors.actionError ?? conflict} />
          {conflict && onReload && (
            <SecondaryActionButton type="button" onClick={() => { form.forget(); onReload(); }}>
              {t('region.loadNewest')}
            </SecondaryActionButton>
          )}
        </div>
        {onCancel && (
          <SecondaryActionButton type="button" onClick={() => { form.forget(); onCancel(); }}>
            {t('region.cancel')}
          </SecondaryActionButton>
        )}
      </div>
    </form>
  );
}
