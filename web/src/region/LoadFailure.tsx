// A screen for one agreement or template that could not be loaded: "not found" for one that does
// not exist or belongs to another care group (the server answers both with 404, on purpose), and
// the server's sentence either way, with the way back to the list.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { usePageTitle } from '../lib/usePageTitle';

export function LoadFailure({ error, notFoundTitle, backTo, backLabel }: {
  error: Error;
  notFoundTitle: string;
  backTo: string;
  backLabel: string;
}) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  const title = notFound ? notFoundTitle : t('region.unavailable');
  usePageTitle(title);
  return (
    <>
      <Heading1>{title}</Heading1>
      {notFound ? <Paragraph>{error.message}</Paragraph> : <ActionError message={error.message} />}
      <Paragraph><Link className="utrecht-link" to={backTo}>{backLabel}</Link></Paragraph>
    </>
  );
}
