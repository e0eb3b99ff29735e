// Inviting someone: username, name, e-mail, AGB code and one organisation (of those the caller
// acts for) with a role. The server makes the account and a single-use link with which the person
// chooses a password; it wants the caller's own password (and code) from the last minutes, so a
// `reauthentication_required` shows the re-authentication form in place of this one and sends the
// invitation again after it. A refusal goes next to the field the server names, otherwise next to
// the button.
import { Button, Heading2 } from '@utrecht/component-library-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFocusFirstError } from '../components/useFocusFirstError';
import { useOrganisations } from '../region/api';
import { ReauthenticateForm } from '../security/ReauthenticateForm';
import { inviteUser, kInvitableRoles, type Invitation, type InvitationLink, type Role } from './api';

const kFields = ['username', 'display_name', 'email', 'agb', 'memberships', 'role'] as const;

interface Draft {
  username: string;
  displayName: string;
  email: string;
  agb: string;
  organisationId: string;
  role: Role;
}

const kEmptyDraft: Draft = { username: '', displayName: '', email: '', agb: '', organisationId: '', role: 'gp' };

function invitationOf(draft: Draft): Invitation {
  return {
    username: draft.username.trim(),
    display_name: draft.displayName.trim(),
    ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
    ...(draft.agb.trim() ? { agb: draft.agb.trim() } : {}),
    memberships: [{ organisation_id: Number(draft.organisationId), role: draft.role }],
  };
}

export function InviteForm({ onInvited, onCancel }: {
  /** The new account's link and the name it was made for. */
  onInvited: (link: InvitationLink, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const organisations = useOrganisations();
  const inScope = (organisations.data?.items ?? []).filter((o) => o.in_scope);
  const [draft, setDraft] = useState<Draft>(kEmptyDraft);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);
  const organisationId = draft.organisationId || String(inScope[0]?.id ?? '');

  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const send = async () => {
    setBusy(true);
    setErrors(kNoErrors);
    try {
      const link = await inviteUser(invitationOf({ ...draft, organisationId }));
      onInvited(link, draft.displayName.trim());
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reauthentication_required') setAsking(true);
      else setErrors(placeError(error, kFields, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void send();
  };

  if (asking) {
    return (
      <ReauthenticateForm help={t('users.invite.reauthHelp')} onCancel={() => setAsking(false)}
        onDone={() => {
          setAsking(false);
          void send();
        }} />
    );
  }
  const field = (name: (typeof kFields)[number]) => errors.fieldErrors[name];
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="mk-form" aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`}>{t('users.invite.title')}</Heading2>
      <TextField label={t('users.invite.username')} value={draft.username} required autoComplete="off" name="username"
        onChange={(username) => change({ username })} errorMessage={field('username')} />
      <TextField label={t('users.invite.displayName')} value={draft.displayName} required autoComplete="off" name="display_name"
        onChange={(displayName) => change({ displayName })} errorMessage={field('display_name')} />
      <TextField label={t('users.invite.email')} value={draft.email} autoComplete="off" name="email"
        onChange={(email) => change({ email })} errorMessage={field('email')} />
      <TextField label={t('users.invite.agb')} description={t('users.invite.agbHelp')} value={draft.agb} inputMode="numeric"
        name="agb" onChange={(agb) => change({ agb })} errorMessage={field('agb')} />
      <SelectField label={t('users.invite.organisation')} value={organisationId} required
        onChange={(value) => change({ organisationId: value })} errorMessage={field('memberships')}>
        {inScope.map((o) => <option key={o.id} value={String(o.id)}>{o.name}</option>)}
      </SelectField>
      <SelectField label={t('users.invite.role')} value={draft.role} required
        onChange={(value) => change({ role: value as Role })} errorMessage={field('role')}>
        {kInvitableRoles.map((role) => <option key={role} value={role}>{t(`role.${role}`)}</option>)}
      </SelectField>
      <div className="mk-actions">
        <div className="mk-action">
          <Button type="submit" appearance="primary-action-button" busy={busy}>{t('users.invite.submit')}</Button>
          <ActionError message={errors.actionError ?? organisations.error?.message} />
        </div>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('users.invite.cancel')}</Button>
      </div>
    </form>
  );
}
