// The app's frame: query cache, router and routes. Only the login page is in the first chunk;
// every screen behind it is loaded when first visited (React.lazy), which keeps the first screen
// small (see bench/first-screen.mjs).
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { onSessionLost } from '../api/sessionEvents';
import { Loading } from '../components/Loading';
import { LoginPage } from '../session/LoginPage';
import { handleSessionLost } from '../session/session';
import { createQueryClient } from './queryClient';
import { RequireAuth } from './RequireAuth';

const AppShell = lazy(() => import('./AppShell'));
const HomeRedirect = lazy(() => import('./HomeRedirect'));
const OutboxPage = lazy(() => import('../consults/OutboxPage'));
const OverviewPage = lazy(() => import('../coordination/OverviewPage'));
const ConsultFormPage = lazy(() => import('../consults/ConsultFormPage'));
const ConsultPage = lazy(() => import('../consults/ConsultPage'));
const SpecialistListPage = lazy(() => import('../specialist/SpecialistListPage'));
const SecurityPage = lazy(() => import('../security/SecurityPage'));
const AccessLogPage = lazy(() => import('../audit/AccessLogPage'));
const UsersPage = lazy(() => import('../users/UsersPage'));
const SubjectAccessPage = lazy(() => import('../subjectAccess/SubjectAccessPage'));
const AgreementsPage = lazy(() => import('../region/agreements/AgreementsPage'));
const NewAgreementPage = lazy(() => import('../region/agreements/NewAgreementPage'));
const AgreementPage = lazy(() => import('../region/agreements/AgreementPage'));
const TemplatesPage = lazy(() => import('../region/templates/TemplatesPage'));
const NewTemplatePage = lazy(() => import('../region/templates/NewTemplatePage'));
const TemplatePage = lazy(() => import('../region/templates/TemplatePage'));
const PoolsPage = lazy(() => import('../region/pools/PoolsPage'));
const ImportPage = lazy(() => import('../region/imports/ImportPage'));
const NotificationsPage = lazy(() => import('../notifications/NotificationsPage'));
const AbsencesPage = lazy(() => import('../absences/AbsencesPage'));
const MailOutboxPage = lazy(() => import('../mailOutbox/MailOutboxPage'));
const ClinicSessionsPage = lazy(() => import('../clinic/ClinicSessionsPage'));
const ClinicSessionPage = lazy(() => import('../clinic/ClinicSessionPage'));
const DayListPage = lazy(() => import('../clinic/DayListPage'));
const FeeStatementsPage = lazy(() => import('../fees/FeeStatementsPage'));
const FeeStatementPage = lazy(() => import('../fees/FeeStatementPage'));
const LeafletPage = lazy(() => import('../leaflet/LeafletPage'));
const ResultsPage = lazy(() => import('../results/ResultsPage'));
const ApiClientsPage = lazy(() => import('../apiClients/ApiClientsPage'));
const LaunchKeysPage = lazy(() => import('../launchKeys/LaunchKeysPage'));
// Opened from a reset link, without a session: outside RequireAuth, like the login page.
const PasswordResetPage = lazy(() => import('../passwordReset/PasswordResetPage'));
// The patient survey, answered with the leaflet's code and no account: outside RequireAuth too.
const SurveyPage = lazy(() => import('../surveys/SurveyPage'));
// Opened by a GP practice's HIS with a signed link; it logs the GP in itself: outside RequireAuth too.
const LaunchPage = lazy(() => import('../launch/LaunchPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

function SessionLostHandler() {
  const queryClient = useQueryClient();
  useEffect(() => onSessionLost(() => handleSessionLost(queryClient)), [queryClient]);
  return null;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionLostHandler />
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/wachtwoord-herstellen" element={<PasswordResetPage />} />
            <Route path="/enquete" element={<SurveyPage />} />
            <Route path="/enquete/:code" element={<SurveyPage />} />
            <Route path="/launch" element={<LaunchPage />} />
            <Route element={<RequireAuth />}>
              <Route element={<AppShell />}>
                <Route index element={<HomeRedirect />} />
                <Route path="outbox" element={<OutboxPage />} />
                <Route path="consults/new" element={<ConsultFormPage />} />
                <Route path="consults/:id/edit" element={<ConsultFormPage />} />
                <Route path="consults/:id" element={<ConsultPage />} />
                <Route path="consults/:id/folder" element={<LeafletPage />} />
                <Route path="pool" element={<SpecialistListPage box="pool" />} />
                <Route path="inbox" element={<SpecialistListPage box="inbox" />} />
                <Route path="security" element={<SecurityPage />} />
                <Route path="access-log" element={<AccessLogPage />} />
                <Route path="overzicht" element={<OverviewPage />} />
                <Route path="gebruikers" element={<UsersPage />} />
                <Route path="inzageverzoek" element={<SubjectAccessPage />} />
                <Route path="afspraken" element={<AgreementsPage />} />
                <Route path="afspraken/nieuw" element={<NewAgreementPage />} />
                <Route path="afspraken/:id" element={<AgreementPage />} />
                <Route path="vragenlijsten" element={<TemplatesPage />} />
                <Route path="vragenlijsten/nieuw" element={<NewTemplatePage />} />
                <Route path="vragenlijsten/:id" element={<TemplatePage />} />
                <Route path="pools" element={<PoolsPage />} />
                <Route path="importeren" element={<ImportPage />} />
                <Route path="meldingen" element={<NotificationsPage />} />
                <Route path="afwezigheid" element={<AbsencesPage />} />
                <Route path="uitgaande-email" element={<MailOutboxPage />} />
                <Route path="spreekuren" element={<ClinicSessionsPage />} />
                <Route path="spreekuren/:id" element={<ClinicSessionPage />} />
                <Route path="spreekuren/:id/daglijst" element={<DayListPage />} />
                <Route path="declaraties" element={<FeeStatementsPage />} />
                <Route path="declaraties/:organisation/:month" element={<FeeStatementPage />} />
                <Route path="resultaten" element={<ResultsPage />} />
                <Route path="api-clients" element={<ApiClientsPage />} />
                <Route path="his-koppelingen" element={<LaunchKeysPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
