// Switches the UI between Dutch and English. Each language's name is written in that language
// (and marked with its lang), as people look for their own language's name.
import { FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="mk-language-switch">
      <FormLabel htmlFor={id}>{t('language.label')}</FormLabel>
      <Select id={id} value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        <SelectOption value="nl" lang="nl">
          Nederlands
        </SelectOption>
        <SelectOption value="en" lang="en">
          English
        </SelectOption>
      </Select>
    </div>
  );
}
