// Names under which a consult form's typing (sessionStorage) and files (memory) are kept.
export const kNewConsultFormKey = 'consult-form.new';

export function draftFormKey(id: number): string {
  return `consult-form.${id}`;
}
