// The form field catalogue (../src/domain/form_fields.tsv, read at build time): the label of every
// field of every form in Dutch and English, and which answers are required. The server reads the
// same file, so a label on screen is the one its refusals quote, and the answers checked here
// before sending are the ones it would refuse without. Pure functions: unit-tested.
import catalogueText from '../../../src/domain/form_fields.tsv?raw';

/** always: no request without it; to_send: a draft may lack it, sending may not; optional. */
export type Requirement = 'always' | 'to_send' | 'optional';

export type FieldLanguage = 'nl' | 'en';

export interface CatalogueField {
  form: string;
  /** The API's name, dotted for a part of an object: "patient.birth_year". */
  name: string;
  requirement: Requirement;
  label: Record<FieldLanguage, string>;
}

/** Which requirements a submit must meet: a draft only `always`, sending `to_send` as well. */
export type Stage = 'draft' | 'send';

/** What a form holds for its fields, by API name. */
export type FieldValues = Readonly<Record<string, string | number | boolean | null | undefined>>;

const kRequirements: readonly string[] = ['always', 'to_send', 'optional'];
const kColumns = 5;

/** Parses the catalogue's text; throws on a malformed line, since the file is part of the build. */
export function parseFormFields(text: string): CatalogueField[] {
  const fields: CatalogueField[] = [];
  for (const line of text.split('\n').map((l) => l.replace(/\r$/, ''))) {
    if (line === '' || line.startsWith('#')) continue;
    const columns = line.split('\t');
    const [form, name, requirement, nl, en] = columns;
    if (columns.length !== kColumns || !form || !name || !requirement || !nl || !en) {
      throw new Error(`form_fields.tsv: expected ${kColumns} columns in: ${line}`);
    }
    if (!kRequirements.includes(requirement)) throw new Error(`form_fields.tsv: unknown requirement in: ${line}`);
    fields.push({ form, name, requirement: requirement as Requirement, label: { nl, en } });
  }
  return fields;
}

const kCatalogue = parseFormFields(catalogueText);

/** The fields of `form` in screen order; empty for an unknown form. */
export function formFieldsOf(form: string, catalogue: readonly CatalogueField[] = kCatalogue): CatalogueField[] {
  return catalogue.filter((field) => field.form === form);
}

/** The field `name` of `form`, or undefined. */
export function findFormField(form: string, name: string, catalogue: readonly CatalogueField[] = kCatalogue) {
  return catalogue.find((field) => field.form === form && field.name === name);
}

/** The UI language as the catalogue has its labels: English or else Dutch. */
export function fieldLanguage(language: string): FieldLanguage {
  return language === 'en' ? 'en' : 'nl';
}

/** The label of `name` in `form`; the name itself where the catalogue has no such field (as the server does). */
export function fieldLabel(form: string, name: string, language: string): string {
  return findFormField(form, name)?.label[fieldLanguage(language)] ?? name;
}

export function fieldRequirement(form: string, name: string): Requirement {
  return findFormField(form, name)?.requirement ?? 'optional';
}

/** Whether a submit at `stage` needs an answer to a field with this requirement. */
export function requiredAt(requirement: Requirement, stage: Stage): boolean {
  return requirement === 'always' || (requirement === 'to_send' && stage === 'send');
}

/**
 * The refusal of a missing answer, worded as the server's MissingAnswer (src/domain/form_fields.cc)
 * words it: "‘Heeft u er iets van geleerd?’ is verplicht." / "… is required.".
 */
export function missingAnswerMessage(form: string, name: string, language: string): string {
  const label = fieldLabel(form, name, language);
  return fieldLanguage(language) === 'en' ? `‘${label}’ is required.` : `‘${label}’ is verplicht.`;
}

/**
 * An answer is missing when it is absent, blank text, or an unticked box: the one required box,
 * consent, must be given, so false counts as no answer. A yes/no question is therefore held as
 * 'yes' | 'no' | '' by the forms, never as a boolean.
 */
function isAnswered(value: FieldValues[string]): boolean {
  if (value === undefined || value === null || value === false) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/**
 * The fields of `form` a submit at `stage` requires but `values` lacks, in screen order. A field
 * with parts in the catalogue ("patient") is an object the form always builds; its parts
 * ("patient.birth_year") are checked instead.
 */
export function missingFields(form: string, values: FieldValues, stage: Stage = 'draft',
  catalogue: readonly CatalogueField[] = kCatalogue): string[] {
  const fields = formFieldsOf(form, catalogue);
  const isGroup = (name: string) => fields.some((field) => field.name.startsWith(`${name}.`));
  return fields
    .filter((field) => requiredAt(field.requirement, stage) && !isGroup(field.name) && !isAnswered(values[field.name]))
    .map((field) => field.name);
}

/** The sentences for the answers a submit at `stage` still lacks, by field name; empty when none. */
export function missingAnswerMessages(form: string, values: FieldValues, stage: Stage, language: string): Record<string, string> {
  return Object.fromEntries(missingFields(form, values, stage).map((name) => [name, missingAnswerMessage(form, name, language)]));
}

/** Whether a check found nothing missing. */
export function isComplete(missing: Readonly<Record<string, string>>): boolean {
  return Object.keys(missing).length === 0;
}
