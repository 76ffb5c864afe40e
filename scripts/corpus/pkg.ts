/**
 * A small, independent view of an .xlsx package for building and checking the corpus: parts,
 * relationships, content types and sheet lookup by name. Deliberately not the product's own
 * package code (src/adapters/xlsx), so the corpus does not share the product's mistakes.
 */
import JSZip from 'jszip';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};

export const REL = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  styles: `${NS.rel}/styles`,
  comments: `${NS.rel}/comments`,
  vmlDrawing: `${NS.rel}/vmlDrawing`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
  image: `${NS.rel}/image`,
  hyperlink: `${NS.rel}/hyperlink`,
  calcChain: `${NS.rel}/calcChain`,
  customXml: `${NS.rel}/customXml`,
  customProperties: `${NS.rel}/custom-properties`,
};

export const CT = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  customProperties: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  png: 'image/png',
};

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The resolved part name (no leading slash), '' for external targets. */
  readonly part: string;
  /** The element as written. */
  readonly xml: string;
}

export function attr(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}="([^"]*)"`).exec(attributes);
  return m ? decodeXml(m[1]) : undefined;
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|apos|lt|gt|amp);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' } as Record<string, string>)[e];
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export function resolveTarget(source: string, target: string): string {
  const segments = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const s of target.replace(/^\//, '').split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(decodeURIComponent(s));
  }
  return segments.join('/');
}

export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function parseRels(xml: string | undefined, source: string): Rel[] {
  if (!xml) return [];
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = m[1];
    const external = attr(a, 'TargetMode') === 'External';
    const target = attr(a, 'Target') ?? '';
    out.push({ id: attr(a, 'Id') ?? '', type: attr(a, 'Type') ?? '', target, external, part: external ? '' : resolveTarget(source, target), xml: m[0] });
  }
  return out;
}

export interface SheetInfo {
  readonly name: string;
  readonly sheetId: string;
  readonly rid: string;
  readonly state?: string;
  /** Worksheet part ('' when the relationship is missing). */
  readonly part: string;
  readonly relType: string;
  /** The `<sheet>` element as written. */
  readonly xml: string;
  readonly index: number;
}

/** A fixed date for every entry written, so the corpus is the same on every run. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));

export class Pkg {
  private constructor(readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<Pkg> {
    return new Pkg(await JSZip.loadAsync(bytes));
  }

  parts(): string[] {
    return Object.keys(this.zip.files)
      .filter((p) => !this.zip.files[p].dir)
      .sort();
  }

  has(part: string): boolean {
    return !!this.zip.file(part);
  }

  async text(part: string): Promise<string | undefined> {
    return this.zip.file(part)?.async('string');
  }

  async mustText(part: string): Promise<string> {
    const t = await this.text(part);
    if (t === undefined) throw new Error(`no part ${part}`);
    return t;
  }

  async bytes(part: string): Promise<Uint8Array | undefined> {
    return this.zip.file(part)?.async('uint8array');
  }

  set(part: string, content: string | Uint8Array): void {
    this.zip.file(part, content, { date: FIXED_DATE, createFolders: false });
  }

  remove(part: string): void {
    this.zip.remove(part);
  }

  async workbookPart(): Promise<string> {
    const rels = parseRels(await this.text('_rels/.rels'), '');
    const doc = rels.find((r) => r.type === REL.officeDocument || r.type.endsWith('/officeDocument'));
    return doc?.part ?? 'xl/workbook.xml';
  }

  async rels(part: string): Promise<Rel[]> {
    return parseRels(await this.text(relsPathOf(part)), part);
  }

  async sheets(): Promise<SheetInfo[]> {
    const wb = await this.workbookPart();
    const xml = (await this.text(wb)) ?? '';
    const rels = await this.rels(wb);
    const out: SheetInfo[] = [];
    let index = 0;
    for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
      const a = m[1];
      const rid = /\br:id="([^"]*)"/.exec(a)?.[1] ?? /\b\w+:id="([^"]*)"/.exec(a)?.[1] ?? '';
      const rel = rels.find((r) => r.id === rid);
      out.push({
        name: attr(a, 'name') ?? '',
        sheetId: attr(a, 'sheetId') ?? '',
        rid,
        state: attr(a, 'state'),
        part: rel?.part ?? '',
        relType: rel?.type ?? '',
        xml: m[0],
        index: index++,
      });
    }
    return out;
  }

  /** The sheet named `name` (case-insensitive, as Excel matches names). */
  async sheet(name: string): Promise<SheetInfo> {
    const s = (await this.sheets()).find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  async sheetXml(name: string): Promise<string> {
    return this.mustText((await this.sheet(name)).part);
  }

  async setSheetXml(name: string, xml: string): Promise<void> {
    this.set((await this.sheet(name)).part, xml);
  }

  /** Adds a relationship from `source` and returns its id. */
  async addRel(source: string, type: string, target: string, external = false): Promise<string> {
    const path = relsPathOf(source);
    const xml = (await this.text(path)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const ids = new Set(parseRels(xml, source).map((r) => r.id));
    let n = 1;
    while (ids.has(`rIdU${n}`)) n++;
    const id = `rIdU${n}`;
    const el = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ''}/>`;
    this.set(path, xml.includes('</Relationships>') ? xml.replace('</Relationships>', `${el}</Relationships>`) : xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${el}</Relationships>`));
    return id;
  }

  async addOverride(part: string, contentType: string): Promise<void> {
    const xml = await this.mustText('[Content_Types].xml');
    if (xml.includes(`PartName="/${part}"`)) return;
    this.set('[Content_Types].xml', xml.replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`));
  }

  async addDefault(extension: string, contentType: string): Promise<void> {
    const xml = await this.mustText('[Content_Types].xml');
    if (new RegExp(`Extension="${extension}"`, 'i').test(xml)) return;
    this.set('[Content_Types].xml', xml.replace(/(<Types\b[^>]*>)/, `$1<Default Extension="${extension}" ContentType="${contentType}"/>`));
  }

  /** A part name not yet used: `xl/drawings/drawing{n}.xml` for pattern `xl/drawings/drawing#.xml`. */
  freePart(pattern: string): string {
    for (let n = 1; ; n++) {
      const p = pattern.replace('#', String(n + 100));
      if (!this.has(p)) return p;
    }
  }

  async save(compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: 'uint8array', compression, compressionOptions: { level: 6 } });
  }
}

/** Element order of a worksheet (CT_Worksheet), for inserting an element where Excel expects it. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** Inserts `element` (whose local name is `name`) into worksheet XML in schema order. */
export function insertWorksheetElement(xml: string, name: string, element: string): string {
  const after = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1);
  let best = -1;
  for (const n of after) {
    const m = new RegExp(`<(?:\\w+:)?${n}\\b`).exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  if (best < 0) best = xml.search(/<\/(?:\w+:)?worksheet>/);
  return xml.slice(0, best) + element + xml.slice(best);
}
