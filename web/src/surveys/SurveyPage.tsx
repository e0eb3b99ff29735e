// /enquete/:code and /enquete: the patient survey after a meekijkconsult, reached from the leaflet
// without logging in (outside the app shell, like the login page). Without a code in the address
// it asks for the one on the leaflet; with one, it asks the server about it and shows the three
// questions, then thanks. What the form cannot help with is said in place of it, taking the focus:
// an unknown code (404), a survey answered already (409, or so on opening), too many attempts from
// this address (429). The page's own language switch sets the language the answers are given in.
import { useQueryClient } from '@tanstack/react-query';
import { PrimaryActionButton } from '@utrecht/button-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/errors';
import { Loading } from '../components/Loading';
import { PublicPage } from '../components/PublicPage';
import { TextField } from '../components/TextField';
import { usePageTitle } from '../lib/usePageTitle';
import '../styles/full-library.css';
import '../styles/survey.css';
import { answerSurvey, cleanCode, useSurvey, type SurveyAnswer } from './api';
import { SurveyForm } from './SurveyForm';

/** What the page shows in place of the form, when it cannot be answered (now). */
type Ending = 'thanks' | 'answered' | 'unknown' | 'tooMany';

/** The ending an error of the server amounts to, or null for one the form shows itself. */
function endingOf(error: unknown): Ending | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404) return 'unknown';
  if (error.status === 409) return 'answered';
  if (error.status === 429) return 'tooMany';
  return null;
}

export default function SurveyPage() {
  const { t } = useTranslation();
  const code = useParams().code;
  usePageTitle(t('survey.title'));
  return (
    <PublicPage>
      <div className="mk-survey">
        <h1 className="utrecht-heading-1">{t('survey.title')}</h1>
        {code ? <SurveyForCode key={code} code={code} /> : <CodeForm />}
      </div>
    </PublicPage>
  );
}

function CodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = cleanCode(code);
    if (!cleaned) {
      setError(t('survey.code.missing'));
      return;
    }
    navigate(`/enquete/${encodeURIComponent(cleaned)}`);
  };
  return (
    <>
      <p className="utrecht-paragraph">{t('survey.code.intro')}</p>
      <form className="mk-form mk-survey-form" noValidate onSubmit={submit} aria-label={t('survey.code.formLabel')}>
        <TextField label={t('survey.code.label')} description={t('survey.code.help')} value={code} onChange={setCode}
          errorMessage={error} announceError autoComplete="off" required />
        <div className="mk-action">
          <PrimaryActionButton type="submit">{t('survey.code.submit')}</PrimaryActionButton>
        </div>
      </form>
    </>
  );
}

function SurveyForCode({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const survey = useSurvey(code);
  const [ending, setEnding] = useState<Ending | null>(null);

  const send = async (answer: SurveyAnswer) => {
    try {
      await answerSurvey(code, answer);
      queryClient.setQueryData(['survey', code], { ...survey.data, answered: true });
      setEnding('thanks');
    } catch (error) {
      const found = endingOf(error);
      if (!found) throw error;
      setEnding(found);
    }
  };

  if (ending) return <EndingNotice ending={ending} announce />;
  if (survey.isPending) return <Loading />;
  if (survey.isError) {
    const found = endingOf(survey.error);
    if (found) return <EndingNotice ending={found} />;
    return <Notice title={t('survey.failed')} text={survey.error.message} />;
  }
  if (survey.data.answered) return <EndingNotice ending="answered" />;
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const specialty = (language === 'en' ? survey.data.specialty_en : survey.data.specialty).toLocaleLowerCase(language);
  return (
    <>
      <p className="utrecht-paragraph">{t('survey.intro', { specialty })}</p>
      <p className="utrecht-paragraph">{t('survey.anonymous')}</p>
      <SurveyForm send={send} />
    </>
  );
}

function EndingNotice({ ending, announce }: { ending: Ending; announce?: boolean }) {
  const { t } = useTranslation();
  return (
    <Notice title={t(`survey.${ending}.title`)} text={t(`survey.${ending}.text`)} announce={announce}
      success={ending === 'thanks' || ending === 'answered'}>
      {ending === 'unknown' && (
        <p className="utrecht-paragraph"><Link className="utrecht-link" to="/enquete">{t('survey.code.again')}</Link></p>
      )}
    </Notice>
  );
}

/**
 * A state the form cannot help with, in words; `announce` when it follows the patient's answer,
 * which then takes the focus (the form it replaces had it) and is read out at once.
 */
function Notice({ title, text, announce, success, children }: {
  title: string;
  text: string;
  announce?: boolean;
  success?: boolean;
  children?: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (announce) box.current?.focus();
  }, [announce]);
  return (
    <>
      <div className={`utrecht-alert utrecht-alert--${success ? 'ok' : 'warning'}`} role={announce ? 'alert' : undefined}
        tabIndex={announce ? -1 : undefined} ref={box}>
        <p className="utrecht-paragraph"><strong>{title}</strong></p>
        <p className="utrecht-paragraph">{text}</p>
      </div>
      {children}
    </>
  );
}
