// "Uitkomst corrigeren": the GP of the practice corrects a closed consult's outcome afterwards
// (the patient was referred after all, say), with the reason, which the consult then shows and the
// fee statements carry as a visible correction line. Offered only on a closed consult to its GP;
// the server's life-cycle table does not name it among the actions, as it changes no state.
import {
  Button, FormFieldTextarea, Heading2, Heading3, Paragraph, PrimaryActionButton, SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../../api/errors';
import { ActionError } from '../../components/ActionError';
import { RadioGroupField } from '../../components/RadioGroupField';
import { useFormFields } from '../../components/useFormFields';
import { consultKeys, correctOutcome, kOutcomes, type Consult, type OutcomeKind } from '../api';

const kFields = ['outcome', 'reason'] as const;

/** Whether the viewer may correct the outcome: the practice's GP, on a closed consult. */
export function correctsOutcome(consult: Consult): boolean {
  return consult.status === 'closed' && consult.viewer_role === 'gp' && consult.outcome !== null;
}

export function OutcomeCorrection({ consult }: { consult: Consult }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open && returnFocus) button.current?.focus();
  }, [open, returnFocus]);
  if (!correctsOutcome(consult)) return null;
  const close = (message: string | null) => {
    setOpen(false);
    setNotice(message);
    setReturnFocus(true);
  };
  return (
    <section aria-labelledby="correct-heading" className="mk-actions-panel">
      <Heading2 id="correct-heading">{t('actions.correct.title')}</Heading2>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {open ? (
        <CorrectionForm consult={consult} onDone={() => close(t('actions.correct.done'))} onCancel={() => close(null)} />
      ) : (
        <>
          <Paragraph className="mk-hint">{t('actions.correct.help')}</Paragraph>
          <div className="mk-actions">
            <Button ref={button} type="button" appearance="secondary-action-button"
              onClick={() => { setNotice(null); setReturnFocus(false); setOpen(true); }}>
              {t('actions.correct.button')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function CorrectionForm({ consult, onDone, onCancel }: { consult: Consult; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const fields = useFormFields('outcome_correction');
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<OutcomeKind | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  // A correction is to another outcome than the one recorded.
  const options = kOutcomes.filter((o) => o !== consult.outcome?.outcome);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = fields.missing({ outcome, reason });
    if (Object.keys(missing).length > 0) {
      setErrors({ fieldErrors: missing, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      await correctOutcome(consult.id, outcome as OutcomeKind, reason.trim());
      await queryClient.invalidateQueries({ queryKey: consultKeys.all });
      onDone();
    } catch (error) {
      setErrors(placeError(error, kFields, t('errors.unknown')));
      setBusy(false);
    }
  };
  return (
    <form className="mk-action-form" noValidate onSubmit={(e) => void submit(e)}>
      <Heading3 ref={heading} tabIndex={-1}>{t('actions.correct.formTitle')}</Heading3>
      <Paragraph>{t('actions.correct.current', { outcome: t(`outcome.${consult.outcome?.outcome ?? 'primary_care'}`) })}</Paragraph>
      <RadioGroupField<OutcomeKind>
        legend={fields.label('outcome')}
        required={fields.required('outcome')}
        options={options.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
        value={outcome}
        onChange={setOutcome}
        errorMessage={errors.fieldErrors.outcome}
      />
      <FormFieldTextarea
        label={fields.label('reason')}
        required={fields.required('reason')}
        rows={4}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        invalid={!!errors.fieldErrors.reason}
        errorMessage={errors.fieldErrors.reason}
      />
      <div className="mk-actions">
        <div className="mk-action">
          <PrimaryActionButton type="submit" busy={busy}>{t('actions.correct.submit')}</PrimaryActionButton>
          <ActionError message={errors.actionError} />
        </div>
        <SecondaryActionButton type="button" onClick={onCancel}>{t('actions.correct.cancel')}</SecondaryActionButton>
      </div>
    </form>
  );
}
