/**
 * Workbooks made by hand for the reader's tests: a minimal package with the sheet XML, styles and
 * names a test needs, and a raw zip writer for packages JSZip would not write (lying sizes, bad
 * CRCs, prebuilt deflate streams).
 */
import JSZip from 'jszip';
import { crc32 as zlibCrc32 } from 'node:zlib';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

export interface HandmadeSheet {
  readonly name: string;
  /** The sheetData's content (rows and cells). */
  readonly rows: string;
  /** A drawing part's XML for this sheet. */
  readonly drawing?: string;
}

export interface HandmadeOptions {
  readonly sheets: readonly HandmadeSheet[];
  readonly date1904?: boolean;
  /** definedName elements, written as given. */
  readonly definedNames?: string;
  /** Shared strings, in order. */
  readonly sharedStrings?: readonly string[];
  /** Number formats of cellXfs 0, 1, …: numFmtId, or a custom format code. */
  readonly cellFormats?: readonly (number | string)[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The parts of a minimal valid workbook, as text. */
export function handmadeParts(options: HandmadeOptions): Map<string, string> {
  const parts = new Map<string, string>();
  const overrides: string[] = [];
  const override = (part: string, type: string) => overrides.push(`<Override PartName="/${part}" ContentType="${type}"/>`);
  const wbRels: string[] = [`<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`];
  const sheets: string[] = [];
  options.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const part = `xl/worksheets/sheet${n}.xml`;
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    sheets.push(`<sheet name="${escape(sheet.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    const drawing = sheet.drawing ? '<drawing r:id="rIdD"/>' : '';
    parts.set(part, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheet.rows}</sheetData>${drawing}</worksheet>`);
    override(part, `${CT}.spreadsheetml.worksheet+xml`);
    if (sheet.drawing) {
      parts.set(`xl/worksheets/_rels/sheet${n}.xml.rels`, rels([`<Relationship Id="rIdD" Type="${REL}/drawing" Target="../drawings/drawing${n}.xml"/>`]));
      parts.set(`xl/drawings/drawing${n}.xml`, sheet.drawing);
      override(`xl/drawings/drawing${n}.xml`, `${CT}.drawing+xml`);
    }
  });
  if (options.sharedStrings) {
    wbRels.push(`<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    const items = options.sharedStrings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('');
    parts.set('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${items}</sst>`);
    override('xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`);
  }
  const formats = options.cellFormats ?? [0];
  const custom = formats.map((f, i) => (typeof f === 'string' ? `<numFmt numFmtId="${164 + i}" formatCode="${escape(f)}"/>` : '')).join('');
  const xfs = formats.map((f, i) => `<xf numFmtId="${typeof f === 'string' ? 164 + i : f}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  parts.set(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">${custom ? `<numFmts>${custom}</numFmts>` : ''}` +
      `<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
      `<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="${formats.length}">${xfs}</cellXfs></styleSheet>`,
  );
  override('xl/styles.xml', `${CT}.spreadsheetml.styles+xml`);
  parts.set(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.join('')}</sheets>` +
      `${options.definedNames ? `<definedNames>${options.definedNames}</definedNames>` : ''}</workbook>`,
  );
  override('xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`);
  parts.set('xl/_rels/workbook.xml.rels', rels(wbRels));
  parts.set('_rels/.rels', rels([`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`]));
  parts.set(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  );
  return parts;
}

function rels(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/** A minimal workbook, zipped by JSZip. */
export async function handmadeWorkbook(options: HandmadeOptions): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [part, text] of handmadeParts(options)) zip.file(part, text, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** One entry of a raw zip: its bytes as stored, and what the zip's directory says about them. */
export interface RawEntry {
  readonly name: string;
  /** The bytes as stored (deflated when method is 8). */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  readonly crc32: number;
  readonly uncompressedSize: number;
}

export function storedEntry(name: string, text: string): RawEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, data, method: 0, crc32: zlibCrc32(data), uncompressedSize: data.length };
}

/** Writes a zip exactly as the entries say, true or not (no zip64). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(e.method, at + 4);
      header.writeUInt32LE(0, at + 6); // time and date
      header.writeUInt32LE(e.crc32 >>> 0, at + 10);
      header.writeUInt32LE(e.data.length, at + 14);
      header.writeUInt32LE(e.uncompressedSize >>> 0, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    chunks.push(local, name, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // version made by
    fields(dir, 6);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dirBytes, end]));
}
