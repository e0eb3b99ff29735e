// Guards the app's pages: without a session, the login page, with the current address as `next`
// so that the user returns exactly there (their typing is kept in sessionStorage meanwhile).
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { rememberUser, useMe } from '../session/session';

export function RequireAuth() {
  const { user } = useMe();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  rememberUser(user);
  return <Outlet />;
}
