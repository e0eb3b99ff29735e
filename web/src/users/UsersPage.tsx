// /gebruikers: the users a coordinator (their organisation and the practices under it) or an
// administrator (everyone) manages: name, username, organisations with roles, second factor and
// whether active; per user a button that makes a single-use password reset link, shown above the
// table to be handed over. Other roles are told it is not theirs, and the server is not asked.
import {
  Button, Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../lib/usePageTitle';
import { ReauthenticateForm } from '../security/ReauthenticateForm';
import { hasRole, useMe, type User } from '../session/session';
import { issuePasswordReset, useManagedUsers, type ManagedUser, type PasswordResetLink } from './api';
import { ResetLinkPanel } from './ResetLinkPanel';

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

function ManagedUsers() {
  const { t } = useTranslation();
  const users = useManagedUsers();
  const [made, setMade] = useState<{ user: ManagedUser; link: PasswordResetLink } | null>(null);
  // Which row's button is busy or failed, by user id.
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ id: number; message: string } | null>(null);
  // Whoever holds a link chooses the password, so the server asks for the password (and a code)
  // from the last few minutes: the user whose link waits for it, the table hidden meanwhile.
  const [asking, setAsking] = useState<ManagedUser | null>(null);

  const makeLink = async (user: ManagedUser) => {
    if (busy !== null) return;
    setBusy(user.id);
    setFailure(null);
    try {
      setMade({ user, link: await issuePasswordReset(user.id) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reauthentication_required') {
        setAsking(user);
      } else {
        setFailure({ id: user.id, message: error instanceof Error ? error.message : t('errors.unknown') });
      }
    } finally {
      setBusy(null);
    }
  };

  const items: readonly ManagedUser[] = users.data?.items ?? [];
  return (
    <div className="mk-users">
      <Heading1>{t('users.title')}</Heading1>
      <Paragraph>{t('users.intro')}</Paragraph>
      {asking && (
        <ReauthenticateForm help={t('users.reauthHelp')} onCancel={() => setAsking(null)}
          onDone={() => {
            setAsking(null);
            void makeLink(asking);
          }} />
      )}
      {made && !asking && <ResetLinkPanel user={made.user} link={made.link} />}
      {users.isPending && <Loading />}
      <ActionError message={users.error?.message} />
      {users.isSuccess && items.length === 0 && <Paragraph>{t('users.empty')}</Paragraph>}
      {items.length > 0 && !asking && (
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
                  error={failure?.id === user.id ? failure.message : null} onMakeLink={() => void makeLink(user)} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}

function UserRow({ user, busy, error, onMakeLink }: {
  user: ManagedUser;
  busy: boolean;
  error: string | null;
  onMakeLink: () => void;
}) {
  const { t } = useTranslation();
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
      <TableCell>{user.active ? t('common.yes') : t('common.no')}</TableCell>
      <TableCell>
        <div className="mk-action">
          <Button type="button" appearance="secondary-action-button" busy={busy} onClick={onMakeLink}>
            {t('users.makeLink')}
            <span className="mk-visually-hidden"> {t('users.makeLinkFor', { name: user.display_name })}</span>
          </Button>
          <ActionError message={error} />
        </div>
      </TableCell>
    </TableRow>
  );
}
