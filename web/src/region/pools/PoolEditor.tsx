// Changing one of the caller's pools: its name and its members, chosen from the specialists (and
// GPs with a special interest) of the pool's organisation whom the caller manages, and those in
// it already. Labels from the form field catalogue ("pool_change"); the server's refusal at the
// field it names. It takes the focus when it opens.
import { Heading2, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kNoErrors, placeError, type PlacedError } from '../../api/errors';
import { ActionError } from '../../components/ActionError';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { TextField } from '../../components/TextField';
import { useFocusFirstError } from '../../components/useFocusFirstError';
import { useFormFields } from '../../components/useFormFields';
import { useManagedUsers, type ManagedUser } from '../../users/api';
import { changePool, regionKeys, type Pool } from '../api';

const kFields = ['name', 'member_ids'] as const;

/** Who may be in `pool`: its members, and the managed users who answer consults for its organisation. */
export function memberCandidates(pool: Pool, users: readonly ManagedUser[]): { id: number; name: string }[] {
  const answering = users
    .filter((u) => u.active && u.memberships.some((m) => m.organisation_id === pool.organisation.id && m.role === 'specialist'))
    .map((u) => ({ id: u.id, name: u.display_name }));
  const byId = new Map([...pool.members, ...answering].map((m) => [m.id, m]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function PoolEditor({ pool, onSaved, onCancel }: { pool: Pool; onSaved: (saved: Pool) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fields = useFormFields('pool_change');
  const users = useManagedUsers();
  const [name, setName] = useState(pool.name);
  const [members, setMembers] = useState<number[]>(pool.members.map((m) => m.id));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.fieldErrors);
  useEffect(() => heading.current?.focus(), []);

  const candidates = memberCandidates(pool, users.data?.items ?? []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(kNoErrors);
    try {
      const saved = await changePool(pool.id, { name: name.trim(), member_ids: members });
      await queryClient.invalidateQueries({ queryKey: regionKeys.all });
      onSaved(saved);
    } catch (failure) {
      setErrors(placeError(failure, kFields, t('errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="mk-form mk-region-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="pool-edit">
      <Heading2 id="pool-edit" ref={heading} tabIndex={-1}>{t('region.pools.editTitle', { name: pool.name })}</Heading2>
      <TextField label={fields.label('name')} value={name} onChange={setName} errorMessage={errors.fieldErrors.name} />
      <ActionError message={users.error?.message} />
      <CheckboxGroupField<number>
        legend={fields.label('member_ids')}
        description={t('region.pools.membersHelp', { organisation: pool.organisation.name })}
        options={candidates.map((c) => ({ value: c.id, label: c.name }))}
        value={members}
        onChange={setMembers}
        errorMessage={errors.fieldErrors.member_ids}
      />
      <div className="mk-actions">
        <div className="mk-action">
          <PrimaryActionButton type="submit" busy={busy}>{t('region.pools.save')}</PrimaryActionButton>
          <ActionError message={errors.actionError} />
        </div>
        <SecondaryActionButton type="button" onClick={onCancel}>{t('region.cancel')}</SecondaryActionButton>
      </div>
    </form>
  );
}
