// Autosave does not send a draft that lacks an `always` answer (the server would refuse it): the
// emptied field gets the server's sentence, and the refusal goes once the answer is back. It waits
// for the pool's template to be known, and then sends the answers to it along.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/i18n';
import { updateDraft } from '../api';
import { kCycleTemplate } from '../../region/regionFixture';
import { kEmptyConsultForm, type ConsultFormValues } from './consultFormValues';
import { kAutosaveDelayMs, useAutosave } from './useAutosave';

vi.mock('../api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api')>()),
  updateDraft: vi.fn(),
}));

const kSaved: ConsultFormValues = {
  ...kEmptyConsultForm, specialty: 'dermatologie', mode: 'digital', birthYear: '1979', sex: 'female',
  icpc: { code: 'S88', description: 'Eczeem' }, question: 'Handeczeem?',
};

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

describe('useAutosave', () => {
  beforeEach(async () => {
    vi.useFakeTimers();
    vi.mocked(updateDraft).mockReset().mockResolvedValue({} as never);
    await i18n.changeLanguage('nl');
  });
  afterEach(() => vi.useRealTimers());

  it('names an emptied required field instead of saving, and saves once it is answered', async () => {
    const hook = renderHook(({ values }) => useAutosave({ draftId: 5, values, paused: false, onSaved: () => {} }), {
      wrapper, initialProps: { values: kSaved },
    });
    hook.rerender({ values: { ...kSaved, question: '' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(kAutosaveDelayMs); });
    expect(hook.result.current).toEqual({
      state: 'error', placed: { fieldErrors: { question: '‘Vraag aan de specialist’ is verplicht.' }, actionError: null },
    });
    expect(updateDraft).not.toHaveBeenCalled();

    hook.rerender({ values: kSaved });
    await act(async () => { await vi.advanceTimersByTimeAsync(kAutosaveDelayMs); });
    expect(hook.result.current.state).toBe('idle');
    expect(updateDraft).not.toHaveBeenCalled();

    hook.rerender({ values: { ...kSaved, question: 'Handeczeem: eerst behandelen?' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(kAutosaveDelayMs); });
    expect(updateDraft).toHaveBeenCalledTimes(1);
    expect(hook.result.current.state).toBe('saved');
  });

  it('does not ask for what only sending needs', async () => {
    const hook = renderHook(({ values }) => useAutosave({ draftId: 5, values, paused: false, onSaved: () => {} }), {
      wrapper, initialProps: { values: kSaved },
    });
    hook.rerender({ values: { ...kSaved, clinicalSummary: 'Kloven.', consent: false, intendedReferral: '' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(kAutosaveDelayMs); });
    expect(updateDraft).toHaveBeenCalledTimes(1);
  });

  it('waits for the template, does not count its arrival as a change, then sends the answers along', async () => {
    const values = { ...kSaved, templateAnswers: { cyclusduur: '28' } };
    const hook = renderHook(({ values, known }) => useAutosave({
      draftId: 5, values, template: known ? kCycleTemplate : null, templateKnown: known, paused: false, onSaved: () => {},
    }), { wrapper, initialProps: { values, known: false } });
    hook.rerender({ values: { ...values, templateAnswers: { cyclusduur: '29' } }, known: false });
    await act(async () => { await vi.advanceTimersByTimeAsync(kAutosaveDelayMs); });
    expect(updateDraft).not.toHaveBeenCalled();

    hook.rerender({ values: { ...values, templateAnswers: { cyclusduur: '29' } }, known: true });
    await act(async () => { await vi.advanceTimersByTimeAsync(kAutosaveDelayMs); });
    expect(updateDraft).not.toHaveBeenCalled();

    hook.rerender({ values: { ...values, templateAnswers: { cyclusduur: '30' } }, known: true });
    await act(async () => { await vi.advanceTimersByTimeAsync(kAutosaveDelayMs); });
    expect(updateDraft).toHaveBeenCalledTimes(1);
    expect(vi.mocked(updateDraft).mock.calls[0]![1].template_answers).toEqual({ cyclusduur: 30 });
  });
});
