// /vragenlijsten/nieuw: the editor for a new question template; once made, its own page says so.
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { usePageTitle } from '../../lib/usePageTitle';
import { KeepersOnly } from '../KeepersOnly';
import { TemplateEditor } from './TemplateEditor';

export default function NewTemplatePage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('region.template.newTitle')}>
      <NewTemplate />
    </KeepersOnly>
  );
}

function NewTemplate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('region.template.newTitle'));
  return (
    <>
      <Heading1>{t('region.template.newTitle')}</Heading1>
      <Paragraph><Link className="utrecht-link" to="/vragenlijsten">{t('region.templates.back')}</Link></Paragraph>
      <Paragraph>{t('region.template.newIntro')}</Paragraph>
      <TemplateEditor template={null}
        onSaved={(saved) => navigate(`/vragenlijsten/${saved.id}`, { state: { notice: 'created' } })} />
    </>
  );
}
