// The answers to a pool's template go to the server as it reads them — numbers as numbers (a
// decimal comma too), yes/no as true/false, only the template's own questions, nothing for an
// unanswered or a photo question — and sending without a required answer is refused with the
// server's own sentence.
import { describe, expect, it } from 'vitest';
import type { TemplateVersion } from '../api';
import { answerTexts, missingTemplateAnswers, parseDecimal, templateAnswersBody, templateFormFields } from './templateAnswers';

const kTemplate: TemplateVersion = {
  id: 4, version: 2, name: 'Cyclusklachten', specialty: 'gynaecologie',
  fields: [
    { key: 'cyclusduur', label: 'Cyclusduur', help: '', type: 'number', required: true, unit: 'dagen', options: [] },
    { key: 'pijn', label: 'Pijn bij de menstruatie?', help: '', type: 'yes_no', required: false, unit: null, options: [] },
    { key: 'beloop', label: 'Beloop', help: '', type: 'text', required: false, unit: null, options: [] },
    { key: 'soort', label: 'Soort', help: '', type: 'choice', required: false, unit: null, options: ['Pijn', 'Bloedverlies'] },
    { key: 'sinds', label: 'Sinds', help: '', type: 'date', required: false, unit: null, options: [] },
    { key: 'echo', label: 'Echo', help: '', type: 'photo', required: true, unit: null, options: [] },
  ],
};

describe('templateAnswersBody', () => {
  it('sends each kind of answer as the server reads it', () => {
    expect(templateAnswersBody(kTemplate, {
      cyclusduur: '28,5', pijn: 'no', beloop: 'Wisselend', soort: 'Pijn', sinds: '2026-05-01', echo: 'ignored', ander: 'x',
    })).toEqual({ cyclusduur: 28.5, pijn: false, beloop: 'Wisselend', soort: 'Pijn', sinds: '2026-05-01' });
  });

  it('leaves unanswered questions out, and a number that is not one as typed for the server to refuse', () => {
    expect(templateAnswersBody(kTemplate, { cyclusduur: ' achtentwintig ', pijn: '', beloop: '   ' })).toEqual({ cyclusduur: 'achtentwintig' });
  });
});

describe('parseDecimal', () => {
  it('reads a comma or a point', () => {
    expect(parseDecimal('28')).toBe(28);
    expect(parseDecimal(' -1,25 ')).toBe(-1.25);
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal('1,5,5')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });
});

describe('answerTexts', () => {
  it("gives the form's texts for a saved consult's answers", () => {
    expect(answerTexts({ cyclusduur: 28, pijn: true, beloop: 'x' })).toEqual({ cyclusduur: '28', pijn: 'yes', beloop: 'x' });
    expect(answerTexts(null)).toEqual({});
  });
});

describe('missingTemplateAnswers', () => {
  it('names a missing required answer and a missing attachment, in Dutch and English', () => {
    expect(missingTemplateAnswers(kTemplate, { cyclusduur: ' ' }, 0, 'nl')).toEqual({
      'template_answers.cyclusduur': '„Cyclusduur” is verplicht.',
      'template_answers.echo': '„Echo”: voeg een bijlage toe voor het versturen.',
    });
    expect(missingTemplateAnswers(kTemplate, {}, 0, 'en')['template_answers.cyclusduur']).toBe('"Cyclusduur" is required.');
  });

  it('lets any attachment answer a photo question, and asks nothing without a template', () => {
    expect(missingTemplateAnswers(kTemplate, { cyclusduur: '28' }, 1, 'nl')).toEqual({});
    expect(missingTemplateAnswers(null, {}, 0, 'nl')).toEqual({});
  });
});

describe('templateFormFields', () => {
  it("names the template's answers as the server's errors do", () => {
    expect(templateFormFields(kTemplate).slice(0, 3)).toEqual(['template_answers', 'template_answers.cyclusduur', 'template_answers.pijn']);
    expect(templateFormFields(null)).toEqual([]);
  });
});
