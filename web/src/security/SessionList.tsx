// The user's running sessions (when, from where, which browser, with or without a second factor)
// and a way to end any of the others, one by one or all at once, after giving the password (and
// code) again when the server asks for them. The server marks this request's own session; ending
// it is what "Uitloggen" is for.
import {
  Button, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../lib/due';
import { describeUserAgent } from '../lib/userAgent';
import { endOtherSessions, endSession, kSessionsKey, useLoginSessions, type LoginSession } from './api';
import { ReauthenticateForm } from './ReauthenticateForm';

const kMaxAgentChars = 60;
const kAll = 'all';

function useBrowserText() {
  const { t } = useTranslation();
  return (agent: string) => {
    const { browser, os } = describeUserAgent(agent);
    if (browser && os) return t('security.sessions.browserOn', { browser, os });
    const named = browser ?? os;
    if (named) return named;
    const raw = agent.trim();
    if (!raw) return t('security.sessions.unknownBrowser');
    return raw.length > kMaxAgentChars ? `${raw.slice(0, kMaxAgentChars)}…` : raw;
  };
}

export function SessionList() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useLoginSessions();
  const browserText = useBrowserText();
  const heading = useRef<HTMLHeadingElement>(null);
  // Which button is busy or failed: a session's id, or kAll.
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ target: string; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The ending that waits for the password (and code) again; the list is hidden meanwhile.
  const [asking, setAsking] = useState<{ target: string; work: () => Promise<string> } | null>(null);

  const end = async (target: string, work: () => Promise<string>) => {
    if (busy) return;
    setBusy(target);
    setFailure(null);
    setNotice(null);
    try {
      setNotice(await work());
      await queryClient.invalidateQueries({ queryKey: kSessionsKey });
      // The pressed button has gone with its row: the focus goes back to the list's heading.
      heading.current?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reauthentication_required') {
        setAsking({ target, work });
      } else {
        setFailure({ target, message: error instanceof Error ? error.message : t('errors.unknown') });
      }
    } finally {
      setBusy(null);
    }
  };
  const endOne = (id: string) => end(id, async () => {
    await endSession(id);
    return t('security.sessions.ended');
  });
  const endAll = () => end(kAll, async () => {
    const { ended } = await endOtherSessions();
    return t('security.sessions.endedAll', { count: ended });
  });
  const failed = (target: string) => (failure?.target === target ? failure.message : null);
  const when = (iso: string) => formatDateTime(iso, i18n.language);

  const items: readonly LoginSession[] = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.current).length;
  return (
    <section aria-labelledby="sessions-title">
      <Heading2 id="sessions-title" ref={heading} tabIndex={-1}>{t('security.sessions.title')}</Heading2>
      <Paragraph>{t('security.sessions.intro')}</Paragraph>
      <p role="status" className="utrecht-paragraph">{notice}</p>
      {asking && (
        <ReauthenticateForm help={t('security.sessions.reauthHelp')}
          onCancel={() => {
            setAsking(null);
            heading.current?.focus();
          }}
          onDone={() => {
            setAsking(null);
            void end(asking.target, asking.work);
          }} />
      )}
      {sessions.isPending && <Loading />}
      <ActionError message={sessions.error?.message} />
      {items.length > 0 && !asking && (
        <div className="mk-table-scroll">
          <Table className="mk-session-table">
            <TableCaption className="mk-visually-hidden">{t('security.sessions.title')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('security.sessions.started')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('security.sessions.lastSeen')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('security.sessions.address')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('security.sessions.browser')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('security.sessions.secondFactor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('security.sessions.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((session) => (
                <TableRow key={session.id} className={session.current ? 'mk-row--current' : undefined}>
                  <TableCell><time dateTime={session.created_at}>{when(session.created_at)}</time></TableCell>
                  <TableCell><time dateTime={session.last_seen_at}>{when(session.last_seen_at)}</time></TableCell>
                  <TableCell>{session.client_address}</TableCell>
                  <TableCell>{browserText(session.user_agent)}</TableCell>
                  <TableCell>{session.second_factor ? t('common.yes') : t('common.no')}</TableCell>
                  <TableCell>
                    {session.current ? (
                      t('security.sessions.this')
                    ) : (
                      <div className="mk-action">
                        <Button type="button" appearance="secondary-action-button" busy={busy === session.id}
                          onClick={() => void endOne(session.id)}>
                          {t('security.sessions.end')}
                          <span className="mk-visually-hidden">
                            {' '}
                            {t('security.sessions.endContext', { started: when(session.created_at), browser: browserText(session.user_agent) })}
                          </span>
                        </Button>
                        <ActionError message={failed(session.id)} />
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {others > 0 && !asking && (
        <div className="mk-actions">
          <div className="mk-action">
            <Button type="button" appearance="secondary-action-button" hint="danger" busy={busy === kAll}
              onClick={() => void endAll()}>
              {t('security.sessions.endAll')}
            </Button>
            <ActionError message={failed(kAll)} />
          </div>
        </div>
      )}
    </section>
  );
}
