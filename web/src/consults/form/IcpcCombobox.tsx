// The reason for the consult as an ICPC-1 code, found by typing either the code ("S88") or words
// of its Dutch description ("eczeem"): a React Aria combobox over GET /api/v1/icpc?q=.
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import {
  Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import type { IcpcChoice } from './consultFormValues';

const kSearchDelayMs = 200;
const kMaxResults = 20;

function choiceText(choice: IcpcChoice): string {
  return choice.description ? `${choice.code} – ${choice.description}` : choice.code;
}

export function IcpcCombobox({ label, required, value, onChange, errorMessage }: {
  label: ReactNode;
  required?: boolean;
  value: IcpcChoice | null;
  onChange: (choice: IcpcChoice | null) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  const [inputText, setInputText] = useState(value ? choiceText(value) : '');
  const [searchText, setSearchText] = useState('');
  const query = useDebouncedValue(searchText.trim(), kSearchDelayMs);
  const results = useQuery({
    queryKey: ['icpc', query],
    queryFn: () => call(api.GET('/api/v1/icpc', { params: { query: { q: query, limit: kMaxResults } } })),
    enabled: query.length > 0,
    staleTime: Infinity,
  });
  const items = results.data?.items ?? [];
  // A failed search is said at the field, like the server's verdict on the chosen code.
  const shownError = errorMessage ?? (results.isError ? results.error.message : undefined);

  return (
    <ComboBox
      className="mk-combobox utrecht-form-field"
      items={items}
      inputValue={inputText}
      onInputChange={(text) => {
        setInputText(text);
        setSearchText(text);
        if (value && text !== choiceText(value)) onChange(null);
      }}
      selectedKey={value?.code ?? null}
      onSelectionChange={(key) => {
        const picked = items.find((item) => item.code === key);
        if (!picked) return;
        onChange(picked);
        setInputText(choiceText(picked));
      }}
      menuTrigger="input"
      allowsEmptyCollection
      isInvalid={!!shownError}
      isRequired={required}
      // aria-required only: the form checks required answers itself, before any request.
      validationBehavior="aria"
    >
      <Label className="utrecht-form-label">{label}</Label>
      <Text slot="description" className="utrecht-form-field-description">{t('form.icpcHelp')}</Text>
      <FieldError className="utrecht-form-field-error-message">{shownError}</FieldError>
      <div className="mk-combobox__input">
        <Input className="utrecht-textbox utrecht-textbox--html-input" />
        <Button className="mk-combobox__button" aria-label={t('form.icpcShow')}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <Popover className="mk-popover" placement="bottom start">
        <ListBox
          className="mk-listbox"
          renderEmptyState={() => (
            <div className="mk-listbox__empty">{query ? (results.isFetching ? t('common.loading') : t('form.icpcNone')) : t('form.icpcType')}</div>
          )}
        >
          {(item: IcpcChoice) => (
            <ListBoxItem id={item.code} textValue={choiceText(item)} className="mk-listbox__item">
              <strong>{item.code}</strong> {item.description}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
