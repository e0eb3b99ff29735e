// The frame around every screen after log-in: skip link, header with navigation for the user's
// roles and the notifications with their unread count, the security screen, language and log-out,
// and the live change poller.
import { Page, PageContent, PageHeader, SkipLink, SubtleButton } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import '../styles/full-library.css';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ActionError } from '../components/ActionError';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/Loading';
import { useChangesPolling } from '../lib/useChangesPolling';
import { NotificationsLink } from '../notifications/NotificationsLink';
import { hasRole, logOut, useMe } from '../session/session';

const navLinkClass = ({ isActive }: { isActive: boolean }) => `utrecht-link mk-nav__link${isActive ? ' mk-nav__link--active' : ''}`;

function MainNav() {
  const { t } = useTranslation();
  const { user } = useMe();
  const writesConsults = hasRole(user, 'gp') || hasRole(user, 'assistant');
  const answersConsults = hasRole(user, 'specialist');
  const guardsPrivacy = hasRole(user, 'privacy_officer');
  // Coordinators and administrators keep the region: its users, agreements, templates and pools;
  // they import organisations and practitioners and register the keys of the practices' HISes.
  const keepsRegion = hasRole(user, 'coordinator') || hasRole(user, 'admin');
  // Those who answer in a pool, and those who keep the pools, record absences.
  const recordsAbsence = answersConsults || hasRole(user, 'coordinator');
  // The physical sessions: those who book patients into them, hold them or plan them.
  const seesSessions = writesConsults || answersConsults || hasRole(user, 'coordinator');
  // The triple-aim figures: everyone who belongs to an organisation (the server scopes them to it).
  const seesResults = (user?.memberships.length ?? 0) > 0;
  // The systems that call the FHIR API (API clients): administrators alone register them.
  const registersSystems = hasRole(user, 'admin');
  return (
    <nav aria-label={t('nav.label')} className="mk-nav">
      <ul className="mk-nav__list">
        {writesConsults && (
          <>
            <li><NavLink to="/outbox" className={navLinkClass}>{t('nav.outbox')}</NavLink></li>
            <li><NavLink to="/consults/new" className={navLinkClass}>{t('nav.newConsult')}</NavLink></li>
          </>
        )}
        {answersConsults && (
          <>
            <li><NavLink to="/pool" className={navLinkClass}>{t('nav.pool')}</NavLink></li>
            <li><NavLink to="/inbox" className={navLinkClass}>{t('nav.inbox')}</NavLink></li>
          </>
        )}
        {seesSessions && <li><NavLink to="/spreekuren" className={navLinkClass}>{t('nav.clinic')}</NavLink></li>}
        {seesResults && <li><NavLink to="/resultaten" className={navLinkClass}>{t('nav.results')}</NavLink></li>}
        {guardsPrivacy && <li><NavLink to="/access-log" className={navLinkClass}>{t('nav.accessLog')}</NavLink></li>}
        {guardsPrivacy && <li><NavLink to="/inzageverzoek" className={navLinkClass}>{t('nav.subjectAccess')}</NavLink></li>}
        {hasRole(user, 'coordinator') && <li><NavLink to="/overzicht" className={navLinkClass}>{t('nav.overview')}</NavLink></li>}
        {recordsAbsence && <li><NavLink to="/afwezigheid" className={navLinkClass}>{t('nav.absences')}</NavLink></li>}
        {keepsRegion && (
          <>
            <li><NavLink to="/gebruikers" className={navLinkClass}>{t('nav.users')}</NavLink></li>
            <li><NavLink to="/afspraken" className={navLinkClass}>{t('nav.agreements')}</NavLink></li>
            <li><NavLink to="/vragenlijsten" className={navLinkClass}>{t('nav.templates')}</NavLink></li>
            <li><NavLink to="/pools" className={navLinkClass}>{t('nav.pools')}</NavLink></li>
            <li><NavLink to="/importeren" className={navLinkClass}>{t('nav.imports')}</NavLink></li>
            <li><NavLink to="/uitgaande-email" className={navLinkClass}>{t('nav.mailOutbox')}</NavLink></li>
            <li><NavLink to="/declaraties" className={navLinkClass}>{t('nav.fees')}</NavLink></li>
            <li><NavLink to="/his-koppelingen" className={navLinkClass}>{t('nav.launchKeys')}</NavLink></li>
          </>
        )}
        {registersSystems && <li><NavLink to="/api-clients" className={navLinkClass}>{t('nav.apiClients')}</NavLink></li>}
        <li><NotificationsLink className={navLinkClass} /></li>
      </ul>
    </nav>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { user } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const organisation = user?.memberships[0]?.organisation_name;
  const leave = async () => {
    try {
      await logOut(queryClient);
    } catch (e) {
      // The tab forgot the session anyway; say why the server did not confirm.
      setError(e instanceof Error ? e.message : t('errors.unknown'));
    }
    navigate('/login', { replace: true });
  };
  return (
    <div className="mk-user">
      <span className="mk-user__name">
        {user?.display_name}
        {organisation && <span className="mk-user__org"> · {organisation}</span>}
      </span>
      <NavLink to="/security" className={navLinkClass}>{t('nav.security')}</NavLink>
      <LanguageSwitch />
      <SubtleButton type="button" onClick={() => void leave()}>
        {t('nav.logout')}
      </SubtleButton>
      <ActionError message={error} />
    </div>
  );
}

// After moving to another screen, focus goes to its main content, so that keyboard and screen
// reader users start there instead of on a link that may no longer exist.
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname]);
  return main;
}

export default function AppShell() {
  const { t } = useTranslation();
  const baselineKnown = useChangesPolling();
  const main = useFocusMainOnNavigation();
  return (
    <Page className="mk-page">
      <SkipLink href="#main">{t('nav.skip')}</SkipLink>
      <PageHeader className="mk-header">
        <span className="mk-brand">meekijk</span>
        <MainNav />
        <UserMenu />
      </PageHeader>
      <PageContent>
        <main id="main" tabIndex={-1} ref={main}>
          {baselineKnown ? (
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          ) : (
            <Loading />
          )}
        </main>
      </PageContent>
    </Page>
  );
}
