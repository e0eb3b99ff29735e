// The template editor sends a question as the server takes it (a unit only for a number, options
// only for a choice), proposes keys the server accepts, and names what is missing per question
// as the server names it: "fields.<index>.<part>".
import { describe, expect, it } from 'vitest';
import type { QuestionTemplate } from '../api';
import {
  fromTemplate, keyFor, missingAnswers, newQuestion, toFieldInput, toNewTemplate, toTemplateChange, type TemplateFormValues,
} from './templateFormValues';

const kTemplate: QuestionTemplate = {
  id: 4, version: 2, name: 'Cyclusklachten', specialty: 'gynaecologie',
  fields: [
    { key: 'cyclusduur', label: 'Cyclusduur', help: '', type: 'number', required: true, unit: 'dagen', options: [] },
    { key: 'klacht', label: 'Welke klacht?', help: 'De belangrijkste.', type: 'choice', required: false, unit: null, options: ['Pijn', 'Bloedverlies'] },
  ],
  organisation: { id: 1, name: 'Zorggroep Rijnmond Zuid' }, changed_at: '2026-12-02T10:00:00Z', changed_by: null, may_change: true,
};

describe('keyFor', () => {
  it.each([
    ['Cyclusduur', 'cyclusduur'],
    ['Hoe lang al? (weken)', 'hoe_lang_al_weken'],
    ['Pijn bij de menstruatie?', 'pijn_bij_de_menstruatie'],
    ['Één of twee café’s', 'een_of_twee_cafe_s'],
    ['2e mening', 'e_mening'],
    ['', ''],
  ])('makes %j into %j', (label, key) => {
    expect(keyFor(label)).toBe(key);
  });

  it('keeps a key within 40 characters', () => {
    expect(keyFor('a'.repeat(30) + ' ' + 'b'.repeat(30)).length).toBeLessThanOrEqual(40);
  });
});

describe('toFieldInput', () => {
  it('sends a unit only with a number and options only with a choice', () => {
    const question = { ...newQuestion(), key: 'duur', label: 'Duur', unit: ' weken ', options: 'a\nb' };
    expect(toFieldInput({ ...question, type: 'number' })).toMatchObject({ unit: 'weken', options: [] });
    expect(toFieldInput({ ...question, type: 'text' })).toMatchObject({ unit: null, options: [] });
    expect(toFieldInput({ ...question, type: 'choice', options: ' Pijn \n\nBloedverlies\n' })).toMatchObject({ unit: null, options: ['Pijn', 'Bloedverlies'] });
  });
});

describe('fromTemplate and the bodies', () => {
  it('round-trips a template into a change of its version', () => {
    const values = fromTemplate(kTemplate);
    expect(values.questions.map((q) => q.options)).toEqual(['', 'Pijn\nBloedverlies']);
    expect(toTemplateChange(values, kTemplate.version)).toEqual({ version: 2, name: 'Cyclusklachten', fields: kTemplate.fields });
  });

  it('names the organisation of a new template only when one was chosen', () => {
    const values: TemplateFormValues = { ...fromTemplate(kTemplate), organisationId: '' };
    expect('organisation_id' in toNewTemplate(values)).toBe(false);
    expect(toNewTemplate({ ...values, organisationId: '3' }).organisation_id).toBe(3);
  });
});

describe('missingAnswers', () => {
  it('names the missing parts of each question by its position', () => {
    const values: TemplateFormValues = {
      organisationId: '', specialty: '', name: ' ',
      questions: [{ ...newQuestion(), key: 'a', label: 'A' }, { ...newQuestion(), key: '', label: '' }],
    };
    expect(missingAnswers(values, 'nl', { creating: true })).toEqual({
      specialty: '‘Specialisme’ is verplicht.',
      name: '‘Naam van de vragenlijst’ is verplicht.',
      'fields.1.key': '‘Sleutel’ is verplicht.',
      'fields.1.label': '‘Vraag’ is verplicht.',
    });
  });

  it('asks for at least one question, and not for the specialty of a change', () => {
    const values: TemplateFormValues = { organisationId: '', specialty: '', name: 'X', questions: [] };
    expect(missingAnswers(values, 'en', { creating: false })).toEqual({ fields: '‘Questions’ is required.' });
  });
});
