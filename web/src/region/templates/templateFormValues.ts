// The template editor's values: the template's name, specialty and organisation, and its questions
// as typed (a choice's options one per line), with the mapping to and from the API's template and
// what a submit still lacks. Pure functions: unit-tested.
import { missingAnswerMessages } from '../../lib/formFields';
import type { FieldType, NewQuestionTemplate, QuestionTemplate, QuestionTemplateChange, TemplateFieldInput } from '../api';

export const kTemplateForm = 'template';
export const kTemplateFieldForm = 'template_field';

export interface QuestionDraft {
  /** This question's identity in the editor, kept while it moves; never sent. */
  uid: string;
  key: string;
  /** Whether the key was typed: until then it follows the question's text. */
  keyTyped: boolean;
  label: string;
  help: string;
  type: FieldType;
  required: boolean;
  unit: string;
  /** One option per line. */
  options: string;
}

export interface TemplateFormValues {
  /** The organisation's id, '' when the server can tell (the caller coordinates one). */
  organisationId: string;
  specialty: string;
  name: string;
  questions: QuestionDraft[];
}

let lastUid = 0;

export function newQuestion(): QuestionDraft {
  lastUid += 1;
  return { uid: `q${Date.now().toString(36)}-${lastUid}`, key: '', keyTyped: false, label: '', help: '', type: 'text', required: false, unit: '', options: '' };
}

export function emptyTemplateForm(): TemplateFormValues {
  return { organisationId: '', specialty: '', name: '', questions: [newQuestion()] };
}

export function fromTemplate(template: QuestionTemplate): TemplateFormValues {
  return {
    organisationId: String(template.organisation.id),
    specialty: template.specialty,
    name: template.name,
    questions: template.fields.map((field) => ({
      ...newQuestion(),
      key: field.key,
      keyTyped: true,
      label: field.label,
      help: field.help,
      type: field.type,
      required: field.required,
      unit: field.unit ?? '',
      options: field.options.join('\n'),
    })),
  };
}

/**
 * A key for a question's text, as the server wants keys: lowercase letters, digits and _,
 * starting with a letter, at most 40 characters ("Hoe lang al? (weken)" → "hoe_lang_al_weken").
 */
export function keyFor(label: string): string {
  const words = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+/, '').replace(/_+$/, '');
  return words.slice(0, 40).replace(/_+$/, '');
}

/** The options of a choice as typed: one per line, blank lines left out. */
export function optionLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** A question as the API takes it: a unit only for a number, options only for a choice. */
export function toFieldInput(question: QuestionDraft): TemplateFieldInput {
  const unit = question.unit.trim();
  return {
    key: question.key.trim(),
    label: question.label.trim(),
    help: question.help.trim(),
    type: question.type,
    required: question.required,
    unit: question.type === 'number' && unit ? unit : null,
    options: question.type === 'choice' ? optionLines(question.options) : [],
  };
}

/** The body of POST /api/v1/templates; an organisation only when one was chosen. */
export function toNewTemplate(values: TemplateFormValues): NewQuestionTemplate {
  const organisation = Number(values.organisationId);
  return {
    ...(values.organisationId && Number.isInteger(organisation) ? { organisation_id: organisation } : {}),
    specialty: values.specialty,
    name: values.name.trim(),
    fields: values.questions.map(toFieldInput),
  };
}

/** The body of PATCH /api/v1/templates/{id}: name and questions, made to `version`. */
export function toTemplateChange(values: TemplateFormValues, version: number): QuestionTemplateChange {
  return { version, name: values.name.trim(), fields: values.questions.map(toFieldInput) };
}

/** The field name the server uses for part `part` of question `index`: "fields.2.key". */
export function questionField(index: number, part: string): string {
  return `fields.${index}.${part}`;
}

/**
 * What a submit still lacks, by the API's field names, in the server's words: the catalogue's
 * required answers of the template (form "template") and of each question ("template_field"),
 * the latter under "fields.<index>.<part>". The server judges the rest (keys, options, units).
 */
export function missingAnswers(values: TemplateFormValues, language: string, { creating }: { creating: boolean }): Record<string, string> {
  const template = {
    specialty: creating ? values.specialty : 'kept',
    name: values.name,
    fields: values.questions.length > 0 ? 'yes' : '',
  };
  const found: Record<string, string> = { ...missingAnswerMessages(kTemplateForm, template, 'draft', language) };
  values.questions.forEach((question, index) => {
    const answers = { key: question.key, label: question.label, type: question.type };
    for (const [part, message] of Object.entries(missingAnswerMessages(kTemplateFieldForm, answers, 'draft', language))) {
      found[questionField(index, part)] = message;
    }
  });
  return found;
}

/** The API's field names this editor shows, for placing the server's refusal. */
export function templateFormFields(values: TemplateFormValues): string[] {
  const parts = ['key', 'label', 'help', 'type', 'required', 'unit', 'options'];
  return ['organisation_id', 'specialty', 'name', 'fields',
    ...values.questions.flatMap((_, index) => parts.map((part) => questionField(index, part)))];
}
