import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAllForms, forgetForm, hasSavedForm, loadForm, saveForm } from './formMemory';

describe('form memory', () => {
  beforeEach(() => sessionStorage.clear());

  it('restores what was typed', () => {
    saveForm(sessionStorage, 'new-consult', { question: 'Eczeem?', birthYear: '1979' });
    expect(loadForm(sessionStorage, 'new-consult', { question: '', birthYear: '', consent: false })).toEqual({
      question: 'Eczeem?',
      birthYear: '1979',
      consent: false,
    });
  });

  it('falls back when nothing or garbage was saved', () => {
    expect(loadForm(sessionStorage, 'x', { a: 1 })).toEqual({ a: 1 });
    sessionStorage.setItem('meekijk.form.x', '[1,2]');
    expect(loadForm(sessionStorage, 'x', { a: 1 })).toEqual({ a: 1 });
    sessionStorage.setItem('meekijk.form.x', '{oops');
    expect(loadForm(sessionStorage, 'x', { a: 1 })).toEqual({ a: 1 });
  });

  it('forgets one form or all, leaving other keys alone', () => {
    saveForm(sessionStorage, 'a', { v: 1 });
    saveForm(sessionStorage, 'b', { v: 2 });
    sessionStorage.setItem('other', 'keep');
    forgetForm(sessionStorage, 'a');
    expect(hasSavedForm(sessionStorage, 'a')).toBe(false);
    expect(hasSavedForm(sessionStorage, 'b')).toBe(true);
    forgetAllForms(sessionStorage);
    expect(hasSavedForm(sessionStorage, 'b')).toBe(false);
    expect(sessionStorage.getItem('other')).toBe('keep');
  });
});
