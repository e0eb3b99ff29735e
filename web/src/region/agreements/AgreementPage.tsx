// /afspraken/:id: one agreement — what it settles, every version with who changed what when, and
// for those who may change it the form that makes a new version. Another care group's agreement
// is "not found", as the server answers it.
import {
  Button, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { usePageTitle } from '../../lib/usePageTitle';
import { useAgreement, type Agreement, type AgreementDetail } from '../api';
import { KeepersOnly } from '../KeepersOnly';
import { LoadFailure } from '../LoadFailure';
import { VersionHistory, type VersionRow } from '../VersionHistory';
import { agreementChanges, agreementFacts } from './agreementFacts';
import { AgreementForm } from './AgreementForm';

export default function AgreementPage() {
  const { t } = useTranslation();
  return (
    <KeepersOnly title={t('region.agreement.title')}>
      <AgreementScreen id={Number(useParams().id)} />
    </KeepersOnly>
  );
}

function AgreementScreen({ id }: { id: number }) {
  const { t } = useTranslation();
  const agreement = useAgreement(id);
  const data = agreement.data;
  usePageTitle(data ? t('region.agreement.titleOf', { pool: data.pool.name }) : t('region.agreement.title'));
  if (agreement.isPending) return <Loading />;
  if (agreement.isError) {
    return (
      <LoadFailure error={agreement.error} notFoundTitle={t('region.agreement.notFound')}
        backTo="/afspraken" backLabel={t('region.agreements.back')} />
    );
  }
  return <AgreementView detail={agreement.data} reload={() => agreement.refetch().then((r) => r.data)} />;
}

function AgreementView({ detail, reload }: { detail: AgreementDetail; reload: () => Promise<AgreementDetail | undefined> }) {
  const { t, i18n } = useTranslation();
  const created = (useLocation().state as { notice?: string } | null)?.notice === 'created';
  const [notice, setNotice] = useState<string | null>(created ? t('region.agreement.created') : null);
  // The version a change is made to, kept from when the change began: a refresh meanwhile must
  // not move it, or the change would silently overwrite someone else's.
  const [editing, setEditing] = useState<Agreement | null>(null);
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
    changes: index === 0 ? [] : agreementChanges(detail.versions[index - 1]!, version, t, i18n.language)
      .map((c) => t('region.history.change', { label: c.label, before: c.before, after: c.after })),
  }));

  return (
    <div className="mk-region">
      <Heading1>{t('region.agreement.titleOf', { pool: detail.pool.name })}</Heading1>
      <Paragraph><Link className="utrecht-link" to="/afspraken">{t('region.agreements.back')}</Link></Paragraph>
      <p role="status" className="utrecht-paragraph mk-notice">{notice}</p>
      {editing ? (
        <section aria-labelledby="agreement-edit">
          <Heading2 id="agreement-edit" ref={editHeading} tabIndex={-1}>
            {t('region.agreement.editTitle', { version: editing.version })}
          </Heading2>
          <AgreementForm key={editing.version} headingLevel={3} agreement={editing}
            onSaved={(saved) => stopEditing(t('region.agreement.saved', { version: saved.version }))}
            onCancel={() => stopEditing(null)}
            onReload={() => void reload().then((fresh) => { if (fresh) setEditing(fresh); })} />
        </section>
      ) : (
        <>
          <Paragraph>
            {detail.in_force ? t('region.agreement.inForce') : t('region.agreement.notInForce')}{' '}
            {t('region.agreement.version', { version: detail.version })}
          </Paragraph>
          <DataList className="mk-details">
            {agreementFacts(detail, t, i18n.language).map((fact) => (
              <DataListItem key={fact.name}>
                <DataListKey>{fact.label}</DataListKey>
                <DataListValue>{fact.value}</DataListValue>
              </DataListItem>
            ))}
          </DataList>
          {detail.may_change ? (
            <div className="mk-actions">
              <Button ref={editButton} type="button" appearance="secondary-action-button"
                onClick={() => { setNotice(null); setReturnFocus(false); setEditing(detail); }}>
                {t('region.agreement.edit')}
              </Button>
            </div>
          ) : (
            <Paragraph className="mk-hint">{t('region.agreement.notYours')}</Paragraph>
          )}
        </>
      )}
      <VersionHistory id="agreement-history" rows={rows} />
    </div>
  );
}
