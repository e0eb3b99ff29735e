// /afspraken/nieuw: the form for a new agreement; once made, its own page says so.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { usePageTitle } from '../../lib/usePageTitle';
import { KeepersOnly } from '../KeepersOnly';
import { AgreementForm } from './AgreementForm';

export default function NewAgreementPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('region.agreement.newTitle')}>
      <NewAgreement />
    </KeepersOnly>
  );
}

function NewAgreement() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('region.agreement.newTitle'));
  return (
    <>
      <Heading1>{t('region.agreement.newTitle')}</Heading1>
      <Paragraph><Link className="utrecht-link" to="/afspraken">{t('region.agreements.back')}</Link></Paragraph>
      <AgreementForm agreement={null}
        onSaved={(saved) => navigate(`/afspraken/${saved.id}`, { state: { notice: 'created' } })} />
    </>
  );
}
