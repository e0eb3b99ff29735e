import { describe, expect, it } from 'vitest';
import { safeNextPath } from './LoginPage';

describe('safeNextPath', () => {
  it('follows paths inside the app', () => {
    expect(safeNextPath('/consults/5')).toBe('/consults/5');
    expect(safeNextPath('/outbox?status=draft')).toBe('/outbox?status=draft');
  });

  it('refuses other sites and loops', () => {
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/login?next=/x')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
