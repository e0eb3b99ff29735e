// The outbox of a GP or assistant: the practice's consults, newest first, with filters.
import { ButtonLink } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConsultListView } from './ConsultListView';

export default function OutboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ConsultListView
      box="outbox"
      title={t('outbox.title')}
      intro={t('outbox.intro')}
      actions={
        <ButtonLink
          appearance="primary-action-button"
          href="/consults/new"
          onClick={(event) => {
            event.preventDefault();
            navigate('/consults/new');
          }}
        >
          {t('nav.newConsult')}
        </ButtonLink>
      }
    />
  );
}
