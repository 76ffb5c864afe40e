/** Damaged and hostile workbooks through the command line: one Swedish line naming the file and the part, exit 2. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { handmadeParts, rawZip, storedEntry } from '../adapters/xlsx/handmade';
import { runCli, tempDir } from '../helpers/cli';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function workbook(change: (name: string, entry: ReturnType<typeof storedEntry>) => ReturnType<typeof storedEntry>): Uint8Array {
  const parts = handmadeParts({ sheets: [{ name: 'Start', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: ['Infosäkkollen'] });
  return rawZip([...parts].map(([name, text]) => change(name, storedEntry(name, text))));
}

async function readFails(name: string, data: Uint8Array) {
  const path = join(tmp.dir, name);
  writeFileSync(path, data);
  const r = await runCli(['read', path]);
  expect(r.code).toBe(2);
  expect(r.stdout).toEqual([]);
  expect(r.stderr).toHaveLength(1);
  expect(r.stderr[0]).toMatch(new RegExp(`^infosak: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} är ingen läsbar Excel-arbetsbok: `));
  expect(r.stderr[0]).not.toMatch(/\n|oväntat fel/);
  return r.stderr[0];
}

describe('infosak read on damaged workbooks', () => {
  it('a CRC mismatch', async () => {
    const line = await readFails('crc.xlsx', workbook((name, e) => (name === 'xl/worksheets/sheet1.xml' ? { ...e, crc32: (e.crc32 + 1) >>> 0 } : e)));
    expect(line).toContain('xl/worksheets/sheet1.xml');
  });

  it('corrupt deflate data', async () => {
    const line = await readFails(
      'deflate.xlsx',
      workbook((name, e) => (name === 'xl/workbook.xml' ? { ...e, method: 8, data: Buffer.from([0x07, 0x00, 0x00, 0x00]) } : e)),
    );
    expect(line).toContain('xl/workbook.xml');
  });

  it('a sharedStrings zip bomb', async () => {
    const flush = { finishFlush: constants.Z_FULL_FLUSH };
    const unit = deflateRawSync(Buffer.from('<si><t>a</t></si>'.repeat(61681)), flush);
    const bomb = Buffer.concat([deflateRawSync(Buffer.from('<sst>'), flush), ...Array<Buffer>(500).fill(unit), deflateRawSync(Buffer.from('</sst>'))]);
    const line = await readFails('bomb.xlsx', workbook((name, e) => (name === 'xl/sharedStrings.xml' ? { ...e, method: 8, data: bomb, uncompressedSize: 2000, crc32: 0 } : e)));
    expect(line).toContain('xl/sharedStrings.xml');
    expect(line).toMatch(/zip bomb/);
  });
});
