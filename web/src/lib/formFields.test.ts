// The form field catalogue as the web app reads it: parsed like the server parses it, labels in
// both languages, the server's sentence for a missing answer, and which answers a draft and a
// send need. Also: every field a screen names through useFormFields is in the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fieldLabel, fieldRequirement, formFieldsOf, isComplete, missingAnswerMessage, missingAnswerMessages,
  missingFields, parseFormFields,
} from './formFields';

const kSample = [
  '# a comment, then a blank line',
  '',
  'demo\tpart\talways\tOnderdeel\tPart',
  'demo\tpart.a\talways\tA\tA',
  'demo\tnote\toptional\tNotitie\tNote',
  'demo\tok\tto_send\tAkkoord\tAgreed\r',
].join('\n');

describe('parseFormFields', () => {
  it('reads form, field, requirement and both labels, skipping comments and blank lines', () => {
    expect(parseFormFields(kSample)).toEqual([
      { form: 'demo', name: 'part', requirement: 'always', label: { nl: 'Onderdeel', en: 'Part' } },
      { form: 'demo', name: 'part.a', requirement: 'always', label: { nl: 'A', en: 'A' } },
      { form: 'demo', name: 'note', requirement: 'optional', label: { nl: 'Notitie', en: 'Note' } },
      { form: 'demo', name: 'ok', requirement: 'to_send', label: { nl: 'Akkoord', en: 'Agreed' } },
    ]);
  });

  it('refuses a line with a wrong column count or an unknown requirement', () => {
    expect(() => parseFormFields('demo\tpart\talways\tOnderdeel')).toThrow(/5 columns/);
    expect(() => parseFormFields('demo\tpart\tsometimes\tOnderdeel\tPart')).toThrow(/unknown requirement/);
  });

  it('finds what is missing in a parsed catalogue, parts instead of their object', () => {
    const catalogue = parseFormFields(kSample);
    expect(missingFields('demo', { 'part.a': '', ok: false }, 'draft', catalogue)).toEqual(['part.a']);
    expect(missingFields('demo', { 'part.a': 'x', ok: false }, 'send', catalogue)).toEqual(['ok']);
    expect(missingFields('demo', { 'part.a': 'x', ok: true }, 'send', catalogue)).toEqual([]);
  });
});

describe('the catalogue', () => {
  it('holds the forms of the app in screen order', () => {
    expect(formFieldsOf('close').map((f) => f.name)).toEqual(['outcome', 'learned', 'rating']);
    expect(formFieldsOf('login').map((f) => f.name)).toEqual(['username', 'password']);
    expect(formFieldsOf('nonsense')).toEqual([]);
  });

  it('labels a field in Dutch and in English, and an unknown one by its name as the server does', () => {
    expect(fieldLabel('close', 'learned', 'nl')).toBe('Heeft u er iets van geleerd?');
    expect(fieldLabel('close', 'learned', 'en')).toBe('Did you learn something from it?');
    expect(fieldLabel('consult', 'patient.birth_year', 'en')).toBe('Year of birth');
    expect(fieldLabel('close', 'nonsense', 'nl')).toBe('nonsense');
  });

  it('words a missing answer as the server does', () => {
    expect(missingAnswerMessage('close', 'learned', 'nl')).toBe('‘Heeft u er iets van geleerd?’ is verplicht.');
    expect(missingAnswerMessage('close', 'learned', 'en')).toBe('‘Did you learn something from it?’ is required.');
    expect(missingAnswerMessage('login', 'password', 'nl')).toBe('‘Wachtwoord’ is verplicht.');
  });

  it('knows which answers are required and when', () => {
    expect(fieldRequirement('close', 'learned')).toBe('always');
    expect(fieldRequirement('consult', 'consent')).toBe('to_send');
    expect(fieldRequirement('consult', 'clinical_summary')).toBe('optional');
  });
});

describe('missingFields', () => {
  const kCompleteDraft = {
    specialty: 'dermatologie', mode: '', 'patient.birth_year': '1979', 'patient.sex': 'female', icpc: 'S88',
    question: 'Eczeem?', clinical_summary: '', intended_referral: '', consent: false,
  };

  it('names every unanswered required field of a form in screen order', () => {
    expect(missingFields('close', { outcome: '', learned: '', rating: '' })).toEqual(['outcome', 'learned', 'rating']);
    expect(missingFields('close', { outcome: 'referred', learned: 'no', rating: '' })).toEqual(['rating']);
  });

  it('counts blank text as no answer', () => {
    expect(missingFields('decline', { reason: '  \n ' })).toEqual(['reason']);
    expect(missingFields('decline', { reason: 'Buiten ons vak.' })).toEqual([]);
  });

  it('lets a draft lack what only sending needs', () => {
    expect(missingFields('consult', kCompleteDraft, 'draft')).toEqual([]);
  });

  it('requires consent given and the referral question answered to send', () => {
    expect(missingFields('consult', kCompleteDraft, 'send')).toEqual(['intended_referral', 'consent']);
    expect(missingFields('consult', { ...kCompleteDraft, intended_referral: 'no', consent: true }, 'send')).toEqual([]);
  });

  it('checks the parts of the patient, not the patient object itself', () => {
    const lacking = { ...kCompleteDraft, 'patient.birth_year': '', 'patient.sex': '' };
    expect(missingFields('consult', lacking, 'draft')).toEqual(['patient.birth_year', 'patient.sex']);
  });

  it('gives the sentence for each missing field, by field', () => {
    const missing = missingAnswerMessages('close', { outcome: 'referred', learned: '', rating: '3' }, 'draft', 'en');
    expect(missing).toEqual({ learned: '‘Did you learn something from it?’ is required.' });
    expect(isComplete(missing)).toBe(false);
    expect(isComplete(missingAnswerMessages('close', { outcome: 'referred', learned: 'yes', rating: '3' }, 'draft', 'nl'))).toBe(true);
  });
});

// A field named on screen but absent from the catalogue would show its API name as its label.
describe('the screens', () => {
  const srcDir = path.resolve(__dirname, '..');
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });

  it('name only fields the catalogue has', () => {
    const unknown: string[] = [];
    let named = 0;
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      for (const [, variable, form] of text.matchAll(/const (\w+) = useFormFields\('(\w+)'\)/g)) {
        for (const [, name] of text.matchAll(new RegExp(`\\b${variable}\\.(?:label|text|required)\\('([\\w.]+)'\\)`, 'g'))) {
          named += 1;
          if (!formFieldsOf(form!).some((field) => field.name === name)) unknown.push(`${path.relative(srcDir, file)}: ${form}.${name}`);
        }
      }
    }
    expect(unknown).toEqual([]);
    expect(named).toBeGreaterThan(30);
  });
});
