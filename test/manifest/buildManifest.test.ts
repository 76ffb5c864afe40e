/**
 * The two command lines around the production manifest, run as `npm run build` and `npm run
 * validate` run them: scripts/build-manifest.ts (BASE_URL, NEW_ADDIN_ID) and
 * scripts/validate-manifest.ts (the development manifest, and dist/manifest.xml when it exists).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const DEV_ID = 'ee283118-d7f1-4909-b203-833075b1268a';

interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function script(name: string, args: readonly string[], env: Record<string, string>, cwd: string): Result {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const key of ['BASE_URL', 'NEW_ADDIN_ID']) if (!(key in env)) delete environment[key];
  const result = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', name), ...args], { cwd, env: environment, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project folder as after `npm run build:web`: manifest.xml, assets/ and dist/ with the pages and icons. */
function project() {
  const tmp = tempDir();
  copyFileSync(join(ROOT, 'manifest.xml'), join(tmp.dir, 'manifest.xml'));
  for (const dir of ['assets', 'dist/assets']) {
    mkdirSync(join(tmp.dir, dir), { recursive: true });
    for (const size of [16, 32, 64, 80]) copyFileSync(join(ROOT, 'assets', `icon-${size}.png`), join(tmp.dir, dir, `icon-${size}.png`));
  }
  for (const page of ['taskpane.html', 'support.html', 'support-en.html']) writeFileSync(join(tmp.dir, 'dist', page), '<!doctype html>');
  return tmp;
}

const built = (dir: string) => join(dir, 'dist', 'manifest.xml');

describe('scripts/build-manifest.ts', () => {
  let tmp: ReturnType<typeof project>;
  beforeEach(() => {
    tmp = project();
  });
  afterEach(() => tmp.cleanup());

  it('without BASE_URL writes nothing and says so', () => {
    const run = script('build-manifest.ts', [], {}, tmp.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no BASE_URL, so no production manifest written');
    expect(existsSync(built(tmp.dir))).toBe(false);
  });

  it('with BASE_URL writes dist/manifest.xml on that base, keeping the Id, and `validate` accepts both manifests', () => {
    const run = script('build-manifest.ts', [], { BASE_URL: 'https://infosak.example.se/addin/' }, tmp.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^dist\/manifest\.xml: written for https:\/\/infosak\.example\.se\/addin\/ \(Infosäkkollen 1\.0\.0\.0, Id ee283118/);
    const xml = readFileSync(built(tmp.dir), 'utf8');
    expect(xml).toContain('<SourceLocation DefaultValue="https://infosak.example.se/addin/taskpane.html"/>');
    expect(xml).toContain(`<Id>${DEV_ID}</Id>`);
    expect(xml).not.toContain('localhost');

    const validate = script('validate-manifest.ts', [], {}, tmp.dir);
    expect(validate.code).toBe(0);
    expect(validate.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^manifest\.xml: OK \(Infosäkkollen/),
      expect.stringMatching(/^dist\/manifest\.xml: OK \(production, Infosäkkollen/),
    ]);
  });

  it('NEW_ADDIN_ID=1 gives a fresh Id', () => {
    const run = script('build-manifest.ts', [], { BASE_URL: 'https://infosak.example.se/addin/', NEW_ADDIN_ID: '1' }, tmp.dir);
    expect(run.code).toBe(0);
    const id = /<Id>([^<]*)<\/Id>/.exec(readFileSync(built(tmp.dir), 'utf8'))?.[1];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(DEV_ID);
    expect(run.stdout).toContain(', a new Id)');
  });

  it.each([
    [{ BASE_URL: 'http://infosak.example.se/addin/' }, 'build-manifest: BASE_URL "http://infosak.example.se/addin/" is not https'],
    [{ BASE_URL: 'https://localhost:3000/' }, 'names this computer (localhost)'],
    [{ BASE_URL: 'https://infosak.example.se/addin/', NEW_ADDIN_ID: 'yes' }, 'NEW_ADDIN_ID is "yes"; expected 1'],
  ])('refuses %j without writing anything', (env, message) => {
    const run = script('build-manifest.ts', [], env, tmp.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(existsSync(built(tmp.dir))).toBe(false);
  });

  it('refuses when an icon the manifest names is not in the built folder', () => {
    rmSync(join(tmp.dir, 'dist', 'assets', 'icon-80.png'));
    const run = script('build-manifest.ts', [], { BASE_URL: 'https://infosak.example.se/addin/' }, tmp.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('image "https://infosak.example.se/addin/assets/icon-80.png" has no file assets/icon-80.png');
    expect(run.stderr).toContain('1 problem, not written');
    expect(existsSync(built(tmp.dir))).toBe(false);
  });

  it('refuses before the pane is built', () => {
    rmSync(join(tmp.dir, 'dist', 'taskpane.html'));
    const run = script('build-manifest.ts', [], { BASE_URL: 'https://infosak.example.se/addin/' }, tmp.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('dist/taskpane.html not found; expected the built pane (npm run build:web) first');
  });
});

describe('scripts/validate-manifest.ts', () => {
  it('fails on a dist/manifest.xml that points at localhost (the development manifest copied there)', () => {
    const tmp = project();
    try {
      copyFileSync(join(tmp.dir, 'manifest.xml'), built(tmp.dir));
      const run = script('validate-manifest.ts', [], {}, tmp.dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^manifest\.xml: OK/);
      expect(run.stderr).toContain('dist/manifest.xml: line');
      expect(run.stderr).toContain('is on this computer (localhost)');
      expect(run.stderr).toContain('dist/manifest.xml: 10 problems');
    } finally {
      tmp.cleanup();
    }
  });
});
