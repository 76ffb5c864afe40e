import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssue, fill, messages } from '../../../src/i18n';

/** Leaf key paths of a nested message object. */
function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const get = (o: any, path: string) => path.split('.').reduce((x, k) => x?.[k], o);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** IssueCode members, read from the type’s source so a new code cannot be forgotten. */
function issueCodes(): string[] {
  const src = readFileSync(join(__dirname, '../../../src/core/answers/types.ts'), 'utf8');
  const block = src.slice(src.indexOf('export type IssueCode'));
  const body = block.slice(0, block.indexOf(';'));
  return [...body.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
}

describe('i18n', () => {
  it('sv and en have exactly the same keys', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.sv).sort());
    expect(keys(messages.sv).length).toBeGreaterThan(10);
  });

  it('every text is non-empty and uses the same placeholders in both locales', () => {
    for (const k of keys(messages.sv)) {
      const sv = get(messages.sv, k);
      const en = get(messages.en, k);
      expect(typeof sv).toBe('string');
      expect(typeof en).toBe('string');
      expect(sv.trim().length).toBeGreaterThan(0);
      expect(en.trim().length).toBeGreaterThan(0);
      expect(placeholders(en)).toEqual(placeholders(sv));
    }
  });

  it('every IssueCode has a message in sv and en', () => {
    const codes = issueCodes();
    expect(codes).toEqual(expect.arrayContaining(['unknown-question', 'bad-certainty', 'missing-certainty']));
    expect(codes.length).toBe(12);
    for (const code of codes) {
      expect((messages.sv.issue as Record<string, string>)[code]).toBeDefined();
      expect((messages.en.issue as Record<string, string>)[code]).toBeDefined();
    }
  });

  it('describeIssue fills question, option and params, in Swedish by default', () => {
    const text = describeIssue({ code: 'unknown-option', question: 4, option: 'x', params: { valid: 'a, b' } });
    expect(text).toContain('4');
    expect(text).toContain('"x"');
    expect(text).toContain('a, b');
    expect(text).toMatch(/^Fråga/);
    expect(describeIssue({ code: 'unknown-question', question: '41' }, 'en')).toBe('Question 41 is not in the catalog.');
    expect(describeIssue({ code: 'missing-sheet', sheet: 'Frågor', cell: 'B3', params: { sheet: 'Frågor' } })).toMatch(/^Frågor!B3: /);
  });

  it('fill leaves unknown placeholders as they are', () => {
    expect(fill('{a} och {b}', { a: 1 })).toBe('1 och {b}');
  });
});
