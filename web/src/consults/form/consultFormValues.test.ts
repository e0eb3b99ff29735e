import { describe, expect, it } from 'vitest';
import type { Consult } from '../api';
import { missingFields } from '../../lib/formFields';
import { kCycleTemplate } from '../../region/regionFixture';
import { answersByField, fromConsult, kEmptyConsultForm, toNewConsult, type ConsultFormValues } from './consultFormValues';

const typed: ConsultFormValues = {
  ...kEmptyConsultForm,
  specialty: 'dermatologie',
  mode: 'digital',
  birthYear: '1979',
  sex: 'female',
  icpc: { code: 'S88', description: 'Contactdermatitis/ander eczeem' },
  question: 'Handeczeem?',
  clinicalSummary: 'Kloven.',
  intendedReferral: 'yes',
  consent: true,
};

describe('toNewConsult', () => {
  it('maps typed values onto the API body', () => {
    expect(toNewConsult(typed, true)).toEqual({
      specialty: 'dermatologie',
      mode: 'digital',
      patient: { birth_year: 1979, sex: 'female', name: undefined, birth_date: undefined, bsn: undefined },
      icpc: 'S88',
      question: 'Handeczeem?',
      clinical_summary: 'Kloven.',
      intended_referral: true,
      consent: true,
      send: true,
    });
  });

  it('sends identifying data only when the toggle is on', () => {
    const values = { ...typed, name: 'J. Jansen', bsn: '1112 22 333' };
    expect(toNewConsult(values, false).patient.name).toBeUndefined();
    const shown = toNewConsult({ ...values, identifying: true }, false).patient;
    expect(shown.name).toBe('J. Jansen');
    expect(shown.bsn).toBe('111222333');
  });

  it('sends the chosen pool and only the answers to its template', () => {
    const values = { ...typed, poolId: '7', templateAnswers: { cyclusduur: '28', pijn: 'yes', jeuk: 'no' } };
    const body = toNewConsult(values, false, kCycleTemplate);
    expect(body.pool_id).toBe(7);
    expect(body.template_answers).toEqual({ cyclusduur: 28, pijn: true });
    expect(toNewConsult(values, false).template_answers).toBeUndefined();
    expect(toNewConsult(typed, false).pool_id).toBeUndefined();
  });

  it('leaves unanswered questions for the server to judge', () => {
    const body = toNewConsult(kEmptyConsultForm, false);
    expect(body.intended_referral).toBeNull();
    expect(body.patient.birth_year).toBe(0);
    expect(body.icpc).toBe('');
    expect(body.mode).toBeUndefined();
  });
});

describe('answersByField', () => {
  it("names the answers as the catalogue does, so a complete form lacks nothing to send", () => {
    expect(missingFields('consult', answersByField(typed), 'send')).toEqual([]);
  });

  it('lets an empty form lack every required answer, the ones for sending only when sending', () => {
    const empty = answersByField(kEmptyConsultForm);
    const always = ['specialty', 'patient.birth_year', 'patient.sex', 'icpc', 'question'];
    expect(missingFields('consult', empty, 'draft')).toEqual(always);
    expect(missingFields('consult', empty, 'send')).toEqual([...always, 'intended_referral', 'consent']);
  });
});

describe('fromConsult', () => {
  it('round-trips a saved draft', () => {
    const consult = {
      specialty: 'dermatologie', mode: 'digital', icpc: 'S88', icpc_description: 'Contactdermatitis/ander eczeem',
      patient: { birth_year: 1979, sex: 'female', name: null, birth_date: null, bsn: null },
      question: 'Handeczeem?', clinical_summary: 'Kloven.', intended_referral: true, consent: true,
    } as unknown as Consult;
    expect(fromConsult(consult)).toEqual(typed);
  });

  it("keeps a draft's pool and its answers to the template", () => {
    const consult = {
      specialty: 'gynaecologie', mode: 'digital', icpc: '', icpc_description: null, pool: { id: 7, name: 'Gynaecologie Ikazia' },
      patient: { birth_year: 1991, sex: 'female' }, question: 'Q', clinical_summary: '', intended_referral: null, consent: false,
      template_answers: { cyclusduur: 28.5, pijn: false },
    } as unknown as Consult;
    expect(fromConsult(consult)).toMatchObject({ poolId: '7', templateAnswers: { cyclusduur: '28.5', pijn: 'no' } });
  });
});
