// /gebruikers: the users a coordinator (their organisation and the practices under it) or an
// administrator (everyone) manages: name, username, organisations with roles, second factor and
// whether active; a button to invite someone (the invitation link shown once, like a reset link);
// per user a button that makes a single-use password reset link, shown above the table to be
// handed over, one that deactivates them (after a confirmation) or reactivates them, and for a user with a second factor a second one that makes a link
// resetting that factor too, after confirming the person's identity was checked. Other roles are
// told it is not theirs, and the server is not asked.
import {
  Button, Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import { ReauthenticateForm } from '../security/ReauthenticateForm';
import { hasRole, useMe, type User } from '../session/session';
import {
  deactivateUser, issuePasswordReset, kManagedUsersKey, reactivateUser, useManagedUsers, type InvitationLink, type ManagedUser,
  type PasswordResetLink, type PasswordResetOptions,
} from './api';
import { DeactivatePanel } from './DeactivatePanel';
import { InvitationLinkPanel } from './InvitationLinkPanel';
import { InviteForm } from './InviteForm';
import { ResetLinkPanel } from './ResetLinkPanel';
import { kIdentityCheckedField, SecondFactorResetPanel } from './SecondFactorResetPanel';

function managesUsers(user: User | null | undefined): boolean {
  return hasRole(user, 'coordinator') || hasRole(user, 'admin');
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  usePageTitle(t('users.title'));
  if (!user) return <Loading />;
  if (!managesUsers(user)) {
    return (
      <>
        <Heading1>{t('users.title')}</Heading1>
        <Paragraph>{t('users.notForYou')}</Paragraph>
      </>
    );
  }
  return <ManagedUsers />;
}

// A link that removes the second factor as well; the server wants the identity check with it.
const kSecondFactorReset: PasswordResetOptions = { second_factor: true, identity_checked: true };
const kConfirmFields = [kIdentityCheckedField] as const;

/** The user whose link would reset the second factor too, while the identity check is confirmed. */
interface Confirming {
  user: ManagedUser;
  checked: boolean;
  errors: PlacedError;
}

function ManagedUsers() {
  const { t } = useTranslation();
  const users = useManagedUsers();
  const [made, setMade] = useState<{ user: ManagedUser; link: PasswordResetLink } | null>(null);
  // Which row's button is busy or failed, by user id.
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ id: number; message: string } | null>(null);
  // Whoever holds a link chooses the password, so the server asks for the password (and a code)
  // from the last few minutes: the user and options whose link waits for it, the table hidden meanwhile.
  const [asking, setAsking] = useState<{ user: ManagedUser; options: PasswordResetOptions } | null>(null);
  // The confirmation step of a link that resets the second factor too, the table hidden meanwhile.
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  // The row whose second factor button takes the focus back when that step is cancelled.
  const [returnTo, setReturnTo] = useState<number | null>(null);
  // The invitation form while it is open, and the link of the last invitation (shown once).
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<{ name: string; link: InvitationLink } | null>(null);
  // The user whose deactivation waits for confirmation, the table hidden meanwhile.
  const [deactivating, setDeactivating] = useState<ManagedUser | null>(null);
  const queryClient = useQueryClient();

  const setActive = async (user: ManagedUser, active: boolean) => {
    if (busy !== null) return;
    setBusy(user.id);
    setFailure(null);
    try {
      await (active ? reactivateUser(user.id) : deactivateUser(user.id));
      setDeactivating(null);
      await queryClient.invalidateQueries({ queryKey: kManagedUsersKey });
    } catch (error) {
      setFailure({ id: user.id, message: error instanceof Error ? error.message : t('errors.unknown') });
    } finally {
      setBusy(null);
    }
  };

  const makeLink = async (user: ManagedUser, options: PasswordResetOptions = {}) => {
    if (busy !== null) return;
    setBusy(user.id);
    setFailure(null);
    setReturnTo(null);
    try {
      const link = await issuePasswordReset(user.id, options);
      setConfirming(null);
      setInvited(null);
      setMade({ user, link });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reauthentication_required') {
        setAsking({ user, options });
      } else if (options.second_factor) {
        const errors = placeError(error, kConfirmFields, t('errors.unknown'));
        setConfirming((current) => current && { ...current, errors });
      } else {
        setFailure({ id: user.id, message: error instanceof Error ? error.message : t('errors.unknown') });
      }
    } finally {
      setBusy(null);
    }
  };

  const confirmSecondFactorReset = (current: Confirming) => {
    setConfirming({ ...current, errors: kNoErrors });
    void makeLink(current.user, kSecondFactorReset);
  };

  const items: readonly ManagedUser[] = users.data?.items ?? [];
  const showTable = items.length > 0 && !asking && !confirming && !deactivating && !inviting;
  return (
    <div className="mk-users">
      <Heading1>{t('users.title')}</Heading1>
      <Paragraph>{t('users.intro')}</Paragraph>
      {inviting ? (
        <InviteForm onCancel={() => setInviting(false)}
          onInvited={(link, name) => {
            setInviting(false);
            setMade(null);
            setInvited({ link, name });
            void queryClient.invalidateQueries({ queryKey: kManagedUsersKey });
          }} />
      ) : (
        <div className="mk-actions">
          <Button type="button" appearance="secondary-action-button" onClick={() => setInviting(true)}>
            {t('users.invite.button')}
          </Button>
        </div>
      )}
      {invited && !inviting && <InvitationLinkPanel name={invited.name} link={invited.link} />}
      {deactivating && (
        <DeactivatePanel user={deactivating} busy={busy === deactivating.id}
          error={failure?.id === deactivating.id ? failure.message : null}
          onConfirm={() => void setActive(deactivating, false)}
          onCancel={() => {
            setDeactivating(null);
            setFailure(null);
          }} />
      )}
      {asking && (
        <ReauthenticateForm help={t('users.reauthHelp')} onCancel={() => setAsking(null)}
          onDone={() => {
            setAsking(null);
            void makeLink(asking.user, asking.options);
          }} />
      )}
      {confirming && !asking && (
        <SecondFactorResetPanel user={confirming.user} checked={confirming.checked} errors={confirming.errors}
          busy={busy === confirming.user.id}
          onCheckedChange={(checked) => setConfirming({ ...confirming, checked, errors: kNoErrors })}
          onConfirm={() => confirmSecondFactorReset(confirming)}
          onCancel={() => {
            setConfirming(null);
            setReturnTo(confirming.user.id);
          }} />
      )}
      {made && !asking && !confirming && <ResetLinkPanel user={made.user} link={made.link} />}
      {users.isPending && <Loading />}
      <ActionError message={users.error?.message} />
      {users.isSuccess && items.length === 0 && <Paragraph>{t('users.empty')}</Paragraph>}
      {showTable && (
        <div className="mk-table-scroll">
          <Table className="mk-user-table">
            <TableCaption className="mk-visually-hidden">{t('users.title')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('users.column.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.column.username')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.column.memberships')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.column.secondFactor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.column.active')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.column.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((user) => (
                <UserRow key={user.id} user={user} busy={busy === user.id}
                  error={failure?.id === user.id ? failure.message : null} onMakeLink={() => void makeLink(user)}
                  focusSecondFactor={returnTo === user.id}
                  onDeactivate={() => {
                    setFailure(null);
                    setDeactivating(user);
                  }}
                  onReactivate={() => void setActive(user, true)}
                  onResetSecondFactor={() => {
                    setFailure(null);
                    setReturnTo(null);
                    setConfirming({ user, checked: false, errors: kNoErrors });
                  }} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function UserRow({ user, busy, error, onMakeLink, focusSecondFactor, onResetSecondFactor, onDeactivate, onReactivate }: {
  user: ManagedUser;
  busy: boolean;
  error: string | null;
  onMakeLink: () => void;
  /** Gives the second factor button the focus (back), as the row appears. */
  focusSecondFactor: boolean;
  onResetSecondFactor: () => void;
  onDeactivate: () => void;
  onReactivate: () => void;
}) {
  const { t } = useTranslation();
  const secondFactorButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusSecondFactor) secondFactorButton.current?.focus();
  }, [focusSecondFactor]);
  return (
    <TableRow>
      <TableHeaderCell scope="row">{user.display_name}</TableHeaderCell>
      <TableCell>{user.username}</TableCell>
      <TableCell>
        <UnorderedList>
          {user.memberships.map((m) => (
            <UnorderedListItem key={`${m.organisation_id}-${m.role}`}>
              {t('users.membership', { organisation: m.organisation_name, role: t(`role.${m.role}`) })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </TableCell>
      <TableCell>{user.second_factor ? t('common.yes') : t('common.no')}</TableCell>
      <TableCell>{user.active ? t('users.active') : t('users.inactive')}</TableCell>
      <TableCell>
        <div className="mk-action">
          <Button type="button" appearance="secondary-action-button" busy={busy} onClick={onMakeLink}>
            {t('users.makeLink')}
            <span className="mk-visually-hidden"> {t('users.makeLinkFor', { name: user.display_name })}</span>
          </Button>
          {user.second_factor && (
            <Button ref={secondFactorButton} type="button" appearance="subtle-button" onClick={onResetSecondFactor}>
              {t('users.resetSecondFactor.button')}
              <span className="mk-visually-hidden"> {t('users.makeLinkFor', { name: user.display_name })}</span>
            </Button>
          )}
          <Button type="button" appearance="subtle-button" onClick={user.active ? onDeactivate : onReactivate}>
            {user.active ? t('users.deactivate.button') : t('users.reactivate')}
            <span className="mk-visually-hidden"> {t('users.makeLinkFor', { name: user.display_name })}</span>
          </Button>
          <ActionError message={error} />
        </div>
      </TableCell>
    </TableRow>
  );
}
