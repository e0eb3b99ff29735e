// Switches the UI between Dutch and English. Each language's name is written in that language
// (and marked with its lang), as people look for their own language's name. Part of the first
// screen, so it uses the Utrecht select's HTML/CSS form instead of the full React library.
import { FormLabel } from '@utrecht/form-label-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="mk-language-switch">
      <FormLabel htmlFor={id}>{t('language.label')}</FormLabel>
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select"
        value={i18n.language}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        <option value="nl" lang="nl">Nederlands</option>
        <option value="en" lang="en">English</option>
      </select>
    </div>
  );
}
