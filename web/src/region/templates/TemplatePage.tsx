// /vragenlijsten/:id: one question template — its questions as the GP meets them, every version
// with who changed what when, and for those who keep it the editor that makes a new version.
// Another care group's template is "not found", as the server answers it.
import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/due';
import { usePageTitle } from '../../lib/usePageTitle';
import { useTemplate, type QuestionTemplate, type QuestionTemplateDetail } from '../api';
import { KeepersOnly } from '../KeepersOnly';
import { LoadFailure } from '../LoadFailure';
import { VersionHistory, type VersionRow } from '../VersionHistory';
import { templateChanges } from './templateChanges';
import { TemplateEditor } from './TemplateEditor';
import { TemplateQuestionList } from './TemplateQuestionList';

export default function TemplatePage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('region.template.title')}>
      <TemplateScreen id={Number(useParams().id)} />
    </KeepersOnly>
  );
}

function TemplateScreen({ id }: { id: number }) {
  const { t } = useTranslation();
  const template = useTemplate(id);
  const data = template.data;
  usePageTitle(data ? t('region.template.titleOf', { name: data.name }) : t('region.template.title'));
  if (template.isPending) return <Loading />;
  if (template.isError) {
    return (
      <LoadFailure error={template.error} notFoundTitle={t('region.template.notFound')}
        backTo="/vragenlijsten" backLabel={t('region.templates.back')} />
    );
  }
  return <TemplateView detail={template.data} reload={() => template.refetch().then((r) => r.data)} />;
}

function TemplateView({ detail, reload }: { detail: QuestionTemplateDetail; reload: () => Promise<QuestionTemplateDetail | undefined> }) {
  const { t, i18n } = useTranslation();
  const created = (useLocation().state as { notice?: string } | null)?.notice === 'created';
  const [notice, setNotice] = useState<string | null>(created ? t('region.template.created') : null);
  // The version a change is made to, kept from when the change began (see AgreementPage).
  const [editing, setEditing] = useState<QuestionTemplate | null>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const editHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (editing) editHeading.current?.focus();
  }, [editing?.version]);
  useEffect(() => {
    if (!editing && returnFocus) editButton.current?.focus();
  }, [editing, returnFocus]);

  const stopEditing = (message: string | null) => {
    setEditing(null);
    setNotice(message);
    setReturnFocus(true);
  };

  const rows: VersionRow[] = detail.versions.map((version, index) => ({
    version: version.version,
    changedAt: version.changed_at,
    changedBy: version.changed_by,
    changes: index === 0 ? [] : templateChanges(detail.versions[index - 1]!, version, t),
  }));

  return (
    <div className="mk-region">
      <Heading1>{t('region.template.titleOf', { name: detail.name })}</Heading1>
      <Paragraph><Link className="utrecht-link" to="/vragenlijsten">{t('region.templates.back')}</Link></Paragraph>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      <Paragraph>
        {t('region.template.about', {
          specialty: detail.specialty, organisation: detail.organisation.name, version: detail.version,
          when: formatDateTime(detail.changed_at, i18n.language),
        })}
      </Paragraph>
      {editing ? (
        <section aria-labelledby="template-edit">
          <Heading2 id="template-edit" ref={editHeading} tabIndex={-1}>
            {t('region.template.editTitle', { version: editing.version })}
          </Heading2>
          <TemplateEditor key={editing.version} headingLevel={3} template={editing}
            onSaved={(saved) => stopEditing(t('region.template.saved', { version: saved.version }))}
            onCancel={() => stopEditing(null)}
            onReload={() => void reload().then((fresh) => { if (fresh) setEditing(fresh); })} />
        </section>
      ) : (
        <section aria-labelledby="template-questions-shown">
          <Heading2 id="template-questions-shown">{t('region.template.questions')}</Heading2>
          <TemplateQuestionList fields={detail.fields} />
          {detail.may_change ? (
            <div className="mk-actions">
              <Button ref={editButton} type="button" appearance="secondary-action-button"
                onClick={() => { setNotice(null); setReturnFocus(false); setEditing(detail); }}>
                {t('region.template.edit')}
              </Button>
            </div>
          ) : (
            <Paragraph className="mk-hint">{t('region.template.notYours', { organisation: detail.organisation.name })}</Paragraph>
          )}
        </section>
      )}
      <VersionHistory id="template-history" rows={rows} />
    </div>
  );
}
