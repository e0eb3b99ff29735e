// /inzageverzoek: a privacy officer answers a patient's request for access (AVG art. 15). They
// look the patient up by BSN or by a consult number (and pick the organisation when they serve
// more than one); the server first wants the password and a code from the last few minutes, in
// which case the re-authentication form takes the search's place and the search runs again once
// it is given. The answer is summed up and can be downloaded as JSON. Other roles are told it is
// not theirs, and nothing is asked of the server for them.
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, kNoErrors, placeError, type PlacedError } from '../api/errors';
import { ActionError } from '../components/ActionError';
import { Loading } from '../components/Loading';
import { RadioGroupField } from '../components/RadioGroupField';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { usePageTitle } from '../lib/usePageTitle';
import { hasRole, useMe, type User } from '../session/session';
import { ReauthenticateForm } from '../security/ReauthenticateForm';
import { fetchSubjectAccess, type SubjectAccessExport, type SubjectKey, type SubjectQuery } from './api';
import { SubjectAccessSummary } from './SubjectAccessSummary';

const kFields = ['bsn', 'consult'] as const;

interface Organisation {
  id: number;
  name: string;
}

function officerOrganisations(user: User): Organisation[] {
  return user.memberships
    .filter((m) => m.role === 'privacy_officer')
    .map((m) => ({ id: m.organisation_id, name: m.organisation_name }));
}

export default function SubjectAccessPage() {
  const { t } = useTranslation();
  const { user } = useMe();
  usePageTitle(t('subjectAccess.title'));
  if (!user) return <Loading />;
  if (!hasRole(user, 'privacy_officer')) {
    return (
      <>
        <Heading1>{t('subjectAccess.title')}</Heading1>
        <Paragraph>{t('subjectAccess.notForYou')}</Paragraph>
      </>
    );
  }
  return <SubjectAccess organisations={officerOrganisations(user)} />;
}

function SubjectAccess({ organisations }: { organisations: readonly Organisation[] }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<SubjectKey>('bsn');
  const [value, setValue] = useState('');
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedError>(kNoErrors);
  // The search that waits for the password again; the form is hidden meanwhile.
  const [asking, setAsking] = useState<SubjectQuery | null>(null);
  const [result, setResult] = useState<{ query: SubjectQuery; data: SubjectAccessExport } | null>(null);
  const submitButton = useRef<HTMLButtonElement>(null);

  const search = async (query: SubjectQuery) => {
    if (busy) return;
    setBusy(true);
    setErrors(kNoErrors);
    setResult(null);
    try {
      setResult({ query, data: await fetchSubjectAccess(query) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reauthentication_required') {
        setAsking(query);
      } else if (error instanceof ApiError && error.status === 404) {
        setErrors({ fieldErrors: {}, actionError: t('subjectAccess.notFound') });
      } else {
        setErrors(placeError(error, kFields, t('errors.unknown')));
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setErrors({ fieldErrors: { [key]: t(key === 'bsn' ? 'subjectAccess.missingBsn' : 'subjectAccess.missingConsult') }, actionError: null });
      return;
    }
    void search({ key, value, organisationId });
  };

  // Cancelled, the re-authentication form goes away with its focused field and the focus returns
  // to the search; given, the search runs again and its result takes the focus.
  const cancelReauthentication = () => {
    setAsking(null);
    requestAnimationFrame(() => submitButton.current?.focus());
  };

  return (
    <div className="mk-subject-access">
      <Heading1>{t('subjectAccess.title')}</Heading1>
      <Paragraph>{t('subjectAccess.intro')}</Paragraph>
      {asking ? (
        <ReauthenticateForm help={t('subjectAccess.reauthHelp')} onCancel={cancelReauthentication}
          onDone={() => {
            setAsking(null);
            void search(asking);
          }} />
      ) : (
        <form onSubmit={submit} noValidate className="mk-form" aria-label={t('subjectAccess.formLabel')}>
          <RadioGroupField<SubjectKey> legend={t('subjectAccess.searchBy')} className="mk-inline-radios" value={key}
            onChange={(next) => { setKey(next); setErrors(kNoErrors); }}
            options={[{ value: 'bsn', label: t('subjectAccess.bsn') }, { value: 'consult', label: t('subjectAccess.consult') }]} />
          <TextField name={key} label={t(key === 'bsn' ? 'subjectAccess.bsnField' : 'subjectAccess.consultField')}
            inputMode={key === 'bsn' ? 'numeric' : undefined} autoComplete="off" required value={value} onChange={setValue}
            description={t(key === 'bsn' ? 'subjectAccess.bsnHelp' : 'subjectAccess.consultHelp')}
            errorMessage={errors.fieldErrors.bsn ?? errors.fieldErrors.consult} announceError />
          {organisations.length > 1 && (
            <SelectField label={t('subjectAccess.organisation')} value={String(organisationId ?? '')}
              onChange={(id) => setOrganisationId(Number(id))}>
              {organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </SelectField>
          )}
          <div className="mk-actions">
            <div className="mk-action">
              <Button ref={submitButton} type="submit" appearance="primary-action-button" busy={busy}>
                {t('subjectAccess.submit')}
              </Button>
              <ActionError message={errors.actionError} />
            </div>
          </div>
        </form>
      )}
      {result && <SubjectAccessSummary query={result.query} data={result.data} />}
    </div>
  );
}
