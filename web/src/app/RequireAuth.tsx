// Guards the app's pages: without a session, the login page, with the current address as `next`
// so that the user returns exactly there (their typing is kept in sessionStorage meanwhile). A
// login that must set up a second factor first reaches only the security screen.
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { mustEnrolSecondFactor, rememberUser, useMe } from '../session/session';

// The one screen a login without its required second factor may see (the route in App.tsx).
const kSecurityPath = '/security';

export function RequireAuth() {
  const { user } = useMe();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  rememberUser(user);
  if (mustEnrolSecondFactor(user) && location.pathname !== kSecurityPath) return <Navigate to={kSecurityPath} replace />;
  return <Outlet />;
}
