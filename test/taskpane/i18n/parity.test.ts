import { en } from '../../../src/taskpane/i18n/en';
import { format, pickLocale } from '../../../src/taskpane/i18n';
import { sv } from '../../../src/taskpane/i18n/sv';

type Tree = { readonly [key: string]: string | Tree };

/** path → template, for every leaf. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('task pane texts sv/en', () => {
  const svLeaves = leaves(sv as Tree);
  const enLeaves = leaves(en as Tree);

  it('have the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...svLeaves.keys()].sort());
  });

  it('use the same placeholders in each text', () => {
    for (const [path, svText] of svLeaves) expect([path, placeholders(enLeaves.get(path) ?? '')]).toEqual([path, placeholders(svText)]);
  });

  it('have no empty text', () => {
    for (const [path, text] of [...svLeaves, ...enLeaves]) expect([path, text.trim().length > 0]).toEqual([path, true]);
  });

  it('keep the accessible name the issue asks for', () => {
    expect(sv.compute.button).toBe('Beräkna resultat');
    expect(sv.start.insert).toBe('Infoga frågeformulär');
    expect(sv.app.previewBadge).toBe('Förhandsvisning – ingen Excel ansluten');
  });

  it('name the agency as MCF (tidigare MSB)', () => {
    expect(sv.app.agency).toBe('MCF (tidigare MSB)');
    expect(en.app.agency).toBe('MCF (formerly MSB)');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} av {b} {c}', { a: 1, b: 'två' })).toBe('1 av två {c}');
  });
});

describe('pickLocale', () => {
  it.each([
    ['sv-SE', 'sv'],
    ['sv', 'sv'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['fi-FI', 'sv'],
    ['de-DE', 'sv'],
    [undefined, 'sv'],
    ['', 'sv'],
  ])('%s → %s', (language, locale) => {
    expect(pickLocale(language)).toBe(locale);
  });
});
