// The form state hook restores typing after the component is gone (e.g. a session expiry took the
// user to the login page) and forgets it when asked.
import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePersistentForm } from './usePersistentForm';

describe('usePersistentForm', () => {
  beforeEach(() => sessionStorage.clear());

  it('restores the values in a new mount', () => {
    const first = renderHook(() => usePersistentForm('test', { question: '', year: '' }));
    act(() => first.result.current.update({ question: 'Eczeem?' }));
    first.unmount();
    const second = renderHook(() => usePersistentForm('test', { question: '', year: '' }));
    expect(second.result.current.value).toEqual({ question: 'Eczeem?', year: '' });
  });

  it('starts again after reset', () => {
    const first = renderHook(() => usePersistentForm('test', { question: '' }));
    act(() => first.result.current.update({ question: 'Eczeem?' }));
    act(() => first.result.current.reset());
    expect(first.result.current.value).toEqual({ question: '' });
    first.unmount();
    expect(renderHook(() => usePersistentForm('test', { question: '' })).result.current.value.question).toBe('');
  });
});
