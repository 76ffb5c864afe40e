/**
 * STYLE 2: components get effects through props. Nothing under src/taskpane/components imports an
 * adapter or touches the Office.js globals, so tests and the preview can render them with fakes;
 * only index.tsx calls Office.onReady.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const TASKPANE = join(__dirname, '..', '..', 'src', 'taskpane');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Source without comments, so a comment may mention Office. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const imports = (source: string): string[] => [...source.matchAll(/\bfrom\s+'([^']+)'|import\(\s*(?:\/\*.*?\*\/\s*)?'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]);

describe('task pane layering', () => {
  const components = files(join(TASKPANE, 'components'));

  it('has components to check', () => {
    expect(components.length).toBeGreaterThan(5);
  });

  it.each(components.map((p) => [relative(TASKPANE, p), p]))('%s imports no adapter, exceljs or Node module', (_name, path) => {
    for (const spec of imports(code(path))) {
      expect([spec, /adapters\/|exceljs|jszip|^node:|^fs$|^path$/.test(spec)]).toEqual([spec, false]);
      // The use cases are reached through props; actions.ts is where the adapters are.
      expect([spec, /\/actions$|\/officeHost$|\/preview$/.test(spec)]).toEqual([spec, false]);
    }
  });

  it.each(components.map((p) => [relative(TASKPANE, p), p]))('%s does not touch Office or Excel', (_name, path) => {
    expect(code(path)).not.toMatch(/\b(Office|Excel)\s*\./);
  });

  it('calls Office.onReady in index.tsx only', () => {
    const callers = files(TASKPANE).filter((p) => /Office\.onReady/.test(code(p)));
    expect(callers.map((p) => relative(TASKPANE, p))).toEqual(['index.tsx']);
  });

  it('keeps the Excel entry free of the preview (memory Excel and example answers load on demand)', () => {
    const index = imports(code(join(TASKPANE, 'index.tsx')));
    expect(index.filter((s) => /memory|examples|\.\/preview$/.test(s))).toEqual(['./preview']);
    expect(code(join(TASKPANE, 'index.tsx'))).toMatch(/await import\(\s*'\.\/preview'\s*\)/);
  });
});
