// What one version of a template changed from the one before, in words, for its history: a new
// name, questions added, removed or changed (matched by key), and a new order. Pure: unit-tested.
import type { TFunction } from 'i18next';
import type { QuestionTemplate, TemplateField } from '../api';

function same(a: TemplateField, b: TemplateField): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function templateChanges(before: QuestionTemplate, after: QuestionTemplate, t: TFunction): string[] {
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(t('region.history.change', { label: t('region.template.name'), before: before.name, after: after.name }));
  const old = new Map(before.fields.map((f) => [f.key, f]));
  const now = new Map(after.fields.map((f) => [f.key, f]));
  for (const field of after.fields) {
    const was = old.get(field.key);
    if (!was) changes.push(t('region.template.added', { label: field.label }));
    else if (!same(was, field)) changes.push(t('region.template.changed', { label: field.label }));
  }
  for (const field of before.fields) {
    if (!now.has(field.key)) changes.push(t('region.template.removed', { label: field.label }));
  }
  const kept = (fields: TemplateField[], other: Map<string, TemplateField>) => fields.filter((f) => other.has(f.key)).map((f) => f.key);
  if (kept(before.fields, now).join() !== kept(after.fields, old).join()) changes.push(t('region.template.reordered'));
  return changes;
}
