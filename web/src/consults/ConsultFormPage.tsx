// /consults/new and /consults/:id/edit: the consult form, empty or for an existing draft. A
// consult that is no longer a draft opens in its own view instead.
import { Heading1 } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router-dom';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { markSeen } from '../lib/unread';
import { usePageTitle } from '../lib/usePageTitle';
import { useMe } from '../session/session';
import { useConsult } from './api';
import { ConsultForm } from './form/ConsultForm';

function DraftForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const { user } = useMe();
  const consult = useConsult(id);
  const data = consult.data;
  usePageTitle(data ? t('form.editTitle', { number: data.number }) : t('form.newTitle'));
  useEffect(() => {
    if (data && user) markSeen(localStorage, user.id, data);
  }, [data, user]);
  if (consult.isPending) return <Loading />;
  if (consult.isError) return <ActionError message={consult.error.message} />;
  if (consult.data.status !== 'draft') return <Navigate to={`/consults/${id}`} replace />;
  return (
    <>
      <Heading1>{t('form.editTitle', { number: consult.data.number })}</Heading1>
      <ConsultForm key={id} draft={consult.data} />
    </>
  );
}

function NewForm() {
  const { t } = useTranslation();
  usePageTitle(t('form.newTitle'));
  return (
    <>
      <Heading1>{t('form.newTitle')}</Heading1>
      <ConsultForm key="new" draft={null} />
    </>
  );
}

export default function ConsultFormPage() {
  const { id } = useParams();
  return id !== undefined ? <DraftForm id={Number(id)} /> : <NewForm />;
}
