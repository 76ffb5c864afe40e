import catalogJson from '../../../src/catalogs/infosakkollen-2023-v1.json';
import { CatalogError, loadCatalog } from '../../../src/core/catalog/load';
import { clone, smallCatalogSpec } from '../../helpers/catalogSpec';

const real = () => clone(catalogJson) as Record<string, any>;

/** Loads and returns the CatalogError (fails the test if nothing is thrown). */
function errorOf(data: unknown): CatalogError {
  try {
    loadCatalog(data);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogError);
    return e as CatalogError;
  }
  throw new Error('loadCatalog did not throw');
}

describe('loadCatalog: a valid catalog', () => {
  it('loads the shipped catalog data', () => {
    const c = loadCatalog(real());
    expect(c.questions).toHaveLength(40);
  });

  it('expands option sets before the question’s own options and appends standard options in order', () => {
    const c = loadCatalog(
      smallCatalogSpec([
        { level: 1, area: 'AA', kind: 'band', standard: ['u', 'n'] },
        { level: 1, area: 'BB', kind: 'aspect', standard: ['y', 'n'] },
      ]),
    );
    expect(c.question(1)!.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'u', 'n']);
    expect(c.question(1)!.options.map((o) => o.points)).toEqual([5, 4, 3, 2, 1, 0, 0]);
    expect(c.question(2)!.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'y', 'n']);
    expect(c.maxLevel).toBe(1);
  });

  it('uses a question’s standardText instead of the shared standard text', () => {
    const spec = smallCatalogSpec([{ level: 1, area: 'AA', kind: 'aspect', standard: ['y', 'n'] }], ['AA']);
    spec.questions[0].standardText = { y: { sv: 'Ja, men inget av det', en: 'Yes, but none' } };
    const c = loadCatalog(spec);
    expect(c.question(1)!.options.find((o) => o.id === 'y')!.text.sv).toBe('Ja, men inget av det');
    expect(c.question(1)!.options.find((o) => o.id === 'n')!.text.sv).toBe('Nej');
  });
});

describe('loadCatalog: a broken catalog throws CatalogError naming the path', () => {
  it('missing field: a question without its area', () => {
    const data = real();
    delete data.questions[4].area;
    const e = errorOf(data);
    expect(e.problems.some((p) => p.startsWith('questions.4.area'))).toBe(true);
    expect(e.message).toContain('questions.4.area');
  });

  it('missing field: a question without its activity', () => {
    const data = real();
    delete data.questions[39].activity;
    expect(errorOf(data).message).toContain('questions.39.activity');
  });

  it('missing field at the top level (rules)', () => {
    const data = real();
    delete data.rules;
    expect(errorOf(data).message).toContain('rules');
  });

  it('missing English text of an option', () => {
    const data = real();
    delete data.questions[0].options[2].text.en;
    expect(errorOf(data).message).toContain('questions.0.options.2.text.en');
  });

  it('an unknown property is refused (strict schema)', () => {
    const data = real();
    data.questions[1].poäng = 7;
    expect(errorOf(data).message).toContain('questions.1');
  });

  it('duplicate option id in a question', () => {
    const data = real();
    data.questions[0].options[1].id = 'a';
    const e = errorOf(data);
    expect(e.message).toMatch(/questions\.0 \(Q1\)/);
    expect(e.message).toMatch(/repeat/i);
  });

  it('duplicate option id between an option set and the question’s own options', () => {
    const data = real();
    // Q4 uses ARB (a–e); adding an own aspect "c" collides.
    data.questions[3].options = [{ id: 'c', kind: 'aspect', text: { sv: 'x', en: 'x' } }];
    expect(errorOf(data).message).toMatch(/questions\.3 \(Q4\)/);
  });

  it('unknown work area', () => {
    const data = real();
    data.questions[6].area = 'XX';
    const e = errorOf(data);
    expect(e.message).toMatch(/questions\.6 \(Q7\)/);
    expect(e.message).toContain('XX');
  });

  it('band option without points', () => {
    const data = real();
    delete data.rules.bandPoints.c;
    const e = errorOf(data);
    // every band question (Q3 first) names its band option c
    expect(e.message).toMatch(/questions\.2 \(Q3\).*\bc\b/);
    expect(e.message).toMatch(/questions\.38 \(Q39\)/);
  });

  it('an area without a level-1 question', () => {
    const data = real();
    // SF has Q12 (level 1) and Q21 (level 2): lift Q12 to level 2.
    data.questions[11].level = 2;
    const e = errorOf(data);
    expect(e.message).toContain('areas.SF');
  });

  it('an area with no questions at all has no level-1 question', () => {
    const data = real();
    data.areas.push({ id: 'ZZ', name: { sv: 'Tomt', en: 'Empty' } });
    expect(errorOf(data).message).toContain('areas.ZZ');
  });

  it('questions out of order', () => {
    const data = real();
    data.questions[9].number = 11;
    expect(errorOf(data).message).toMatch(/questions\.9/);
  });

  it('a level outside 1–4', () => {
    const data = real();
    data.questions[0].level = 5;
    expect(errorOf(data).message).toContain('questions.0.level');
  });

  it('unknown option set', () => {
    const data = real();
    data.questions[2].optionSet = 'NOPE';
    expect(errorOf(data).message).toMatch(/questions\.2 \(Q3\).*NOPE/);
  });

  it('a question mixing aspect and band options', () => {
    const data = real();
    data.questions[2].options = [{ id: 'f', kind: 'aspect', text: { sv: 'x', en: 'x' } }];
    expect(errorOf(data).message).toMatch(/questions\.2 \(Q3\)/);
  });

  it('reports every problem, not only the first', () => {
    const data = real();
    data.questions[0].options[1].id = 'a';
    data.questions[6].area = 'XX';
    const e = errorOf(data);
    expect(e.problems.length).toBeGreaterThanOrEqual(2);
    expect(e.message).toMatch(/Q1/);
    expect(e.message).toMatch(/Q7/);
  });

  it('a non-object is refused', () => {
    expect(errorOf(null)).toBeInstanceOf(CatalogError);
    expect(errorOf([])).toBeInstanceOf(CatalogError);
  });
});
