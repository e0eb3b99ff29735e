// An address inside the app that names no screen.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../lib/usePageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <Heading1>{t('notFound.title')}</Heading1>
      <Paragraph>
        <Link className="utrecht-link" to="/">{t('notFound.home')}</Link>
      </Paragraph>
    </>
  );
}
