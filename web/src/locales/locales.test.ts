// Every text the code asks for exists in Dutch and in English, and the two files have the same keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`),
  );
}

// i18next plural forms (stars_one, stars_other) answer for the plain key (stars).
function withoutPluralSuffix(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const srcDir = path.resolve(__dirname, '..');

describe('locales', () => {
  it('have the same keys in nl and en', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(nl as Tree).sort());
  });

  it('contain every literal key used in t()', () => {
    const known = new Set(keys(nl as Tree).map(withoutPluralSuffix));
    const missing: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!known.has(match[1]!)) missing.push(`${path.relative(srcDir, file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('name every status, sex, recommendation and outcome', () => {
    for (const group of ['status', 'sex', 'recommendation', 'outcome', 'mode', 'messageKind', 'role'] as const) {
      expect(Object.keys((nl as Tree)[group] as Tree).length).toBeGreaterThan(1);
    }
  });
});
