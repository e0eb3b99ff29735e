// Amounts are typed in euros as people write them and go to the API in cents; counts read as
// they are written.
import { describe, expect, it } from 'vitest';
import { eurosInput, formatEuros, parseCount, parseEuros } from './format';

describe('parseEuros', () => {
  it.each([
    ['25', 2500], ['25,5', 2550], ['25,50', 2550], ['25.05', 2505], ['€ 1 000,00', 100000], ['0', 0], [' 7,1 ', 710],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each(['', 'vijf', '25,505', '-3', '25,-', '1e3'])('refuses %j', (text) => {
    expect(parseEuros(text)).toBeNull();
  });
});

describe('eurosInput and formatEuros', () => {
  it('writes cents with a decimal comma for the text box', () => {
    expect(eurosInput(2500)).toBe('25,00');
    expect(eurosInput(705)).toBe('7,05');
    expect(parseEuros(eurosInput(123456))).toBe(123456);
  });

  it('writes an amount in the UI language', () => {
    expect(formatEuros(2500, 'nl').replace(/\s/g, ' ')).toBe('€ 25,00');
    expect(formatEuros(2500, 'en')).toBe('€25.00');
  });
});

describe('parseCount', () => {
  it('reads whole numbers and nothing else', () => {
    expect(parseCount(' 4 ')).toBe(4);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('')).toBeNull();
    expect(parseCount('4,5')).toBeNull();
    expect(parseCount('vier')).toBeNull();
  });
});
