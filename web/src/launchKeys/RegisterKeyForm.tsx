// Registering a HIS's key: the GP practice whose HIS signs with it (the GP practices the caller
// acts for), a name to know it by and the PEM of its public key. Labels from the form field
// catalogue ("launch_key"); a missing answer is refused in the browser at its field, the server's
// refusal (a practice not one's own, a key that is no public key) at the field it names, otherwise
// next to the button.
import { Button, Heading2, SelectOption } from '@utrecht/component-library-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { PemField } from '../components/PemField';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFocusFirstError } from '../components/useFocusFirstError';
import { useFormFields } from '../components/useFormFields';
import { useOrganisations } from '../region/api';
import { practicesOf, registerLaunchKey, type LaunchKey, type NewLaunchKey } from './api';

const kFields = ['organisation_id', 'name', 'public_key'] as const;

interface Draft {
  organisationId: string;
  name: string;
  publicKey: string;
}

const kEmptyDraft: Draft = { organisationId: '', name: '', publicKey: '' };

/** The request for a complete draft. */
export function newLaunchKey(draft: Draft): NewLaunchKey {
  return { organisation_id: Number(draft.organisationId), name: draft.name.trim(), public_key: draft.publicKey.trim() };
}

export function RegisterKeyForm({ onRegistered, onCancel }: {
  onRegistered: (key: LaunchKey) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const fields = useFormFields('launch_key');
  const organisations = useOrganisations();
  const practices = practicesOf(organisations.data?.items ?? []);
  const noPractices = organisations.isSuccess && practices.length === 0;
  const [draft, setDraft] = useState<Draft>(kEmptyDraft);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = fields.missing({ organisation_id: draft.organisationId, name: draft.name, public_key: draft.publicKey });
    if (Object.keys(missing).length > 0) {
      setErrors({ fieldErrors: missing, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      onRegistered(await registerLaunchKey(newLaunchKey(draft)));
    } catch (failure) {
      setErrors(placeError(failure, kFields, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const error = (name: (typeof kFields)[number]) => errors.fieldErrors[name];
  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="mk-form mk-launch-key-form" aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`}>{t('launchKeys.form.title')}</Heading2>
      {organisations.isPending && <Loading />}
      <SelectField label={fields.label('organisation_id')} required={fields.required('organisation_id')} value={draft.organisationId}
        description={t('launchKeys.form.practiceHelp')} onChange={(organisationId) => change({ organisationId })}
        errorMessage={error('organisation_id')}>
        <SelectOption value="">{noPractices ? t('launchKeys.form.noPractices') : t('launchKeys.form.choosePractice')}</SelectOption>
        {practices.map((o) => <SelectOption key={o.id} value={String(o.id)}>{o.name}</SelectOption>)}
      </SelectField>
      <TextField label={fields.label('name')} required={fields.required('name')} value={draft.name} autoComplete="off" name="name"
        description={t('launchKeys.form.nameHelp')} onChange={(name) => change({ name })} errorMessage={error('name')} />
      <PemField label={fields.label('public_key')} description={t('launchKeys.form.publicKeyHelp')} required={fields.required('public_key')}
        value={draft.publicKey} onChange={(publicKey) => change({ publicKey })} errorMessage={error('public_key')} />
      <div className="mk-actions">
        <div className="mk-action">
          <Button type="submit" appearance="primary-action-button" busy={busy}>{t('launchKeys.form.submit')}</Button>
          <ActionError message={errors.actionError ?? organisations.error?.message} />
        </div>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('launchKeys.form.cancel')}</Button>
      </div>
    </form>
  );
}
