/**
 * The package with a native zlib installed (the bundled command line, scripts/cli-bundle/entry.ts;
 * issue 14). save() writes the zip itself, against JSZip's generate, which the pane and the rest of
 * src/ use: the same bytes, headers and directory included, for new packages, for workbooks written
 * back with parts kept, replaced, removed and added, and for zips it leaves to JSZip. And open() of
 * bytes opened before starts from what that open found, unless the bytes or the limits changed.
 *
 * JSZip deflates here with the bundle's stand-in for pako (Node's zlib, as in the bundle), so that
 * both write the same deflate data; the clock is fixed, as JSZip dates every part it is given.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { NotAWorkbookError, XlsxPackage, useNativeInflate, type NativeInflate } from '../../../src/adapters/xlsx/package';
import { computeFromWorkbook } from '../../../src/workbook/compute';
import { INPUT_SHEETS } from '../../../src/workbook/layout';
import { questionnairePlanOf } from '../../../src/workbook/models';
import { findCatalog } from '../../../src/core/catalog/registry';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { everyOpPlan, userWorkbook } from './fixtures';
import { handmadeParts, rawZip, storedEntry } from './handmade';

jest.mock('pako', () => jest.requireActual('../../../scripts/cli-bundle/pako-deflate-native'));

const inflate: NativeInflate = { inflateRaw: (data, maxOutputLength) => inflateRawSync(data, { maxOutputLength }), crc32: (data) => crc32(data) };
const withDeflate: NativeInflate = { ...inflate, deflateRaw: (data, level) => deflateRawSync(data, { level }) };

beforeAll(() => jest.useFakeTimers({ now: new Date('2026-05-04T10:11:13Z'), doNotFake: ['setImmediate', 'setTimeout', 'setInterval', 'nextTick', 'queueMicrotask', 'clearImmediate', 'clearTimeout', 'clearInterval'] }));
afterAll(() => {
  jest.useRealTimers();
  useNativeInflate(undefined);
});

/**
 * The bytes written by JSZip's generate and by save()'s own writer, for the same work; and whether
 * the writer wrote them itself (JSZip's generate not called).
 */
async function bothWays(write: () => Promise<Uint8Array>): Promise<[Uint8Array, Uint8Array, boolean]> {
  const generate = jest.spyOn(JSZip.prototype, 'generateAsync');
  try {
    useNativeInflate(inflate);
    const byJsZip = await write();
    expect(generate).toHaveBeenCalled();
    generate.mockClear();
    useNativeInflate(withDeflate);
    const native = await write();
    return [byJsZip, native, generate.mock.calls.length === 0];
  } finally {
    useNativeInflate(undefined);
    generate.mockRestore();
  }
}

const catalog = findCatalog('infosakkollen-2023-v1')!;

/** Each part of a zip: its text, its method and its bytes as stored. */
async function held(data: Uint8Array): Promise<Map<string, { text: string; method: string; stored: string }>> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, { text: string; method: string; stored: string }>();
  for (const file of Object.values(zip.files)) {
    const inner = (file as unknown as { _data: { compression: { magic: string }; compressedContent: Uint8Array } })._data;
    parts.set(file.name, { text: await file.async('string'), method: inner.compression.magic === '\x00\x00' ? 'STORE' : 'DEFLATE', stored: Buffer.from(inner.compressedContent).toString('base64') });
  }
  return parts;
}

