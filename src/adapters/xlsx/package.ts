/**
 * The .xlsx package (an OPC zip): parts, relationships and [Content_Types].xml bookkeeping.
 * Parts are read lazily and written back only when changed, so every part the plan does not own
 * keeps its exact bytes (ExcelJS would drop users' charts and pictures, see TOOLCHAIN.md).
 */
import JSZip from 'jszip';
import { CRC_START, crc32Update } from './crc32';
import { minimalStylesXml } from './styles';
import { XML_HEADER, attributeByLocalName, element, escapeXml, parseAttributes } from './xml';

export class NotAWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAWorkbookError';
  }
}

const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  officeDocument: `${OFFICE_REL}/officeDocument`,
  worksheet: `${OFFICE_REL}/worksheet`,
  styles: `${OFFICE_REL}/styles`,
  sharedStrings: `${OFFICE_REL}/sharedStrings`,
  calcChain: `${OFFICE_REL}/calcChain`,
  extendedProperties: `${OFFICE_REL}/extended-properties`,
  hyperlink: `${OFFICE_REL}/hyperlink`,
  drawing: `${OFFICE_REL}/drawing`,
  chart: `${OFFICE_REL}/chart`,
  table: `${OFFICE_REL}/table`,
} as const;

const OOXML_CT = 'application/vnd.openxmlformats-officedocument';
export const CONTENT_TYPE = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  workbook: `${OOXML_CT}.spreadsheetml.sheet.main+xml`,
  worksheet: `${OOXML_CT}.spreadsheetml.worksheet+xml`,
  styles: `${OOXML_CT}.spreadsheetml.styles+xml`,
  table: `${OOXML_CT}.spreadsheetml.table+xml`,
  drawing: `${OOXML_CT}.drawing+xml`,
  chart: `${OOXML_CT}.drawingml.chart+xml`,
  extendedProperties: `${OOXML_CT}.extended-properties+xml`,
} as const;

export const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELATIONSHIPS_NS = OFFICE_REL;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external?: boolean;
}

