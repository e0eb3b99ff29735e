import { describe, expect, it } from 'vitest';
import { groupSecret, normaliseOtp } from './otp';

describe('normaliseOtp', () => {
  it('drops the spaces of a code as some apps show it', () => {
    expect(normaliseOtp(' 123 456 ')).toBe('123456');
  });

  it('leaves a recovery code as typed, dashes and all (the server ignores them)', () => {
    expect(normaliseOtp('abcd-EFGH-ijkl-MNOP')).toBe('abcd-EFGH-ijkl-MNOP');
  });
});

describe('groupSecret', () => {
  it('groups a secret by four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJB')).toBe('JBSW Y3DP EHPK 3PXP JB');
  });
});
