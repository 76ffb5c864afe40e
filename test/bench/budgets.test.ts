/** The bench scripts' own arithmetic and wording (issue 14); the timings themselves come from the scripts, never from jest. */
import { NOT_IN_FIRST_LOAD, excelSession, loadTimeOf, syncLine, type FileSize } from '../../scripts/bench-bundle';
import { RATIO_BUDGET, median, pairRatios } from '../../scripts/bench-score';

describe('bench-score', () => {
  it('takes the ratio of each pair, and the median of the ratios', () => {
    const bare = [{ wallMs: 40 }, { wallMs: 100 }, { wallMs: 50 }];
    const command = [{ wallMs: 80 }, { wallMs: 150 }, { wallMs: 200 }];
    expect(pairRatios(bare, command)).toEqual([2, 1.5, 4]);
    expect(median(pairRatios(bare, command))).toBe(2);
    expect(median([1, 3, 2, 4])).toBe(2.5);
    expect(() => pairRatios(bare, command.slice(1))).toThrow();
  });

  it('budgets 2.0× a bare Node start', () => {
    expect(RATIO_BUDGET).toBe(2);
  });
});

describe('bench-bundle', () => {
  it('sorts the scripts by when the page loads them', () => {
    expect(loadTimeOf('taskpane.1a2b3c4d.js', true)).toBe('first');
    expect(loadTimeOf('catalog-infosakkollen-2023-v1.1a2b3c4d.js', false)).toBe('catalog');
    expect(loadTimeOf('preview.1a2b3c4d.js', false)).toBe('preview');
    expect(loadTimeOf('write.1a2b3c4d.js', false)).toBe('writer');
    expect(loadTimeOf('123.1a2b3c4d.js', false)).toBe('writer');
  });

  it('counts an Excel session as the first load, the biggest catalog and the writer, never the preview', () => {
    const f = (file: string, gzipped: number, when: FileSize['when']): FileSize => ({ file, minified: 0, gzipped, when });
    expect(excelSession([f('t', 100, 'first'), f('c1', 20, 'catalog'), f('c2', 30, 'catalog'), f('w', 15, 'writer'), f('p', 50, 'preview')])).toBe(145);
  });

  it('keeps zod, the catalogs and the preview out of the first load, but not the catalog summaries', () => {
    const caught = (path: string) => NOT_IN_FIRST_LOAD.some((rule) => rule.pattern.test(path));
    expect(caught('/repo/node_modules/zod/v4/classic/schemas.js')).toBe(true);
    expect(caught('/repo/src/catalogs/generated/infosakkollen-2023-v1.json')).toBe(true);
    expect(caught('/repo/src/catalogs/itsakkollen-2023-msbfs2020-7-v1.json')).toBe(true);
    expect(caught('/repo/src/adapters/officejs/memory/memoryExcel.ts')).toBe(true);
    expect(caught('/repo/src/examples/exempelkommun.answers.json')).toBe(true);
    expect(caught('/repo/src/taskpane/preview.ts')).toBe(true);
    expect(caught('/repo/src/catalogs/generated/index.json')).toBe(false);
    expect(caught('/repo/src/core/catalog/registry.ts')).toBe(false);
  });

  it('prints a sync count as the issue words it', () => {
    const line = syncLine({ label: 'compute (second run)', syncs: 2, budget: 2, ms: 54, detail: '1 Excel.run' });
    expect(line).toMatch(/^compute \(second run\) 2 syncs +\(budget 2\)/);
    expect(syncLine({ label: 'read', syncs: 1, budget: 2, ms: 1, detail: '' })).toMatch(/^read 1 sync /);
  });
});