export function parseRelationships(xml: string): Relationship[] {
  const rels: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = parseAttributes(m[1]);
    rels.push({ id: a.Id, type: a.Type, target: a.Target, external: a.TargetMode === 'External' || undefined });
  }
  return rels;
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  const body = rels
    .map((r) => element('Relationship', { Id: r.id, Type: r.type, Target: r.target, TargetMode: r.external ? 'External' : undefined }))
    .join('');
  return `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels" */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship of `sourcePart` points to (targets are relative to the source's folder). */
export function resolveTarget(sourcePart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** The relative target from `sourcePart` to `targetPart`, as Excel writes it ("../charts/chart1.xml"). */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The lowest "rIdN" not used yet. */
export function freeRelationshipId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export interface SheetEntry {
  name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** The part, e.g. "xl/worksheets/sheet3.xml"; undefined when the relationship is missing. */
  readonly part: string | undefined;
  readonly relType: string | undefined;
}

/**
 * How far one part may inflate. A zip bomb (a 4 GB sharedStrings.xml of zeros is 4 MB zipped) must
 * end in one clear line, not an out-of-memory abort; the sizes a zip declares can lie, so the limits
 * are enforced on the bytes actually inflated, while inflating.
 */
export interface InflateLimits {
  /** Largest decompressed part, in bytes. */
  readonly partBytes: number;
  /** Largest decompressed / compressed ratio … */
  readonly ratio: number;
  /** … checked once a part has inflated past this many bytes (small repetitive parts are fine). */
  readonly ratioFrom: number;
}

export const DEFAULT_INFLATE_LIMITS: InflateLimits = {
  // The product's own parts are below 1 MB and a V8 string holds at most ~512 M characters: 256 MiB
  // leaves a user's big shared-strings table room and keeps a part's text well inside that.
  partBytes: 256 * 1024 * 1024,
  // Apache POI's default (ZipSecureFile: minimum inflate ratio 0.01). Excel's XML deflates 5–20 times;
  // a part that inflates over 100 times beyond its first MiB is a bomb, not a workbook.
  ratio: 100,
  ratioFrom: 1024 * 1024,
};

export interface OpenOptions {
  readonly limits?: Partial<InflateLimits>;
}

/** JSZip's stream of an entry's bytes (its internalStream, not in JSZip's typings). */
interface EntryStream {
  on(event: 'data', listener: (chunk: Uint8Array, meta: { percent: number } | undefined) => void): EntryStream;
  on(event: 'error', listener: (error: Error) => void): EntryStream;
  on(event: 'end', listener: () => void): EntryStream;
  pause(): unknown;
  resume(): unknown;
}

/**
 * A loaded entry as JSZip holds it: `_data` is its private record of the zip directory's sizes and
 * CRC, with the part's bytes as stored in the zip and their method ("\x08\x00" deflate, "\x00\x00" stored).
 */
interface LoadedEntry {
  readonly _data?: {
    readonly compressedSize?: number;
    readonly uncompressedSize?: number;
    readonly crc32?: number;
    readonly compressedContent?: unknown;
    readonly compression?: { readonly magic?: string };
  };
  internalStream(type: 'uint8array'): EntryStream;
}

/**
 * A host's native inflate, for a part in one call instead of JSZip's JavaScript stream. The bundled
 * command line installs Node's zlib (scripts/cli-bundle/entry.ts); the pane and the tests of src/
 * install none, and every part goes through the stream as it always has.
 */
export interface NativeInflate {
  /** Raw deflate data inflated; throws on damaged data and once more than maxOutputLength bytes come out. */
  inflateRaw(data: Uint8Array, maxOutputLength: number): Uint8Array;
  /** zip's CRC-32 of the bytes (unsigned); without it, the table loop below. */
  crc32?(data: Uint8Array): number;
  /**
   * Raw deflate data of the bytes at this zlib level. With it and crc32, save() writes the zip itself
   * (writeZipNatively) instead of through JSZip's generate, byte for byte what JSZip writes.
   */
  deflateRaw?(data: Uint8Array, level: number): Uint8Array;
  /**
   * What JSZip's default decodes a part name (or comment) without the UTF-8 flag to, for JSZip to
   * use instead of it (its loadAsync option decodeFileName): the same text, for less work per name.
   */
  decodeFileName?(bytes: Uint8Array): string;
}

let nativeInflate: NativeInflate | undefined;

/** Installs (or, with undefined, removes) the native inflate every package opened after uses. */
export function useNativeInflate(native: NativeInflate | undefined): void {
  nativeInflate = native;
}

/** A part save() only checks (nothing is kept) is inflated natively up to this size; a bigger one streams, so memory stays small. */
const NATIVE_CHECK_BYTES = 16 * 1024 * 1024;

const MIB = 1024 * 1024;
const mib = (bytes: number) => (bytes >= MIB ? `${Math.round(bytes / MIB)} MiB` : `${bytes} bytes`);

/**
 * Inflates one loaded entry chunk by chunk: checks the limits as bytes arrive (stopping at once when
 * one is passed) and the CRC-32 at the end. With `decode`, returns the part as text; without, only
 * verifies it (nothing is kept).
 */
function inflateEntry(part: string, file: JSZip.JSZipObject, limits: InflateLimits, decode: boolean): Promise<string> {
  const entry = file as unknown as LoadedEntry;
  const info = entry._data;
  // JSZip reads 32-bit sizes as signed numbers (4 GB reads as negative); zip64 sizes are positive.
  const unsigned = (size: number | undefined) => (size !== undefined && size < 0 ? size >>> 0 : size);
  const compressed = unsigned(info?.compressedSize);
  const declared = unsigned(info?.uncompressedSize);
  const damaged = (why: string) => new NotAWorkbookError(`Not a readable .xlsx workbook: the part ${part} ${why}.`);
  const tooBig = () => damaged(`inflates to more than ${mib(limits.partBytes)} (a zip bomb?)`);
  const tooDense = () => damaged(`inflates more than ${limits.ratio} times its compressed size (a zip bomb?)`);
  // Honest declared sizes fail before any work.
  if (declared !== undefined && declared > limits.partBytes) return Promise.reject(tooBig());
  if (declared !== undefined && compressed !== undefined && declared > limits.ratioFrom && declared > limits.ratio * Math.max(compressed, 1)) {
    return Promise.reject(tooDense());
  }
  const native = nativeInflate && declared !== undefined && (decode || declared <= NATIVE_CHECK_BYTES) ? inflateNatively(entry, nativeInflate, declared, decode) : undefined;
  if (native !== undefined) return Promise.resolve(native);
  return new Promise((resolve, reject) => {
    let settled = false;
    let total = 0;
    let crc = CRC_START;
    const decoder = decode ? new TextDecoder('utf-8', { ignoreBOM: true }) : undefined;
    const pieces: string[] = [];
    const stream = entry.internalStream('uint8array');
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      pieces.length = 0;
      // JSZip cannot abort a stream; paused, it reads no further compressed data and is collected.
      stream.pause();
      reject(error);
    };
    stream
      .on('data', (chunk, meta) => {
        if (settled) return; // the rest of an inflated block after a failure: dropped
        total += chunk.length;
        if (total > limits.partBytes) return fail(tooBig());
        if (compressed !== undefined && total > limits.ratioFrom) {
          // Compressed bytes fed so far (JSZip feeds 16 KB blocks): an over-estimate, so never a false alarm.
          const fed = Math.max(1, (compressed * (meta?.percent ?? 100)) / 100);
          if (total > limits.ratio * fed) return fail(tooDense());
        }
        if (info?.crc32 !== undefined) crc = crc32Update(crc, chunk);
        if (decoder) pieces.push(decoder.decode(chunk, { stream: true }));
      })
      .on('error', (error) => {
        const reason = /size mismatch/.test(error.message) ? 'does not have the size the zip directory gives' : `cannot be inflated (${error.message})`;
        fail(damaged(`is damaged: its data ${reason}`));
      })
      .on('end', () => {
        if (settled) return;
        if (info?.crc32 !== undefined && (crc ^ CRC_START) >>> 0 !== info.crc32 >>> 0) return fail(damaged('is damaged: its CRC-32 does not match'));
        if (declared !== undefined && total !== declared) return fail(damaged('is damaged: its data does not have the size the zip directory gives'));
        settled = true;
        if (decoder) pieces.push(decoder.decode());
        resolve(pieces.join(''));
      })
      .resume();
  });
}

/**
 * A sound part in one native call: inflated to at most the size the zip directory declares (which
 * inflateEntry has held to the limits already, so zlib stops a zip bomb that lies about its size as
 * soon as it passes it), of exactly that size, with its CRC-32. Undefined whenever anything is off
 * (damaged data, another size, another CRC, an entry JSZip holds otherwise): the stream then reads
 * the part again and gives the verdict and the message it always gave.
 *
 * The limits hold as InflateLimits defines them, on the whole part (it inflates to its declared size,
 * which is within them); the stream also judges the ratio on the data inflated so far, as it arrives.
 */
function inflateNatively(entry: LoadedEntry, native: NativeInflate, declared: number, decode: boolean): string | undefined {
  const info = entry._data;
  const stored = info?.compressedContent;
  const method = info?.compression?.magic;
  if (!(stored instanceof Uint8Array) || info?.crc32 === undefined || (method !== '\x08\x00' && method !== '\x00\x00')) return undefined;
  let bytes: Uint8Array;
  if (method === '\x00\x00') {
    bytes = stored;
  } else {
    try {
      bytes = native.inflateRaw(stored, Math.max(declared, 1));
    } catch {
      return undefined;
    }
  }
  if (bytes.length !== declared) return undefined;
  const crc = native.crc32 ? native.crc32(bytes) : (crc32Update(CRC_START, bytes) ^ CRC_START) >>> 0;
  if (crc >>> 0 !== info.crc32 >>> 0) return undefined;
  return decode ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : '';
}

const UTF8 = new TextEncoder();

/** Parts this long or longer are deflated when saved; shorter ones are stored (see save()). */
const DEFLATE_FROM_CHARS = 64 * 1024;

function magicProblem(data: Uint8Array): string | undefined {
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b) return undefined;
  if (data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    return 'it is an old binary Excel file (.xls) or a password-encrypted workbook; save it as an unencrypted .xlsx (Excel Workbook)';
  }
  return 'it is not a zip package';
}

/**
 * What opening one zip found, kept for the next open of the same bytes (the command line reads a
 * workbook, then writes it back from the same bytes): JSZip's entries as loaded, the package's main
 * part, and each part's text as inflated and checked. Only original content is kept here, never a
 * package's edits, so every package opened from it starts from the zip as it is.
 */
interface Origin {
  /** The bytes' length and CRC-32: the same Uint8Array changed in place is opened afresh. */
  readonly length: number;
  readonly crc32: number;
  readonly limits: InflateLimits;
  readonly files: Record<string, JSZip.JSZipObject>;
  readonly comment: unknown;
  readonly workbookPart: string;
  readonly texts: Map<string, string>;
}

/**
 * The zip opened last, by its Uint8Array (with a native CRC-32 only: the pane opens a workbook
 * afresh every time). Only the last: a command reading many workbooks (benchmark) keeps no more.
 */
let origins = new WeakMap<Uint8Array, Origin>();

const sameLimits = (a: InflateLimits, b: InflateLimits) => a.partBytes === b.partBytes && a.ratio === b.ratio && a.ratioFrom === b.ratioFrom;

/** An opened (or new) package: parts read lazily, edits kept in memory until save(). */
export class XlsxPackage {
  private readonly texts: Map<string, string>;
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  /** Loaded parts whose bytes were inflated and checked (CRC, limits); the others are checked in save(). */
  private readonly verified: Set<string>;
  private contentTypes: string | undefined;

  private constructor(
    private readonly zip: JSZip,
    readonly workbookPart: string,
    private readonly limits: InflateLimits = DEFAULT_INFLATE_LIMITS,
    private readonly origin?: Origin,
  ) {
    // The parts an earlier package of the same bytes inflated and checked already.
    this.texts = new Map(origin?.texts);
    this.verified = new Set(origin?.texts.keys());
  }

  /**
   * Opens a package. Parts are inflated lazily, each checked as it is read: CRC-32, a corrupt deflate
   * stream and the inflate limits are a NotAWorkbookError naming the part, never a raw error.
   */
  static async open(data: Uint8Array, options: OpenOptions = {}): Promise<XlsxPackage> {
    const limits = { ...DEFAULT_INFLATE_LIMITS, ...options.limits };
    const fingerprint = nativeInflate?.crc32 ? nativeInflate.crc32(data) : undefined;
    const known = fingerprint !== undefined ? origins.get(data) : undefined;
    if (known && known.length === data.length && known.crc32 === fingerprint && sameLimits(known.limits, limits)) {
      // The same bytes opened before (and found a workbook): its entries and checked parts, in a zip of this package's own.
      const again = new JSZip();
      Object.assign(again.files, known.files);
      if (known.comment) (again as unknown as { comment: unknown }).comment = known.comment;
      return new XlsxPackage(again, known.workbookPart, limits, known);
    }
    const problem = magicProblem(data);
    if (problem) throw new NotAWorkbookError(`Not an .xlsx workbook: ${problem}.`);
    let zip: JSZip;
    try {
      // A Node Buffer as a plain Uint8Array: JSZip would copy every chunk of a Buffer byte by byte into a Uint8Array.
      const bytes = data.constructor === Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const decodeFileName = nativeInflate?.decodeFileName;
      zip = await JSZip.loadAsync(bytes, decodeFileName ? { decodeFileName: (name) => decodeFileName(name as Uint8Array) } : undefined);
    } catch (error) {
      throw new NotAWorkbookError(`Not an .xlsx workbook: the zip package cannot be read (${(error as Error).message}).`);
    }
    const texts = new Map<string, string>();
    const origin = (workbookPart: string): Origin | undefined =>
      fingerprint === undefined
        ? undefined
        : { length: data.length, crc32: fingerprint, limits, files: Object.assign(Object.create(null), zip.files), comment: (zip as unknown as { comment: unknown }).comment, workbookPart, texts };
    const probe = new XlsxPackage(zip, '', limits, origin(''));
    const rootRels = await probe.text('_rels/.rels');
    const office = rootRels ? parseRelationships(rootRels) : [];
    const main = office.find((r) => r.type === REL_TYPE.officeDocument);
    if (!main) {
      const strict = office.some((r) => r.type.endsWith('/officeDocument'));
      throw new NotAWorkbookError(
        strict
          ? 'Not a supported .xlsx workbook: it is saved as "Strict Open XML"; save it as an ordinary Excel Workbook (.xlsx).'
          : 'Not an .xlsx workbook: the zip package has no office document in it.',
      );
    }
    const workbookPart = resolveTarget('', main.target);
    const found = origin(workbookPart);
    const pkg = new XlsxPackage(zip, workbookPart, limits, found);
    const contentType = pkg.contentTypeOf(await pkg.contentTypesXml(), workbookPart);
    if (!zip.file(workbookPart) || !/spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.macroEnabled\.main/.test(contentType ?? '')) {
      const what = /binary/.test(contentType ?? '') ? 'it is a binary workbook (.xlsb); save it as .xlsx' : 'it is not an Excel workbook';
      throw new NotAWorkbookError(`Not an .xlsx workbook: ${what}.`);
    }
    if (found) origins = new WeakMap([[data, found]]);
    return pkg;
  }

  /** A new package with a workbook, styles and no sheets yet (the plan adds them). */
  static createEmpty(): XlsxPackage {
    const zip = new JSZip();
    const pkg = new XlsxPackage(zip, 'xl/workbook.xml');
    pkg.set(
      '[Content_Types].xml',
      `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/><Default Extension="xml" ContentType="${CONTENT_TYPE.xml}"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="${CONTENT_TYPE.extendedProperties}"/></Types>`,
    );
    pkg.set(
      '_rels/.rels',
      relationshipsXml([
        { id: 'rId1', type: REL_TYPE.officeDocument, target: 'xl/workbook.xml' },
        { id: 'rId2', type: REL_TYPE.extendedProperties, target: 'docProps/app.xml' },
      ]),
    );
    pkg.set(
      'docProps/app.xml',
      `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
        `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>infosakkollen-excel</Application></Properties>`,
    );
    pkg.set(
      'xl/workbook.xml',
      `${XML_HEADER}<workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}"><workbookPr/>` +
        `<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>`,
    );
    pkg.set('xl/_rels/workbook.xml.rels', relationshipsXml([{ id: 'rId1', type: REL_TYPE.styles, target: 'styles.xml' }]));
    pkg.set('xl/styles.xml', minimalStylesXml());
    return pkg;
  }

  has(part: string): boolean {
    return !this.removed.has(part) && (this.texts.has(part) || this.zip.file(part) !== null);
  }

  /** Every part path in the package, new ones included. */
  parts(): string[] {
    const all = new Set<string>();
    this.zip.forEach((path, file) => {
      if (!file.dir) all.add(path);
    });
    for (const part of this.texts.keys()) all.add(part);
    return [...all].filter((p) => !this.removed.has(p));
  }

  async text(part: string): Promise<string | undefined> {
    if (this.removed.has(part)) return undefined;
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    const file = this.zip.file(part);
    if (!file) return undefined;
    const text = await inflateEntry(part, file, this.limits, true);
    this.texts.set(part, text);
    this.verified.add(part);
    // The part as the zip holds it, checked: for the next package opened from the same bytes.
    this.origin?.texts.set(part, text);
    return text;
  }

  set(part: string, text: string): void {
    this.removed.delete(part);
    this.texts.set(part, text);
    this.changed.add(part);
  }

  remove(part: string): void {
    this.texts.delete(part);
    this.changed.delete(part);
    this.removed.add(part);
  }

  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(part));
    return xml ? parseRelationships(xml) : [];
  }

  setRelationships(part: string, rels: readonly Relationship[]): void {
    if (rels.length === 0) this.remove(relsPathOf(part));
    else this.set(relsPathOf(part), relationshipsXml(rels));
  }

  /** The workbook's sheets in tab order, with their parts. */
  async sheets(): Promise<SheetEntry[]> {
    const xml = (await this.text(this.workbookPart)) ?? '';
    const rels = await this.relationships(this.workbookPart);
    const entries: SheetEntry[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)) {
      const a = parseAttributes(m[1]);
      const relId = attributeByLocalName(a, 'id') ?? '';
      const rel = rels.find((r) => r.id === relId);
      entries.push({
        name: a.name,
        sheetId: Number(a.sheetId),
        relId,
        part: rel && !rel.external ? resolveTarget(this.workbookPart, rel.target) : undefined,
        relType: rel?.type,
      });
    }
    return entries;
  }

  private async contentTypesXml(): Promise<string> {
    if (this.contentTypes === undefined) this.contentTypes = (await this.text('[Content_Types].xml')) ?? '';
    return this.contentTypes;
  }

  private contentTypeOf(xml: string, part: string): string | undefined {
    const name = `/${part}`.toLowerCase();
    for (const m of xml.matchAll(/<(?:\w+:)?Override\b([^>]*?)\/?>/g)) {
      // Without entities the attributes read as written: one that does not hold the name is another part's.
      if (m[1].indexOf('&') < 0 && !m[1].toLowerCase().includes(name)) continue;
      const a = parseAttributes(m[1]);
      if (a.PartName?.toLowerCase() === name) return a.ContentType;
    }
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const m of xml.matchAll(/<(?:\w+:)?Default\b([^>]*?)\/?>/g)) {
      const a = parseAttributes(m[1]);
      if (a.Extension?.toLowerCase() === ext) return a.ContentType;
    }
    return undefined;
  }

  private async updateContentTypes(update: (xml: string) => string): Promise<void> {
    const before = await this.contentTypesXml();
    const after = update(before);
    if (after !== before) {
      this.contentTypes = after;
      this.set('[Content_Types].xml', after);
    }
  }

  /**
   * Declares a part's content type. New overrides go next to those of the same type, in name
   * order, so re-creating the same parts after removing them gives the same file.
   */
  async setOverride(part: string, contentType: string): Promise<void> {
    await this.updateContentTypes((xml) => {
      if (this.contentTypeOf(xml, part) === contentType && overridePattern(part).test(xml)) return xml;
      const without = xml.replace(overridePattern(part), '');
      const override = `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
      let insertAt = -1;
      for (const m of without.matchAll(/<(?:\w+:)?Override\b([^>]*?)\/?>/g)) {
        if (m[1].indexOf('&') < 0 && !m[1].includes(contentType)) continue; // another type (see contentTypeOf)
        const a = parseAttributes(m[1]);
        if (a.ContentType !== contentType) continue;
        if (insertAt < 0) insertAt = m.index!; // before the first of the group …
        if (naturalCompare(a.PartName ?? '', `/${part}`) < 0) insertAt = m.index! + m[0].length; // … or after the last smaller name
      }
      if (insertAt < 0) return without.replace(/<\/(\w+:)?Types>/, (close) => `${override}${close}`);
      return without.slice(0, insertAt) + override + without.slice(insertAt);
    });
  }

  async removeOverride(part: string): Promise<void> {
    await this.updateContentTypes((xml) => xml.replace(overridePattern(part), ''));
  }

  /** The lowest free part name from a pattern such as n => `xl/charts/chart${n}.xml`. */
  freePart(name: (n: number) => string, reserved: ReadonlySet<string> = new Set()): string {
    for (let n = 1; ; n++) {
      const part = name(n);
      if (!this.has(part) && !reserved.has(part) && !this.hasCaseInsensitive(part)) return part;
    }
  }

  private hasCaseInsensitive(part: string): boolean {
    const lower = part.toLowerCase();
    return this.parts().some((p) => p.toLowerCase() === lower);
  }

  async save(): Promise<Uint8Array> {
    // Parts nobody read are copied as they are: check them first, so a damaged part is refused
    // instead of being carried silently into the new file. Nothing is kept, so only the size limit
    // (time) applies, not the ratio (memory) one: a user's own very repetitive sheet still saves.
    const unchecked: [string, JSZip.JSZipObject][] = [];
    this.zip.forEach((path, file) => {
      if (!file.dir && !this.verified.has(path) && !this.changed.has(path) && !this.removed.has(path)) unchecked.push([path, file]);
    });
    for (const [path, file] of unchecked) {
      await inflateEntry(path, file, { ...this.limits, ratio: Infinity }, false);
      this.verified.add(path);
    }
    for (const part of this.removed) this.zip.remove(part);
    if (nativeInflate?.deflateRaw && nativeInflate.crc32) {
      const written = writeZipNatively(this.zip, this.changed, (part) => this.texts.get(part) ?? '', nativeInflate as NativeZip);
      if (written) return written;
    }
    for (const part of this.changed) {
      const text = this.texts.get(part) ?? '';
      // JSZip's JavaScript deflate costs ~60-150 ms on a cold start (the CLI writes once per
      // process), which is most of the budget; small parts are stored, big ones still deflated.
      // No folder entries: OPC packages hold parts only. The text goes in as its UTF-8 bytes (what
      // JSZip would make of it with Node's Buffer, which it then copied into a Uint8Array byte by byte).
      const bytes = UTF8.encode(text);
      this.zip.file(part, bytes, { binary: true, compression: text.length < DEFLATE_FROM_CHARS ? 'STORE' : 'DEFLATE', createFolders: false });
    }
    keptAsStored(this.zip, this.changed);
    // Unchanged entries keep their compressed bytes: JSZip reuses them when the method matches.
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

type NativeZip = Required<Pick<NativeInflate, 'crc32' | 'deflateRaw'>>;

/**
 * Parts the zip holds stored, and the plan did not change, stay stored: JSZip would write every part
 * without a method of its own with the zip's DEFLATE, inflating and deflating again what nobody
 * changed (issue 14: copied as they are, which writeZipNatively does too). In this package's zip
 * only: each such part is replaced by a copy that says STORE (the zips of other packages opened
 * from the same bytes share the originals).
 */
function keptAsStored(zip: JSZip, changed: ReadonlySet<string>): void {
  const files = (zip as unknown as { files: Record<string, JSZip.JSZipObject> }).files;
  zip.forEach((path, object) => {
    const file = object as unknown as HeldEntry;
    if (changed.has(path) || file.dir || file.options?.compression || !(file._data?.compressedContent instanceof Uint8Array) || file._data.compression?.magic !== '\x00\x00') return;
    const copy = Object.assign(Object.create(Object.getPrototypeOf(object) as object), object) as HeldEntry & { options: object };
    copy.options = { ...file.options, compression: 'STORE' };
    files[object.name] = copy as unknown as JSZip.JSZipObject;
  });
}

/** What save() asks of JSZip's generate, and writeZipNatively matches: DEFLATE at level 6, parts under 64K characters stored. */
const SAVE_LEVEL = 6;
const METHOD = { STORE: 0, DEFLATE: 8 } as const;

/** A part as JSZip holds it (its ZipObject; `_data` a CompressedObject for a part loaded from the zip). */
interface HeldEntry {
  readonly dir?: boolean;
  readonly date: Date;
  readonly comment?: string | null;
  readonly dosPermissions?: number | null;
  readonly options?: { readonly compression?: string | null };
  readonly _data?: LoadedEntry['_data'];
}

interface ZipRecord {
  readonly name: Uint8Array;
  readonly date: Date;
  readonly method: number;
  readonly crc32: number;
  readonly uncompressedSize: number;
  readonly data: Uint8Array;
  readonly dosPermissions: number;
}

/**
 * The zip JSZip's generateAsync writes for this package in save() (DOS platform, no streaming,
 * DEFLATE at level 6 unless a part says STORE), written directly: the same entries in the same
 * order, the same local headers, central directory and end record, byte for byte (see
 * test/adapters/xlsx/nativeSave.test.ts). A part the zip holds and nobody changed keeps its bytes,
 * method and CRC (save() has JSZip keep stored ones stored too, keptAsStored); the changed parts are
 * stored under 64K characters and deflated from there. JSZip's generate runs its parts
 * through a stream of workers and ticks, which cost more than all the rest of writing a workbook.
 *
 * Undefined (JSZip's generate then writes the zip) for anything this does not write as JSZip would
 * or has not been checked against it: a part name beyond ASCII, a part's or the zip's comment, an
 * empty part, a part name JavaScript orders as an integer, more than 65535 parts or 4 GiB.
 */
function writeZipNatively(zip: JSZip, changed: ReadonlySet<string>, textOf: (part: string) => string, native: NativeZip): Uint8Array | undefined {
  if ((zip as unknown as { comment?: string | null }).comment) return undefined;
  const now = new Date();
  const records: ZipRecord[] = [];
  let unusual = false;
  const ascii = (name: string) => {
    const bytes = new Uint8Array(name.length);
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      if (c > 0x7f) return undefined;
      bytes[i] = c;
    }
    return bytes;
  };
  const addChanged = (part: string) => {
    const name = ascii(part);
    const text = textOf(part);
    const bytes = UTF8.encode(text);
    // An empty part is one JSZip holds as "" (stored, whatever save() asks): left to it.
    if (!name || bytes.length === 0) return false;
    // save()'s choice, by the text's length in characters.
    const deflate = text.length >= DEFLATE_FROM_CHARS;
    const data = deflate ? native.deflateRaw(bytes, SAVE_LEVEL) : bytes;
    records.push({ name, date: now, method: deflate ? METHOD.DEFLATE : METHOD.STORE, crc32: native.crc32(bytes), uncompressedSize: bytes.length, data, dosPermissions: 0 });
    return true;
  };
  zip.forEach((path, object) => {
    if (unusual) return;
    if (changed.has(path)) {
      if (!addChanged(path)) unusual = true;
      return;
    }
    const file = object as unknown as HeldEntry;
    const held = file._data;
    const name = ascii(path);
    const stored = held?.compressedContent;
    const magic = held?.compression?.magic;
    const dosPermissions = (file.dosPermissions || 0) & 0x3f;
    if (!name || file.comment) {
      unusual = true;
      return;
    }
    if (file.dir) {
      // A folder entry (ExcelJS writes them): no data, stored, the DOS directory bit set.
      records.push({ name, date: file.date, method: METHOD.STORE, crc32: 0, uncompressedSize: 0, data: new Uint8Array(0), dosPermissions: dosPermissions | 0x10 });
      return;
    }
    if (!(stored instanceof Uint8Array) || held?.crc32 === undefined || held.uncompressedSize === undefined) {
      unusual = true;
      return;
    }
    // A part the zip holds and the plan did not change: its bytes as they are, stored or deflated (keptAsStored).
    if (magic === '\x08\x00' || magic === '\x00\x00') {
      records.push({ name, date: file.date, method: magic === '\x08\x00' ? METHOD.DEFLATE : METHOD.STORE, crc32: held.crc32 >>> 0, uncompressedSize: held.uncompressedSize >>> 0, data: stored, dosPermissions });
    } else {
      unusual = true;
    }
  });
  if (unusual) return undefined;
  const held = new Set<string>();
  zip.forEach((path) => held.add(path));
  for (const part of changed) {
    if (held.has(part)) continue;
    // JSZip keeps its parts as an object's keys: an integer-like name would go first, not last.
    if (/^(?:0|[1-9]\d*)$/.test(part) || !addChanged(part)) return undefined;
  }
  return zipBytes(records);
}

/** JSZip's local header fields ("version needed" 10, no flags) and its DOS time and date, as it computes them. */
function zipBytes(records: readonly ZipRecord[]): Uint8Array | undefined {
  if (records.length > 0xffff) return undefined;
  let localLength = 0;
  let centralLength = 0;
  for (const r of records) {
    localLength += 30 + r.name.length + r.data.length;
    centralLength += 46 + r.name.length;
  }
  if (localLength + centralLength + 22 > 0xffffffff) return undefined;
  const out = new Uint8Array(localLength + centralLength + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  let central = localLength;
  for (const r of records) {
    const date = r.date;
    let dosTime = date.getUTCHours();
    dosTime = dosTime << 6;
    dosTime = dosTime | date.getUTCMinutes();
    dosTime = dosTime << 5;
    dosTime = dosTime | (date.getUTCSeconds() / 2);
    let dosDate = date.getUTCFullYear() - 1980;
    dosDate = dosDate << 4;
    dosDate = dosDate | (date.getUTCMonth() + 1);
    dosDate = dosDate << 5;
    dosDate = dosDate | date.getUTCDate();
    const header = (to: number) => {
      view.setUint16(to, 10, true); // version needed to extract
      view.setUint16(to + 2, 0, true); // flags
      view.setUint16(to + 4, r.method, true);
      view.setUint16(to + 6, dosTime & 0xffff, true);
      view.setUint16(to + 8, dosDate & 0xffff, true);
      view.setUint32(to + 10, r.crc32 >>> 0, true);
      view.setUint32(to + 14, r.data.length >>> 0, true);
      view.setUint32(to + 18, r.uncompressedSize >>> 0, true);
      view.setUint16(to + 22, r.name.length, true);
      view.setUint16(to + 24, 0, true); // extra field length
    };
    const offset = at;
    view.setUint32(at, 0x04034b50, true);
    header(at + 4);
    out.set(r.name, at + 30);
    out.set(r.data, at + 30 + r.name.length);
    at += 30 + r.name.length + r.data.length;
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, 0x0014, true); // version made by: DOS, 2.0
    header(central + 6);
    view.setUint16(central + 32, 0, true); // comment length
    view.setUint16(central + 34, 0, true); // disk number start
    view.setUint16(central + 36, 0, true); // internal attributes
    view.setUint32(central + 38, r.dosPermissions, true); // external attributes
    view.setUint32(central + 42, offset, true);
    out.set(r.name, central + 46);
    central += 46 + r.name.length;
  }
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, records.length, true);
  view.setUint16(central + 10, records.length, true);
  view.setUint32(central + 12, centralLength, true);
  view.setUint32(central + 16, localLength, true);
  return out;
}

/** "chart2" before "chart10": digit runs compare as numbers. */
function naturalCompare(a: string, b: string): number {
  const split = (s: string) => s.toLowerCase().split(/(\d+)/);
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    if (i % 2 === 1) return Number(x[i]) - Number(y[i]);
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

function overridePattern(part: string): RegExp {
  const escaped = `/${part}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="${escaped}"[^>]*?/>`, 'gi');
}
