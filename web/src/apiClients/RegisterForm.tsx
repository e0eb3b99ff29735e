// Registering an API client: its name, the organisation it works for, the member of that
// organisation it acts for (only the active members of the organisation chosen are offered), its
// scopes and the PEM of its public key. Labels from the form field catalogue ("api_client"); a
// missing answer is refused in the browser at its field, the server's refusal (an unknown scope, a
// key that is no public key) at the field it names, otherwise next to the button.
import { Heading2, Button, SelectOption } from '@utrecht/component-library-react';
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
import { useManagedUsers, type ManagedUser } from '../users/api';
import { joinScopes, registerApiClient, type ApiClient, type CommonScope, type NewApiClient } from './api';
import { ScopesField } from './ScopesField';

const kFields = ['name', 'organisation_id', 'user_id', 'scopes', 'public_key'] as const;

interface Draft {
  name: string;
  organisationId: string;
  userId: string;
  ticked: CommonScope[];
  typed: string;
  publicKey: string;
}

const kEmptyDraft: Draft = { name: '', organisationId: '', userId: '', ticked: [], typed: '', publicKey: '' };

/** The request for a complete draft. */
export function newApiClient(draft: Draft): NewApiClient {
  return {
    name: draft.name.trim(),
    organisation_id: Number(draft.organisationId),
    user_id: Number(draft.userId),
    scopes: joinScopes(draft.ticked, draft.typed),
    public_key: draft.publicKey.trim(),
  };
}

/** The active members of organisation `id`, by name: whom a client of it may act for. */
export function membersOf(users: readonly ManagedUser[], id: number): ManagedUser[] {
  return users
    .filter((u) => u.active && u.memberships.some((m) => m.organisation_id === id))
    .sort((a, b) => a.display_name.localeCompare(b.display_name));
}

export function RegisterForm({ onRegistered, onCancel }: {
  onRegistered: (client: ApiClient) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const fields = useFormFields('api_client');
  const organisations = useOrganisations();
  const users = useManagedUsers();
  const [draft, setDraft] = useState<Draft>(kEmptyDraft);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const members = draft.organisationId ? membersOf(users.data?.items ?? [], Number(draft.organisationId)) : [];
  let userPrompt = t('apiClients.form.chooseOrganisationFirst');
  if (draft.organisationId) userPrompt = members.length > 0 ? t('apiClients.form.chooseUser') : t('apiClients.form.noMembers');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = fields.missing({
      name: draft.name, organisation_id: draft.organisationId, user_id: draft.userId,
      scopes: joinScopes(draft.ticked, draft.typed), public_key: draft.publicKey,
    });
    if (Object.keys(missing).length > 0) {
      setErrors({ fieldErrors: missing, actionError: null });
      return;
    }
    setBusy(true);
    setErrors(kNoErrors);
    try {
      onRegistered(await registerApiClient(newApiClient(draft)));
    } catch (failure) {
      setErrors(placeError(failure, kFields, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const error = (name: (typeof kFields)[number]) => errors.fieldErrors[name];
  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="mk-form mk-api-client-form" aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`}>{t('apiClients.form.title')}</Heading2>
      <TextField label={fields.label('name')} required={fields.required('name')} value={draft.name} autoComplete="off" name="name"
        description={t('apiClients.form.nameHelp')} onChange={(name) => change({ name })} errorMessage={error('name')} />
      {(organisations.isPending || users.isPending) && <Loading />}
      <SelectField label={fields.label('organisation_id')} required={fields.required('organisation_id')} value={draft.organisationId}
        onChange={(organisationId) => change({ organisationId, userId: '' })} errorMessage={error('organisation_id')}>
        <SelectOption value="">{t('apiClients.form.chooseOrganisation')}</SelectOption>
        {(organisations.data?.items ?? []).map((o) => <SelectOption key={o.id} value={String(o.id)}>{o.name}</SelectOption>)}
      </SelectField>
      <SelectField label={fields.label('user_id')} required={fields.required('user_id')} value={draft.userId}
        description={t('apiClients.form.userHelp')} onChange={(userId) => change({ userId })} errorMessage={error('user_id')}>
        <SelectOption value="">{userPrompt}</SelectOption>
        {members.map((u) => (
          <SelectOption key={u.id} value={String(u.id)}>{t('apiClients.form.member', { name: u.display_name, username: u.username })}</SelectOption>
        ))}
      </SelectField>
      <ScopesField legend={fields.label('scopes')} ticked={draft.ticked} typed={draft.typed}
        onTickedChange={(ticked) => change({ ticked })} onTypedChange={(typed) => change({ typed })} errorMessage={error('scopes')} />
      <PemField label={fields.label('public_key')} description={t('apiClients.form.publicKeyHelp')} required={fields.required('public_key')}
        value={draft.publicKey} onChange={(publicKey) => change({ publicKey })} errorMessage={error('public_key')} />
      <div className="mk-actions">
        <div className="mk-action">
          <Button type="submit" appearance="primary-action-button" busy={busy}>{t('apiClients.form.submit')}</Button>
          <ActionError message={errors.actionError ?? organisations.error?.message ?? users.error?.message} />
        </div>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('apiClients.form.cancel')}</Button>
      </div>
    </form>
  );
}
