// The server's sentence for a refused or failed action, shown right next to the button that was
// pressed and announced to screen readers.
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';

export function ActionError({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <FormFieldErrorMessage id={id} role="alert" className="mk-action-error">
      {message}
    </FormFieldErrorMessage>
  );
}