describe("save() with a native deflate writes JSZip's zip, byte for byte", () => {
  it('a new workbook (every part new)', async () => {
    const [a, b, written] = await bothWays(() => applyPlanToXlsx(null, questionnairePlanOf(catalog)));
    expect(written).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  it('a computed workbook, computed again: parts kept (stored ones stored), replaced, removed and added', async () => {
    const questionnaire = await applyPlanToXlsx(null, questionnairePlanOf(catalog));
    const first = computeFromWorkbook(await readXlsxGrid(questionnaire, INPUT_SHEETS), '2026-05-04');
    if (first.kind !== 'computed') throw new Error(first.issue.code);
    const computed = await applyPlanToXlsx(questionnaire, first.plan);
    const again = computeFromWorkbook(await readXlsxGrid(computed, INPUT_SHEETS), '2026-05-05');
    if (again.kind !== 'computed') throw new Error(again.issue.code);
    for (const base of [questionnaire, computed]) {
      const [a, b, written] = await bothWays(() => applyPlanToXlsx(base, (base === computed ? again : first).plan));
      expect(written).toBe(true);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      // Every part the computation left alone is copied as it was: its method and its stored bytes.
      const before = await held(base);
      const after = await held(b);
      const kept = [...before].filter(([name, part]) => after.get(name)?.text === part.text);
      expect(kept.length).toBeGreaterThan(5);
      for (const [name, part] of kept) expect([name, after.get(name)!.method, after.get(name)!.stored]).toEqual([name, part.method, part.stored]);
    }
  });

  it("a user's workbook (ExcelJS: deflated parts, folder entries, a picture, a table) with every kind of op", async () => {
    const base = await userWorkbook();
    const [a, b, written] = await bothWays(() => applyPlanToXlsx(base, everyOpPlan()));
    expect(written).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  it('a workbook LibreOffice saved (its own zip layout) with every kind of op', async () => {
    const base = new Uint8Array(readFileSync(join(__dirname, 'libreoffice', 'handlingsplan-libreoffice.xlsx')));
    const [a, b, written] = await bothWays(() => applyPlanToXlsx(base, everyOpPlan()));
    expect(written).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  it('a part of 64K characters and more is deflated, as JSZip does with it', async () => {
    const long = 'x'.repeat(70000);
    const plan = [...questionnairePlanOf(catalog), { kind: 'sheet' as const, sheet: 'Långt' }, { kind: 'values' as const, sheet: 'Långt', at: 'A1', rows: [[long.slice(0, 32000)], [long.slice(0, 32000)], [long.slice(0, 32000)]] }];
    const [a, b, written] = await bothWays(() => applyPlanToXlsx(null, plan));
    expect(written).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    const zip = await JSZip.loadAsync(b);
    const sheets = Object.values(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f.name));
    expect(sheets.some((f) => (f as unknown as { _data: { compression: { magic: string } } })._data.compression.magic === '\x08\x00')).toBe(true);
  });

  describe('zips it leaves to JSZip come out as JSZip writes them', () => {
    const plan = [{ kind: 'sheet' as const, sheet: 'Ny' }, { kind: 'values' as const, sheet: 'Ny', at: 'A1', rows: [['x']] }];
    const parts = () => [...handmadeParts({ sheets: [{ name: 'Blad1', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] })].map(([name, text]) => storedEntry(name, text));

    it('a part name beyond ASCII, an empty part', async () => {
      for (const extra of [storedEntry('xl/média/bild.txt', 'bild'), storedEntry('xl/empty.xml', '')]) {
        const base = rawZip([...parts(), extra]);
        const [a, b, written] = await bothWays(() => applyPlanToXlsx(base, plan));
        expect(written).toBe(false);
        expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      }
    });

    it('a zip comment', async () => {
      const zip = await JSZip.loadAsync(rawZip(parts()));
      const base = await zip.generateAsync({ type: 'uint8array', comment: 'en kommentar' });
      const [a, b, written] = await bothWays(() => applyPlanToXlsx(base, plan));
      expect(written).toBe(false);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      expect(((await JSZip.loadAsync(b)) as unknown as { comment: string }).comment).toBe('en kommentar');
    });
  });
});

describe('open() of the same bytes again (read, then written back)', () => {
  let inflated: number[] = [];
  const counting: NativeInflate = {
    ...withDeflate,
    inflateRaw: (data, maxOutputLength) => {
      const out = inflateRawSync(data, { maxOutputLength });
      inflated.push(out.length);
      return out;
    },
  };
  beforeEach(() => {
    inflated = [];
    useNativeInflate(counting);
  });
  afterEach(() => useNativeInflate(undefined));

  const workbook = async () => {
    const zip = await JSZip.loadAsync(await applyPlanToXlsx(null, questionnairePlanOf(catalog)));
    // Every part deflated, so that each one read is one native inflate.
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  };

  it('does not inflate or check again what the first open read, and reads the same', async () => {
    const data = await workbook();
    const first = await readXlsxGrid(data, INPUT_SHEETS);
    const once = inflated.length;
    expect(once).toBeGreaterThan(5);
    const again = await readXlsxGrid(data, INPUT_SHEETS);
    expect(inflated.length).toBe(once);
    expect(again).toEqual(first);
    // A copy of the bytes is other bytes: read afresh.
    await readXlsxGrid(new Uint8Array(data), INPUT_SHEETS);
    expect(inflated.length).toBe(2 * once);
  });

  it("keeps no package's edits: each package opened from the bytes starts from the zip", async () => {
    const data = await workbook();
    const a = await XlsxPackage.open(data);
    const original = await a.text('xl/workbook.xml');
    a.set('xl/workbook.xml', '<changed/>');
    a.remove('docProps/app.xml');
    const b = await XlsxPackage.open(data);
    expect(await b.text('xl/workbook.xml')).toBe(original);
    expect(b.has('docProps/app.xml')).toBe(true);
    expect(await a.text('xl/workbook.xml')).toBe('<changed/>');
  });

  it('bytes changed in place, or other limits, are opened afresh: a damaged part is still found', async () => {
    const data = await workbook();
    await readXlsxGrid(data, INPUT_SHEETS);
    // Flip a byte inside a part's deflate data (the first sheet's, after its local header).
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = Buffer.from(data).indexOf(name) + name.length + 40;
    data[at] ^= 0xff;
    await expect(readXlsxGrid(data, INPUT_SHEETS)).rejects.toBeInstanceOf(NotAWorkbookError);
    const fresh = await workbook();
    await readXlsxGrid(fresh, INPUT_SHEETS);
    const before = inflated.length;
    await readXlsxGrid(fresh, INPUT_SHEETS, { limits: { ratio: 50 } });
    expect(inflated.length).toBeGreaterThan(before);
  });
});

describe("JSZip's part names decoded by the native decoder as by its own", () => {
  // The bundle's decoder (scripts/cli-bundle/entry.ts), as JSZip's default decodes on Node.
  const decodeFileName = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return Buffer.from(bytes).toString('utf-8');
    return String.fromCharCode.apply(null, bytes as unknown as number[]);
  };
  afterEach(() => useNativeInflate(undefined));

  /** The zip with the UTF-8 flag cleared on every entry: JSZip then decodes names with decodeFileName. */
  const withoutUtf8Flag = (zip: Uint8Array) => {
    const bytes = Buffer.from(zip);
    for (let at = bytes.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4, 'latin1')) bytes.writeUInt16LE(0, at + 6);
    for (let at = bytes.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\x01\x02', at + 4, 'latin1')) bytes.writeUInt16LE(0, at + 8);
    return new Uint8Array(bytes);
  };

  it('ASCII, UTF-8 and bytes that are not UTF-8', async () => {
    const parts = [...handmadeParts({ sheets: [{ name: 'Blad1', rows: '' }] })].map(([name, text]) => storedEntry(name, text));
    const odd = [storedEntry('xl/média/bild.txt', 'a'), storedEntry('xl/QQQQQ.txt', 'b')];
    const data = withoutUtf8Flag(rawZip([...parts, ...odd]));
    // A name whose bytes are not UTF-8 (a truncated sequence, 0xFF, a lone continuation byte).
    const raw = Buffer.from(data);
    for (let at = raw.indexOf('QQQQQ'); at >= 0; at = raw.indexOf('QQQQQ', at)) Buffer.from([0xe5, 0x80, 0xff, 0xc3, 0x28]).copy(raw, at);
    data.set(raw);
    useNativeInflate(undefined);
    const byJsZip = (await XlsxPackage.open(data)).parts();
    useNativeInflate({ ...inflate, decodeFileName });
    const decoded = (await XlsxPackage.open(new Uint8Array(data))).parts();
    expect(decoded).toEqual(byJsZip);
    expect(decoded).toContain('xl/média/bild.txt');
    expect(decoded.filter((p) => p.includes('\ufffd'))).toHaveLength(1);
  });
});
