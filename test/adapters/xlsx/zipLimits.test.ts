/**
 * The package reader against damaged and hostile zips: every failure is a NotAWorkbookError naming
 * the part, never a raw error, and a zip bomb stops while inflating, whatever sizes the zip declares.
 * Every case runs twice: with JSZip's stream (the pane, src/) and with Node's zlib installed as the
 * native inflate (the bundled command line, scripts/cli-bundle/entry.ts), which must give the same.
 */
import JSZip from 'jszip';
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { DEFAULT_INFLATE_LIMITS, NotAWorkbookError, XlsxPackage, useNativeInflate, type NativeInflate } from '../../../src/adapters/xlsx/package';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { handmadeParts, rawZip, storedEntry, type RawEntry } from './handmade';

const SHEET = 'xl/worksheets/sheet1.xml';
const SST = 'xl/sharedStrings.xml';

/** A small valid workbook as raw entries: one sheet with a shared string, so sharedStrings.xml is read. */
function entries(): RawEntry[] {
  const parts = handmadeParts({ sheets: [{ name: 'Blad1', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>' }], sharedStrings: ['hej'] });
  return [...parts].map(([name, text]) => storedEntry(name, text));
}

function deflated(entry: RawEntry): RawEntry {
  return { ...entry, method: 8, data: deflateRawSync(entry.data) };
}

function replace(list: RawEntry[], name: string, change: (e: RawEntry) => RawEntry): RawEntry[] {
  return list.map((e) => (e.name === name ? change(e) : e));
}

/**
 * A deflate stream of `unit` repeated `times` times, made without inflating it: each copy is
 * compressed alone and ends byte-aligned (full flush), so the copies can be concatenated.
 */
function repeatedDeflate(prefix: string, unit: Buffer, times: number, suffix: string): Buffer {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const block = deflateRawSync(unit, flush);
  return Buffer.concat([deflateRawSync(Buffer.from(prefix), flush), ...Array<Buffer>(times).fill(block), deflateRawSync(Buffer.from(suffix))]);
}

async function failure(data: Uint8Array, options?: Parameters<typeof readXlsxGrid>[2]): Promise<Error> {
  const error = await readXlsxGrid(data, undefined, options).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('expected readXlsxGrid to fail');
  return error;
}

interface InflateCall {
  readonly maxOutputLength: number;
  readonly inflated?: number;
  readonly threw?: string;
}

/** Node's zlib as the bundled command line installs it, recording each call. */
function recordingZlib(calls: InflateCall[]): NativeInflate {
  return {
    inflateRaw(data, maxOutputLength) {
      try {
        const out = inflateRawSync(data, { maxOutputLength });
        calls.push({ maxOutputLength, inflated: out.length });
        return out;
      } catch (error) {
        calls.push({ maxOutputLength, threw: (error as Error).message });
        throw error;
      }
    },
    crc32: (data) => crc32(data),
  };
}

const MODES: [string, NativeInflate | undefined][] = [
  ["JSZip's stream", undefined],
  ["Node's zlib as native inflate", recordingZlib([])],
];

describe.each(MODES)('with %s', (_mode, native) => {
  beforeAll(() => useNativeInflate(native));
  afterAll(() => useNativeInflate(undefined));

  describe('the package reader checks every part it inflates', () => {
    it('reads the unaltered raw workbook (the baseline the other cases damage)', async () => {
      const grid = await readXlsxGrid(rawZip(entries().map(deflated)));
      expect(grid.sheets.get('Blad1')!.values[0]).toEqual(['hej', 7]);
    });

    it('a CRC-32 mismatch is a NotAWorkbookError naming the part', async () => {
      const data = rawZip(replace(entries(), SHEET, (e) => ({ ...e, crc32: (e.crc32 ^ 1) >>> 0 })));
      const error = await failure(data);
      expect(error).toBeInstanceOf(NotAWorkbookError);
      expect(error.message).toContain(SHEET);
      expect(error.message).toMatch(/CRC/);
    });

    it('a changed byte in a stored part is caught by its CRC', async () => {
      const data = rawZip(replace(entries(), SST, (e) => ({ ...e, data: Buffer.from(e.data.toString().replace('hej', 'hoj')) })));
      const error = await failure(data);
      expect(error).toBeInstanceOf(NotAWorkbookError);
      expect(error.message).toContain(SST);
    });

    it('corrupt deflate data is a NotAWorkbookError naming the part', async () => {
      const invalidBlockType = (e: RawEntry): RawEntry => {
        const bytes = Buffer.from(deflated(e).data);
        bytes[0] = 0x07; // final block of the reserved type 3: invalid
        return { ...e, method: 8, data: bytes };
      };
      const error = await failure(rawZip(replace(entries(), SHEET, invalidBlockType)));
      expect(error).toBeInstanceOf(NotAWorkbookError);
      expect(error.message).toContain(SHEET);
      expect(error.message).toMatch(/damaged/);
    });

    it('deflate data damaged in the middle is a NotAWorkbookError naming the part', async () => {
      const big = (e: RawEntry): RawEntry => {
        const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="B${i + 1}"><v>${i * 7919}</v></c></row>`).join('');
        const text = e.data.toString().replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`);
        const bytes = deflateRawSync(Buffer.from(text));
        for (let i = bytes.length >> 1; i < (bytes.length >> 1) + 8; i++) bytes[i] ^= 0x5a;
        return { ...storedEntry(e.name, text), method: 8, data: bytes };
      };
      const error = await failure(rawZip(replace(entries(), SHEET, big)));
      expect(error).toBeInstanceOf(NotAWorkbookError);
      expect(error.message).toContain(SHEET);
    });

    it('a damaged part nobody read is refused when the package is saved, not copied silently', async () => {
      const withPicture = [...entries(), { ...storedEntry('xl/media/image1.png', 'not really a png'), crc32: 12345 }];
      const pkg = await XlsxPackage.open(rawZip(withPicture));
      expect(await pkg.text(SHEET)).toContain('<sheetData>'); // reading the sheets is fine …
      const error = await pkg.save().catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(NotAWorkbookError); // … writing the damaged picture back is not
      expect((error as Error).message).toContain('xl/media/image1.png');
    });

    it('a sound package still saves with every unread part checked', async () => {
      const pkg = await XlsxPackage.open(rawZip([...entries(), storedEntry('xl/media/image1.png', 'bytes')].map(deflated)));
      const saved = await pkg.save();
      const again = await readXlsxGrid(saved);
      expect(again.sheets.get('Blad1')!.values[0]).toEqual(['hej', 7]);
    });
  });

  describe('zip bombs stop while inflating', () => {
    it('a 300 MB sharedStrings.xml of repeated <si><t>a</t></si> that claims to be 1 KB: the default ratio limit', async () => {
      const unit = Buffer.from('<si><t>a</t></si>'.repeat(61681)); // ~1 MiB
      const bomb = repeatedDeflate('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', unit, 300, '</sst>');
      const data = rawZip(replace(entries(), SST, (e) => ({ ...e, method: 8, data: bomb, uncompressedSize: 1024, crc32: 0 })));
      const error = await failure(data);
      expect(error).toBeInstanceOf(NotAWorkbookError);
      expect(error.message).toContain(SST);
      expect(error.message).toMatch(/100 times its compressed size/);
    });

    it('4 GB of zeros that claims to be 1 KB stops at the ratio limit too', async () => {
      const bomb = repeatedDeflate('', Buffer.alloc(1024 * 1024), 4095, '');
      const data = rawZip(replace(entries(), SST, (e) => ({ ...e, method: 8, data: bomb, uncompressedSize: 1024, crc32: 0 })));
      const error = await failure(data);
      expect(error).toBeInstanceOf(NotAWorkbookError);
      expect(error.message).toContain(SST);
      expect(error.message).toMatch(/zip bomb/);
    });

    it('4 GB of zeros that says so fails before inflating anything', async () => {
      const bomb = repeatedDeflate('', Buffer.alloc(1024 * 1024), 4095, '');
      const data = rawZip(replace(entries(), SST, (e) => ({ ...e, method: 8, data: bomb, uncompressedSize: 0xfffffff0, crc32: 0 })));
      const error = await failure(data);
      expect(error.message).toContain(SST);
      expect(error.message).toMatch(/more than 256 MiB/);
    });

    it('the part size limit holds for data that is not repetitive (limit made small for the test)', async () => {
      const random = Buffer.from(Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join(''));
      const sst = storedEntry(SST, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${random}</t></si></sst>`);
      const lying = { ...deflated(sst), uncompressedSize: 10 }; // a directory that lies about the size
      const error = await failure(rawZip(replace(entries(), SST, () => lying)), { limits: { partBytes: 64 * 1024 } });
      expect(error).toBeInstanceOf(NotAWorkbookError);
      expect(error.message).toContain(SST);
      expect(error.message).toMatch(/more than 65536 bytes/);
      // The same part is read with the default limits (its declared size must be true then).
      const grid = await readXlsxGrid(rawZip(replace(entries(), SST, () => deflated(sst))));
      expect(grid.sheets.get('Blad1')!.values[0]?.[0]).toHaveLength(200_000);
    });

    it('small repetitive parts are fine: the ratio counts only beyond its first MiB', async () => {
      expect(DEFAULT_INFLATE_LIMITS.ratioFrom).toBe(1024 * 1024);
      const sst = storedEntry(SST, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'a'.repeat(900_000)}</t></si></sst>`);
      const grid = await readXlsxGrid(rawZip(replace(entries(), SST, () => deflated(sst))));
      expect(grid.sheets.get('Blad1')!.values[0]?.[0]).toHaveLength(900_000);
    });
  });
});

/** A loaded entry's stream (JSZip's internalStream), to tell whether a part went through JSZip's inflate. */
function spyOnStreams(): jest.SpyInstance {
  const entry = new JSZip().file('a.xml', 'a').file('a.xml')!;
  return jest.spyOn(Object.getPrototypeOf(entry) as { internalStream: () => unknown }, 'internalStream');
}

describe('the native inflate (the bundled command line)', () => {
  const calls: InflateCall[] = [];
  let streams: jest.SpyInstance;
  beforeAll(() => useNativeInflate(recordingZlib(calls)));
  afterAll(() => useNativeInflate(undefined));
  beforeEach(() => {
    calls.length = 0;
    streams = spyOnStreams();
  });
  afterEach(() => streams.mockRestore());

  it('reads a sound workbook without JSZip’s stream, each deflated part in one call no larger than its declared size', async () => {
    const list = entries().map(deflated);
    const grid = await readXlsxGrid(rawZip(list));
    expect(grid.sheets.get('Blad1')!.values[0]).toEqual(['hej', 7]);
    expect(streams).not.toHaveBeenCalled();
    expect(calls.length).toBeGreaterThan(3);
    for (const call of calls) expect(call.inflated).toBe(call.maxOutputLength);
  });

  it('checks the parts nobody read in one call each when saving, and they still are refused when damaged', async () => {
    const pkg = await XlsxPackage.open(rawZip([...entries(), storedEntry('xl/media/image1.png', 'bytes')].map(deflated)));
    await pkg.save();
    expect(streams).not.toHaveBeenCalled();
    const damaged = [...entries(), { ...deflated(storedEntry('xl/media/image1.png', 'bytes')), crc32: 12345 }];
    const error = await (await XlsxPackage.open(rawZip(damaged))).save().catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('xl/media/image1.png');
    expect((error as Error).message).toMatch(/CRC/);
  });

  it('stops a bomb that lies about its size at the size it declares, and the stream gives the verdict', async () => {
    const bomb = repeatedDeflate('', Buffer.alloc(1024 * 1024), 4095, '');
    const data = rawZip(replace(entries(), SST, (e) => ({ ...e, method: 8, data: bomb, uncompressedSize: 1024, crc32: 0 })));
    const error = await failure(data);
    expect(error.message).toMatch(/100 times its compressed size/);
    const bombCalls = calls.filter((c) => c.threw !== undefined);
    expect(bombCalls).toEqual([{ maxOutputLength: 1024, threw: expect.stringMatching(/larger than/) }]);
    expect(streams).toHaveBeenCalled();
  });

  it('a damaged deflate stream goes back to JSZip’s stream, which names the damage as before', async () => {
    const invalid = (e: RawEntry): RawEntry => ({ ...e, method: 8, data: Buffer.from([0x07, 0x00, 0x00, 0x00]) });
    const error = await failure(rawZip(replace(entries(), SHEET, invalid)));
    expect(error).toBeInstanceOf(NotAWorkbookError);
    expect(error.message).toContain(SHEET);
    expect(calls.some((c) => c.threw !== undefined)).toBe(true);
    expect(streams).toHaveBeenCalled();
  });
});
