// The answers to a pool's question template as the consult form holds them (text per question
// key; a yes/no question as 'yes' | 'no' | '', like the form's other yes/no questions), what goes
// on the wire (a number as a number, yes/no as true/false, nothing for an unanswered question or a
// photo question, which an attachment answers), and what sending still lacks, in the server's
// words (src/domain/question_template.cc). Pure functions: unit-tested.
import type { TemplateAnswer, TemplateVersion } from '../api';

export type TemplateAnswerTexts = Readonly<Record<string, string>>;

/** The name the server gives a question's answer in `error.field`. */
export function templateAnswerField(key: string): string {
  return `template_answers.${key}`;
}

/** The fields of the template part of the form, for placing the server's refusal. */
export function templateFormFields(template: TemplateVersion | null): string[] {
  return template ? ['template_answers', ...template.fields.map((f) => templateAnswerField(f.key))] : [];
}

/** A typed decimal, with a comma or a point: "28", "28,5", "-1.25"; null when it is not one. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d{1,15}([.,]\d{1,10})?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

/**
 * The body's `template_answers` for `template`: only its questions, only those answered. A number
 * that is not one goes as the text typed, so that the server refuses it with its own sentence.
 */
export function templateAnswersBody(template: TemplateVersion, answers: TemplateAnswerTexts): Record<string, TemplateAnswer> {
  const body: Record<string, TemplateAnswer> = {};
  for (const field of template.fields) {
    const text = answers[field.key] ?? '';
    if (field.type === 'photo' || text.trim() === '') continue;
    switch (field.type) {
      case 'number':
        body[field.key] = parseDecimal(text) ?? text.trim();
        break;
      case 'yes_no':
        if (text === 'yes' || text === 'no') body[field.key] = text === 'yes';
        break;
      default:
        body[field.key] = text;
    }
  }
  return body;
}

/** The form's texts for a saved consult's answers. */
export function answerTexts(answers: Readonly<Record<string, unknown>> | null | undefined): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(answers ?? {})) {
    if (typeof value === 'boolean') texts[key] = value ? 'yes' : 'no';
    else if (typeof value === 'number' || typeof value === 'string') texts[key] = String(value);
  }
  return texts;
}

/**
 * The sentences for the required questions that sending still lacks, by field name: an answer,
 * or for a photo question an attachment (any of the consult's: the server counts them all).
 */
export function missingTemplateAnswers(template: TemplateVersion | null, answers: TemplateAnswerTexts,
  attachments: number, language: string): Record<string, string> {
  const missing: Record<string, string> = {};
  const english = language === 'en';
  for (const field of template?.fields ?? []) {
    if (!field.required) continue;
    if (field.type === 'photo') {
      if (attachments > 0) continue;
      missing[templateAnswerField(field.key)] = english
        ? `"${field.label}": add an attachment before sending.`
        : `„${field.label}”: voeg een bijlage toe voor het versturen.`;
    } else if ((answers[field.key] ?? '').trim() === '') {
      missing[templateAnswerField(field.key)] = english ? `"${field.label}" is required.` : `„${field.label}” is verplicht.`;
    }
  }
  return missing;
}
