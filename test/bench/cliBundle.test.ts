/**
 * The bundled command line (scripts/build-cli.ts) against the one the other tests run from src/
 * (issue 14): the bundle inflates parts with Node's zlib (scripts/cli-bundle/entry.ts), swaps JSZip's
 * deflate, CRC-32 and more for Node's own, and starts through a V8 code cache, so it is run here as
 * users run it — bin/infosak.js in a child process — and must give the same answers, the same results
 * and the same one-line refusals of damaged workbooks.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { buildCli } from '../../scripts/build-cli';
import crc32Native from '../../scripts/cli-bundle/crc32-native';
import { Deflate } from '../../scripts/cli-bundle/pako-deflate-native';
import { handmadeParts, rawZip, storedEntry } from '../adapters/xlsx/handmade';
import { runCli, tempDir } from '../helpers/cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jszipCrc32 = require('jszip/lib/crc32') as (input: unknown, crc?: number) => number;

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("the bundle's zlib stand-ins", () => {
  const random = (n: number, seed: number) => {
    const bytes = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    return bytes;
  };

  it('CRC-32 gives what JSZip’s gives, for bytes, arrays and binary strings, running or not', () => {
    for (const n of [0, 1, 7, 1000, 70000]) {
      const bytes = random(n, n + 1);
      expect(crc32Native(bytes)).toBe(jszipCrc32(bytes));
      expect(crc32Native(Array.from(bytes))).toBe(jszipCrc32(Array.from(bytes)));
      const binary = String.fromCharCode(...bytes.subarray(0, 5000));
      expect(crc32Native(binary)).toBe(jszipCrc32(binary));
      const first = jszipCrc32(bytes.subarray(0, n >> 1));
      expect(crc32Native(bytes.subarray(n >> 1), first)).toBe(jszipCrc32(bytes.subarray(n >> 1), first));
    }
    expect(crc32Native(undefined)).toBe(0);
    // JSZip requires the module itself as the function (`var crc32 = require("../crc32")`).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require('../../scripts/cli-bundle/crc32-native')).toBe(crc32Native);
  });

  it('Deflate takes chunks as pako’s does and gives raw deflate data of them all', () => {
    const text = Buffer.from('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(5000));
    const out: Uint8Array[] = [];
    let ended: number | undefined;
    const deflate = new Deflate({ level: 6 });
    deflate.onData = (chunk) => out.push(chunk);
    deflate.onEnd = (status) => {
      ended = status;
    };
    for (let i = 0; i < text.length; i += 16384) expect(deflate.push(text.subarray(i, i + 16384), false)).toBe(true);
    expect(out).toEqual([]);
    expect(deflate.push([], true)).toBe(true);
    expect(ended).toBe(0);
    expect(inflateRawSync(Buffer.concat(out))).toEqual(text);
    expect(deflate.push(text, true)).toBe(false);
  });

  it('JSZip writes and reads a package with it', async () => {
    jest.resetModules();
    jest.doMock('pako', () => jest.requireActual('../../scripts/cli-bundle/pako-deflate-native'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Zip = require('jszip') as typeof JSZip;
    const zip = new Zip();
    const big = 'x'.repeat(100000) + 'å'.repeat(1000);
    zip.file('a.xml', big, { compression: 'DEFLATE' });
    zip.file('b.xml', 'small', { compression: 'STORE' });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    jest.dontMock('pako');
    const back = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await back.file('a.xml')!.async('string')).toBe(big);
    expect(await back.file('b.xml')!.async('string')).toBe('small');
  });
});

describe('bin/infosak.js with the bundle', () => {
  const root = join(tmp.dir, 'cli');
  const bin = join(root, 'bin', 'infosak.js');
  const cache = join(root, 'lib', 'infosak.js.cache');

  let inputs: string[] = [];
  beforeAll(async () => {
    mkdirSync(join(root, 'bin'), { recursive: true });
    copyFileSync(resolve(__dirname, '..', '..', 'bin', 'infosak.js'), bin);
    inputs = await buildCli(join(root, 'lib', 'infosak.js'));
  }, 60_000);

  it("holds the stand-ins in place of JSZip's modules, for every module that requires them", () => {
    for (const shim of ['entry.ts', 'crc32-native.ts', 'pako-deflate-native.ts', 'array-reader.ts']) expect(inputs).toContain(`scripts/cli-bundle/${shim}`);
    expect(inputs).toContain('src/cli/main.ts');
    const replaced = inputs.filter((i) => i === 'node_modules/jszip/lib/crc32.js' || /readable-stream|pako\/(index|lib\/deflate)\.js|pako\/lib\/zlib\/deflate/.test(i));
    expect(replaced).toEqual([]);
  });

  it('is ASCII only, so that it reads as a one-byte string, and holds the catalogs as ASCII JSON text', () => {
    // One character past ASCII (a regex literal's '–', which esbuild cannot escape) makes all of the
    // ~600 KB a two-byte string: twice the memory and a slower read at every start.
    const source = readFileSync(join(root, 'lib', 'infosak.js'), 'utf8');
    expect(source.match(/[^\x00-\x7f].{0,40}/)?.[0]).toBeUndefined();
    // The catalogs as JSON.parse of strings that are ASCII as values too (escapes, not characters):
    // one byte a character in memory and in the code cache. And the same data as src/catalogs/generated/.
    const literals = [...source.matchAll(/JSON\.parse\((`[^`]*`)\)/g)].map((m) => new Function(`return ${m[1]}`)() as string);
    const generated = ['index', 'infosakkollen-2023-v1', 'itsakkollen-2023-msbfs2020-7-v1'].map((f) =>
      JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'src', 'catalogs', 'generated', `${f}.json`), 'utf8')),
    );
    expect(literals).toHaveLength(generated.length);
    for (const text of literals) expect(text.match(/[^\x00-\x7f]/)).toBeNull();
    expect(literals.map((text) => JSON.parse(text))).toEqual(expect.arrayContaining(generated));
  });

  const cli = (args: readonly string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr.trimEnd() };
  };

  it('writes its code cache on the first run, uses it after, and survives a broken one', () => {
    expect(existsSync(cache)).toBe(false);
    expect(cli(['--help']).code).toBe(0);
    expect(existsSync(cache)).toBe(true);
    writeFileSync(cache, 'not a code cache');
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('infosak demo');
    expect(readFileSync(cache).length).toBeGreaterThan(1000);
  });

  it('scores a workbook as the command line from src/ does: the same JSON, the same written workbook', async () => {
    expect(cli(['demo', '--out-dir', tmp.dir]).code).toBe(0);
    const input = join(tmp.dir, 'exempelkommun.xlsx');
    const bundled = cli(['score', input, '-o', join(tmp.dir, 'bundled.xlsx'), '--json']);
    const fromSrc = await runCli(['score', input, '-o', join(tmp.dir, 'src.xlsx'), '--json']);
    expect(bundled.code).toBe(fromSrc.code);
    const withoutPath = (json: string) => ({ ...JSON.parse(json), written: undefined });
    expect(withoutPath(bundled.stdout)).toEqual(withoutPath(fromSrc.stdout.join('\n')));
    // Both written workbooks read back the same, through the src/ reader (pako's inflate).
    for (const command of ['read', 'score']) {
      const a = await runCli([command, join(tmp.dir, 'bundled.xlsx'), '--json']);
      const b = await runCli([command, join(tmp.dir, 'src.xlsx'), '--json']);
      expect(a.code).toBe(b.code);
      expect(a.stdout).toEqual(b.stdout);
    }
    // And Python's zipfile, an independent reader, finds every part's CRC right.
    const script = 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())';
    expect(execFileSync('python3', ['-c', script, join(tmp.dir, 'bundled.xlsx')], { encoding: 'utf8' }).trim()).toBe('None');
  });

  describe('refuses damaged workbooks with the same line as src/', () => {
    const workbook = (change: (name: string, e: ReturnType<typeof storedEntry>) => ReturnType<typeof storedEntry>) => {
      const parts = handmadeParts({ sheets: [{ name: 'Start', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: ['Infosäkkollen'] });
      return rawZip([...parts].map(([name, text]) => change(name, storedEntry(name, text))));
    };
    const flush = { finishFlush: constants.Z_FULL_FLUSH };
    const unit = deflateRawSync(Buffer.from('<si><t>a</t></si>'.repeat(61681)), flush);
    const bomb = Buffer.concat([deflateRawSync(Buffer.from('<sst>'), flush), ...Array<Buffer>(500).fill(unit), deflateRawSync(Buffer.from('</sst>'))]);
    const cases: [string, Uint8Array][] = [
      ['crc', workbook((name, e) => (name === 'xl/worksheets/sheet1.xml' ? { ...e, crc32: (e.crc32 + 1) >>> 0 } : e))],
      ['deflate', workbook((name, e) => (name === 'xl/workbook.xml' ? { ...e, method: 8, data: Buffer.from([0x07, 0x00, 0x00, 0x00]) } : e))],
      ['bomb', workbook((name, e) => (name === 'xl/sharedStrings.xml' ? { ...e, method: 8, data: bomb, uncompressedSize: 2000, crc32: 0 } : e))],
      ['not-a-zip', new TextEncoder().encode('hello')],
    ];

    it.each(cases)('%s', async (name, data) => {
      const file = join(tmp.dir, `${name}.xlsx`);
      writeFileSync(file, data);
      const bundled = cli(['read', file]);
      const fromSrc = await runCli(['read', file]);
      expect(bundled.code).toBe(2);
      expect(bundled.code).toBe(fromSrc.code);
      expect(bundled.stderr).toBe(fromSrc.stderr.join('\n'));
    });
  });
});
