// The scopes of a client as one group: a box for each common scope, named in words with its code,
// and a text box for any other (space-separated). The server's refusal of a scope, ticked or typed,
// stands under the group's legend and marks its boxes invalid.
import {
  Fieldset, FieldsetLegend, FormFieldCheckbox, FormFieldDescription, FormFieldErrorMessage,
} from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/TextField';
import { kCommonScopes, type CommonScope } from './api';

/** `system/Task.rus` → `Task`: the key of the scope's words (a scope's dots would split a key). */
function resourceOf(scope: CommonScope): string {
  return scope.slice(scope.indexOf('/') + 1, scope.indexOf('.'));
}

export function ScopesField({ legend, ticked, typed, onTickedChange, onTypedChange, errorMessage }: {
  legend: ReactNode;
  ticked: readonly CommonScope[];
  typed: string;
  onTickedChange: (ticked: CommonScope[]) => void;
  onTypedChange: (typed: string) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const toggle = (scope: CommonScope, checked: boolean) => {
    // In the order offered, whatever the order of the clicks.
    onTickedChange(kCommonScopes.filter((s) => (s === scope ? checked : ticked.includes(s))));
  };
  return (
    <Fieldset invalid={!!errorMessage} aria-describedby={[descriptionId, errorMessage ? errorId : ''].filter(Boolean).join(' ')}
      className="mk-scopes">
      <FieldsetLegend>{legend}</FieldsetLegend>
      <FormFieldDescription id={descriptionId}>{t('apiClients.form.scopesHelp')}</FormFieldDescription>
      {errorMessage && <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage>}
      {kCommonScopes.map((scope) => (
        <FormFieldCheckbox key={scope} checked={ticked.includes(scope)} inputInvalid={!!errorMessage}
          onChange={(event) => toggle(scope, event.target.checked)}
          label={<>{t(`apiClients.scope.${resourceOf(scope)}`)} <code className="mk-scope-code">{scope}</code></>} />
      ))}
      {/* inputMode marks it as a field of codes: no spelling check on scopes. */}
      <TextField label={t('apiClients.form.otherScopes')} description={t('apiClients.form.otherScopesHelp')} value={typed}
        inputMode="text" autoComplete="off" name="other_scopes" onChange={onTypedChange} />
    </Fieldset>
  );
}
