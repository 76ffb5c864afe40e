/**
 * Package-level comparison of a workbook before and after the product wrote it: what the user
 * made must still be there, byte for byte where the product has no business, cell by cell where
 * the product updates a sheet in place (Handlingsplan; the level sheets under `fill`).
 *
 * Allowed to change: the parts of product-owned result sheets that are replaced (and the drawings,
 * charts, tables only they use), calcChain, docProps/app.xml, the bookkeeping in workbook.xml
 * (sheets list, definedNames, calcPr), its relationships and [Content_Types].xml (additions), and
 * styles.xml / sharedStrings.xml by appending only. Everything else is compared exactly.
 */
import { Pkg, attr, decodeXml, parseRels, relsPathOf, type SheetInfo } from '../../scripts/corpus/pkg';
import { SheetDoc, cellText, parseSharedStrings, type Cell } from '../../scripts/corpus/sheet';
import { levelLayout, planLayout } from '../../scripts/corpus/layouts';
import { colName, ref } from '../../scripts/corpus/refs';

/** The sheets the product replaces on every computation (Målgraf: issue 13; Mål is made once and then compared byte for byte like the user's). */
export const RESULT_SHEET_NAMES = ['Resultat', 'Ledningssammanfattning', 'Arbetsområden', 'Återkoppling', 'Nästa nivå', 'Handlingsplan', 'Målgraf'];
export const LEVEL_SHEET_NAMES = ['Nivå 1', 'Nivå 2', 'Nivå 3', 'Nivå 4'];
const OWNER_NAME = 'Infosakkollen_blad';
const GANTT_MARK = 'infosakkollen:gantt';

export interface CellRules {
  /** The product may rewrite this existing cell (value, type; style must stay unless `styleMayChange`). */
  mayChange(col: number, row: number): boolean;
  /** The product may create this cell where the input has none. */
  mayAdd(col: number, row: number): boolean;
  /** Product-written ids (HP-Fnn) must be unique in this column. */
  readonly uniqueIdColumn?: number;
  readonly header?: number;
  readonly describe: string;
  /** Further checks of the output sheet (e.g. the Gantt is written once). */
  readonly check?: (b: SheetDoc, itemsB: readonly string[]) => string[];
}

export interface CompareOptions {
  /** Input sheet names (lower case) the product replaces. */
  readonly replaced: ReadonlySet<string>;
  /** Input sheet names (lower case) the product updates in place, with what it may touch. */
  readonly cellLevel: ReadonlyMap<string, CellRules>;
}

export interface View {
  readonly pkg: Pkg;
  readonly parts: Map<string, Buffer>;
  readonly sheets: SheetInfo[];
  readonly workbookPart: string;
  readonly sst: { items: string[]; xml: string[] };
  readonly sstPart?: string;
  readonly stylesPart?: string;
}

export async function view(bytes: Uint8Array): Promise<View> {
  const pkg = await Pkg.open(bytes);
  const parts = new Map<string, Buffer>();
  for (const p of pkg.parts()) parts.set(p, Buffer.from((await pkg.bytes(p))!));
  const workbookPart = await pkg.workbookPart();
  const rels = await pkg.rels(workbookPart);
  const sstPart = rels.find((r) => r.type.endsWith('/sharedStrings'))?.part;
  const stylesPart = rels.find((r) => r.type.endsWith('/styles'))?.part;
  const sst = parseSharedStrings(sstPart ? parts.get(sstPart)?.toString('utf8') : undefined);
  return { pkg, parts, sheets: await pkg.sheets(), workbookPart, sst, sstPart, stylesPart };
}

const text = (v: View, part: string) => v.parts.get(part)?.toString('utf8');

/** Internal parts reachable through relationships from `starts` (the starts included). */
function reachable(v: View, starts: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const p = queue.pop()!;
    if (!p || seen.has(p)) continue;
    seen.add(p);
    const rels = parseRels(text(v, relsPathOf(p)), p);
    if (rels.length) seen.add(relsPathOf(p));
    for (const r of rels) if (!r.external && v.parts.has(r.part)) queue.push(r.part);
  }
  return seen;
}

/** Sheets of the input the product owns: a result sheet's name in any case, unless the case says it is the user's. */
export function ownedSheets(input: View, userSheets: readonly string[] = []): SheetInfo[] {
  const results = new Set(RESULT_SHEET_NAMES.map((n) => n.toLowerCase()));
  const users = new Set(userSheets);
  return input.sheets.filter((s) => results.has(s.name.toLowerCase()) && !users.has(s.name));
}

export async function comparePackages(a: View, b: View, opts: CompareOptions): Promise<string[]> {
  const out: string[] = [];
  const add = (s: string) => out.push(s);

  // --- sheets: every input sheet is still there, same name (replaced ones: same name in any case), order kept
  const matched = new Map<SheetInfo, SheetInfo>();
  const bNames = b.sheets.map((s) => s.name.toLowerCase());
  const dup = bNames.find((n, i) => bNames.indexOf(n) !== i);
  if (dup) add(`workbook: two sheets named "${dup}" (names differing only in case)`);
  for (const s of a.sheets) {
    const replaced = opts.replaced.has(s.name.toLowerCase());
    const t = b.sheets.find((x) => x.name === s.name) ?? (replaced ? b.sheets.find((x) => x.name.toLowerCase() === s.name.toLowerCase()) : undefined);
    if (!t) {
      add(`sheet "${s.name}" is gone (sheets now: ${b.sheets.map((x) => x.name).join(', ')})`);
      continue;
    }
    matched.set(s, t);
    if (!replaced) {
      if (t.sheetId !== s.sheetId) add(`sheet "${s.name}": sheetId ${s.sheetId} → ${t.sheetId}`);
      if (t.part !== s.part) add(`sheet "${s.name}": part ${s.part} → ${t.part}`);
    }
    if ((t.state ?? 'visible') !== (s.state ?? 'visible')) add(`sheet "${s.name}": state ${s.state ?? 'visible'} → ${t.state ?? 'visible'}`);
  }
  const order = a.sheets.filter((s) => matched.has(s)).map((s) => b.sheets.indexOf(matched.get(s)!));
  if (order.some((x, i) => i > 0 && x < order[i - 1])) add(`the order of the user's sheets changed: ${b.sheets.map((x) => x.name).join(', ')}`);

  // --- which input parts may change
  const replacedSheets = a.sheets.filter((s) => opts.replaced.has(s.name.toLowerCase()));
  const cellLevelSheets = a.sheets.filter((s) => opts.cellLevel.has(s.name.toLowerCase()));
  const others = a.sheets.filter((s) => !opts.replaced.has(s.name.toLowerCase())).map((s) => s.part);
  const keep = reachable(a, others.filter(Boolean));
  const free = new Set([...reachable(a, replacedSheets.map((s) => s.part).filter(Boolean))].filter((p) => !keep.has(p)));
  const special = new Set<string>([a.workbookPart, relsPathOf(a.workbookPart), '[Content_Types].xml', 'docProps/app.xml']);
  if (a.sstPart) special.add(a.sstPart);
  if (a.stylesPart) special.add(a.stylesPart);
  for (const s of cellLevelSheets) special.add(s.part);
  for (const r of parseRels(text(a, relsPathOf(a.workbookPart)), a.workbookPart)) if (r.type.endsWith('/calcChain')) free.add(r.part);
  // Relationship parts of sheets updated in place: compared as relationship sets below.
  for (const s of cellLevelSheets) special.add(relsPathOf(s.part));

  for (const [part, bytes] of a.parts) {
    if (free.has(part) || special.has(part)) continue;
    const other = b.parts.get(part);
    if (!other) add(`part ${part} is gone`);
    else if (!other.equals(bytes)) add(`part ${part} changed${firstDifference(bytes, other)}`);
  }

  compareWorkbookXml(a, b, opts, matched, add);
  compareRelationships(a, b, a.workbookPart, (r) => r.type.endsWith('/calcChain') || replacedSheets.some((s) => s.part === r.part), add);
  compareContentTypes(a, b, add);
  compareStyles(a, b, add);
  compareSharedStrings(a, b, add);

  for (const s of cellLevelSheets) {
    const t = matched.get(s);
    if (!t) continue;
    compareRelationships(a, b, s.part, () => false, add, t.part);
    const rules = opts.cellLevel.get(s.name.toLowerCase())!;
    compareSheetCells(s.name, new SheetDoc(text(a, s.part)!, s.name), a.sst.xml, new SheetDoc(text(b, t.part) ?? '<sheetData/>', t.name), b.sst.xml, rules, add);
  }
  return out;
}

function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 40), i + 60).toString('utf8'));
  return ` at byte ${i}: ${show(a)} → ${show(b)}`;
}

function compareWorkbookXml(a: View, b: View, opts: CompareOptions, matched: Map<SheetInfo, SheetInfo>, add: (s: string) => void): void {
  const wa = text(a, a.workbookPart) ?? '';
  const wb = text(b, b.workbookPart) ?? '';
  const strip = (x: string) =>
    x
      .replace(/<((?:\w+:)?)sheets\b[^>]*>[\s\S]*?<\/\1sheets>/, '')
      .replace(/<((?:\w+:)?)definedNames\b[^>]*>[\s\S]*?<\/\1definedNames>|<(?:\w+:)?definedNames\/>/, '')
      .replace(/<((?:\w+:)?)calcPr\b[^>]*\/>|<((?:\w+:)?)calcPr\b[^>]*>[\s\S]*?<\/\2calcPr>/, '');
  const sa = strip(wa);
  const sb = strip(wb);
  if (sa !== sb) add(`workbook.xml changed outside sheets, definedNames and calcPr${firstDifference(Buffer.from(sa), Buffer.from(sb))}`);
  // Defined names of the user (not the product's marker, not print settings of replaced sheets).
  const names = (x: string) =>
    [...x.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)].map((m) => ({
      name: attr(m[1], 'name') ?? '',
      local: attr(m[1], 'localSheetId'),
      hidden: attr(m[1], 'hidden') ?? '0',
      value: decodeXml(m[2]),
    }));
  const na = names(wa);
  const nb = names(wb);
  for (const n of na) {
    if (n.name === OWNER_NAME) continue;
    const sheetA = n.local !== undefined ? a.sheets[Number(n.local)] : undefined;
    if (sheetA && opts.replaced.has(sheetA.name.toLowerCase()) && n.name.startsWith('_xlnm.')) continue;
    const localB = sheetA ? String(b.sheets.indexOf(matched.get(sheetA)!)) : undefined;
    const found = nb.find((x) => x.name === n.name && x.local === localB);
    if (!found) add(`defined name ${n.name}${sheetA ? ` (${sheetA.name})` : ''} is gone`);
    else if (found.value !== n.value || found.hidden !== n.hidden) add(`defined name ${n.name}: ${JSON.stringify(n.value)} → ${JSON.stringify(found.value)}`);
  }
}

function compareRelationships(a: View, b: View, part: string, ignore: (r: ReturnType<typeof parseRels>[number]) => boolean, add: (s: string) => void, partB = part): void {
  const ra = parseRels(text(a, relsPathOf(part)), part);
  const rb = parseRels(text(b, relsPathOf(partB)), partB);
  for (const r of ra) {
    if (ignore(r)) continue;
    const t = rb.find((x) => x.id === r.id);
    if (!t) add(`${relsPathOf(part)}: relationship ${r.id} (${r.type.split('/').pop()} → ${r.target}) is gone`);
    else if (t.type !== r.type || t.part !== r.part || t.external !== r.external || (r.external && t.target !== r.target))
      add(`${relsPathOf(part)}: relationship ${r.id} now ${t.type.split('/').pop()} → ${t.target}`);
  }
}

function compareContentTypes(a: View, b: View, add: (s: string) => void): void {
  const ca = text(a, '[Content_Types].xml') ?? '';
  const cb = text(b, '[Content_Types].xml') ?? '';
  const defaults = (x: string) => new Map([...x.matchAll(/<Default\b([^>]*)\/?>/g)].map((m) => [(attr(m[1], 'Extension') ?? '').toLowerCase(), attr(m[1], 'ContentType')]));
  const overrides = (x: string) => new Map([...x.matchAll(/<Override\b([^>]*)\/?>/g)].map((m) => [(attr(m[1], 'PartName') ?? '').toLowerCase(), attr(m[1], 'ContentType')]));
  const da = defaults(ca);
  const db = defaults(cb);
  for (const [ext, type] of da) if (db.get(ext) !== type) add(`[Content_Types].xml: Default for .${ext} (${type}) is gone`);
  const oa = overrides(ca);
  const ob = overrides(cb);
  for (const [name, type] of oa) {
    if (!b.parts.has(name.replace(/^\//, '')) && ![...b.parts.keys()].some((p) => `/${p}`.toLowerCase() === name)) continue;
    const ext = name.split('.').pop() ?? '';
    if (ob.get(name) !== type && !(ob.get(name) === undefined && db.get(ext) === type)) add(`[Content_Types].xml: ${name} is no longer ${type}`);
  }
}

function children(xml: string, collection: string, child: string): string[] | undefined {
  const m = new RegExp(`<((?:\\w+:)?)${collection}\\b[^>]*?(?:/>|>([\\s\\S]*?)</\\1${collection}>)`).exec(xml);
  if (!m) return undefined;
  const out: string[] = [];
  const re = new RegExp(`<(?:\\w+:)?${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${child}>)`, 'g');
  for (const c of (m[2] ?? '').matchAll(re)) out.push(c[0]);
  return out;
}

function compareStyles(a: View, b: View, add: (s: string) => void): void {
  if (!a.stylesPart) return;
  const sa = text(a, a.stylesPart) ?? '';
  const sb = (b.stylesPart && text(b, b.stylesPart)) ?? '';
  if (sa === sb) return;
  const indexed: [string, string][] = [
    ['fonts', 'font'],
    ['fills', 'fill'],
    ['borders', 'border'],
    ['cellStyleXfs', 'xf'],
    ['cellXfs', 'xf'],
    ['dxfs', 'dxf'],
  ];
  for (const [collection, child] of indexed) {
    const ca = children(sa, collection, child) ?? [];
    const cb = children(sb, collection, child) ?? [];
    const i = ca.findIndex((x, k) => cb[k] !== x);
    if (i >= 0) add(`styles.xml: ${collection}[${i}] changed or removed (${ca[i].slice(0, 120)} → ${(cb[i] ?? 'none').slice(0, 120)}): user cells styled with it change`);
  }
  for (const [collection, child] of [
    ['numFmts', 'numFmt'],
    ['cellStyles', 'cellStyle'],
  ]) {
    const ca = children(sa, collection, child) ?? [];
    const cb = new Set(children(sb, collection, child) ?? []);
    for (const x of ca) if (!cb.has(x)) add(`styles.xml: ${collection} lost ${x.slice(0, 120)}`);
  }
}

function compareSharedStrings(a: View, b: View, add: (s: string) => void): void {
  const i = a.sst.xml.findIndex((x, k) => b.sst.xml[k] !== x);
  if (i >= 0) add(`sharedStrings.xml: item ${i} changed or removed (${a.sst.xml[i].slice(0, 100)} → ${(b.sst.xml[i] ?? 'none').slice(0, 100)})`);
}

// --------------------------------------------------------------------------------------------
// Cell-level comparison of a sheet updated in place

interface Norm {
  readonly s: string;
  readonly kind: string;
  readonly payload: string;
  readonly f: string;
  readonly other: string;
}

function norm(c: Cell, sst: readonly string[]): Norm {
  const t = attr(c.attrs, 't') ?? 'n';
  const s = attr(c.attrs, 's') ?? '0';
  const f = /<(?:\w+:)?f\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?f>)/.exec(c.inner)?.[0] ?? '';
  let kind = t;
  let payload: string;
  if (t === 's') {
    kind = 'string';
    const raw = sst[Number(/<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(c.inner)?.[1])] ?? '';
    payload = raw.replace(/^<(?:\w+:)?si>|<\/(?:\w+:)?si>$/g, '');
  } else if (t === 'inlineStr') {
    kind = 'string';
    payload = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(c.inner)?.[1] ?? '';
  } else {
    payload = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(c.inner)?.[1] ?? '';
  }
  const other = c.attrs.replace(/\s+(s|t)="[^"]*"/g, '').trim();
  return { s, kind, payload: payload.replace(/<t>/g, '<t xml:space="preserve">').replace(/<t xml:space="preserve">/g, '<t>'), f, other };
}

/** A number cell (t absent or "n", as LibreOffice and openpyxl write it) with a value. */
export function isNumberCell(c: Cell): boolean {
  return (attr(c.attrs, 't') ?? 'n') === 'n' && /<(?:\w+:)?v>/.test(c.inner);
}

function isEmpty(c: Cell): boolean {
  return !/<(?:\w+:)?(v|f|is)\b/.test(c.inner);
}

export function compareSheetCells(name: string, a: SheetDoc, sstA: readonly string[], b: SheetDoc, sstB: readonly string[], rules: CellRules, add: (s: string) => void): void {
  const problems: string[] = [];
  const itemsA = parseSstItems(sstA);
  const itemsB = parseSstItems(sstB);
  const bCells = new Map<string, Cell>();
  for (const r of b.rows.values()) for (const c of r.cells) bCells.set(ref(c.col, c.row), c);
  const aCells = new Map<string, Cell>();
  for (const r of a.rows.values()) for (const c of r.cells) aCells.set(ref(c.col, c.row), c);

  for (const [at, c] of aCells) {
    if (rules.mayChange(c.col, c.row)) continue;
    const t = bCells.get(at);
    if (!t) {
      if (!isEmpty(c) || (attr(c.attrs, 's') ?? '0') !== '0') problems.push(`${at} removed (was ${describe(c, itemsA)})`);
      continue;
    }
    const x = norm(c, sstA);
    const y = norm(t, sstB);
    if (x.kind !== y.kind || x.payload !== y.payload) problems.push(`${at}: ${describe(c, itemsA)} → ${describe(t, itemsB)}`);
    else if (x.f !== y.f) problems.push(`${at}: formula ${x.f || 'none'} → ${y.f || 'none'}`);
    else if (x.s !== y.s) problems.push(`${at}: style s=${x.s} → s=${y.s}`);
    else if (x.other !== y.other) problems.push(`${at}: attributes "${x.other}" → "${y.other}"`);
  }
  for (const [at, c] of bCells) {
    if (aCells.has(at) || rules.mayAdd(c.col, c.row)) continue;
    if (isEmpty(c) && (attr(c.attrs, 's') ?? '0') === '0') continue;
    problems.push(`${at} written where the input had no cell (${describe(c, itemsB)})`);
  }
  // Rows of the input keep their height, hidden state, outline and style.
  for (const r of a.rows.values()) {
    const t = b.rows.get(r.r);
    const na = r.attrs.trim();
    const nb = (t?.attrs ?? '').trim();
    if (na !== nb && (na || t)) problems.push(`row ${r.r}: attributes "${na}" → "${nb}"`);
  }
  if (rules.uniqueIdColumn !== undefined) {
    // A suggested activity is written once: no more rows with an HP-F id than the user had (at least one).
    const count = (doc: SheetDoc, items: readonly string[]) => {
      const rows = new Map<string, number[]>();
      for (const r of doc.rows.values()) {
        if (rules.header !== undefined && r.r <= rules.header) continue;
        const c = r.cells.find((x) => x.col === rules.uniqueIdColumn);
        const id = c ? (cellText(c, items) ?? '').trim() : '';
        if (/^HP-F\d+$/.test(id)) rows.set(id, [...(rows.get(id) ?? []), r.r]);
      }
      return rows;
    };
    const before = count(a, itemsA);
    for (const [id, rows] of count(b, itemsB)) if (rows.length > Math.max(1, before.get(id)?.length ?? 0)) problems.push(`${id} written ${rows.length} times (rows ${rows.join(', ')})`);
  }
  if (rules.check) problems.push(...rules.check(b, itemsB));
  // Everything outside sheetData that the user owns.
  for (const el of ['sheetPr', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetProtection', 'autoFilter', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'tableParts']) {
    const ea = element(a.head + a.tail, el);
    const eb = element(b.head + b.tail, el);
    if (ea !== undefined && ea !== eb) problems.push(`<${el}> changed: ${ea.slice(0, 160)} → ${(eb ?? 'gone').slice(0, 160)}`);
  }
  for (const [el, child] of [
    ['mergeCells', 'mergeCell'],
    ['hyperlinks', 'hyperlink'],
    ['dataValidations', 'dataValidation'],
  ]) {
    const ca = childElements(a.head + a.tail, el, child);
    const cb = new Set(childElements(b.head + b.tail, el, child));
    for (const x of ca) if (!cb.has(x)) problems.push(`${child} lost: ${x.slice(0, 160)}`);
  }
  const rulesOf = (x: string) =>
    [...x.matchAll(/<(?:\w+:)?conditionalFormatting\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?conditionalFormatting>/g)].flatMap((m) =>
      [...m[2].matchAll(/<(?:\w+:)?cfRule\b[\s\S]*?(?:<\/(?:\w+:)?cfRule>|\/>)/g)]
        .map((r) => `${attr(m[1], 'sqref')} ${r[0].replace(/\s+priority="\d+"/, '')}`)
        .filter((r) => !r.includes(GANTT_MARK) && !/AND\(ISNUMBER\(\$[A-Z]+\d+\),ISNUMBER\(\$[A-Z]+\d+\)/.test(r)),
    );
  const cfb = new Set(rulesOf(b.head + b.tail));
  for (const r of rulesOf(a.head + a.tail)) if (!cfb.has(r)) problems.push(`conditional format lost: ${r.slice(0, 160)}`);

  if (problems.length) add(`${name} (${rules.describe}): ${problems.length} change(s) to the user's content: ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? ' …' : ''}`);
}

function parseSstItems(raw: readonly string[]): string[] {
  return parseSharedStrings(raw.join('')).items;
}

function describe(c: Cell, items: readonly string[]): string {
  const f = /<(?:\w+:)?f\b[^>]*>([\s\S]*?)<\/(?:\w+:)?f>/.exec(c.inner)?.[1];
  const v = cellText(c, items);
  return `${f ? `=${decodeXml(f)} ` : ''}${v === undefined ? 'empty' : JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
}

function element(xml: string, name: string): string | undefined {
  const m = new RegExp(`<((?:\\w+:)?)${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1${name}>)`).exec(xml);
  return m?.[0];
}

function childElements(xml: string, collection: string, child: string): string[] {
  const block = new RegExp(`<((?:\\w+:)?)${collection}\\b[^>]*>([\\s\\S]*?)</\\1${collection}>`).exec(xml);
  if (!block) return [];
  return [...block[2].matchAll(new RegExp(`<(?:\\w+:)?${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${child}>)`, 'g'))].map((m) => m[0].replace(/\s+/g, ' '));
}

// --------------------------------------------------------------------------------------------
// Rules

/**
 * Handlingsplan: the product may write "Beräknat läge" below the header, the Gantt month dates in
 * the header, and new activity rows in empty rows below the last row with an id. Nothing else.
 */
export function planRules(doc: SheetDoc, sstRaw: readonly string[]): CellRules {
  const sst = parseSstItems(sstRaw);
  let lay: ReturnType<typeof planLayout>;
  try {
    lay = planLayout(doc, sst);
  } catch {
    const max = doc.maxRow();
    return { describe: 'no header found in the input: only rows below it may be added', mayChange: () => false, mayAdd: (_c, r) => r > max };
  }
  const computed = lay.col.computed;
  const header = lay.header;
  const lastId = Math.max(header, ...lay.activityRows);
  const rowHasContent = (r: number) => (doc.rows.get(r)?.cells ?? []).some((c) => !isEmpty(c));
  const has = (c: number, r: number) => (doc.rows.get(r)?.cells ?? []).some((x) => x.col === c);
  const isGanttDate = (c: number) => {
    const cell = doc.rows.get(header)?.cells.find((x) => x.col === c);
    return !!cell && isNumberCell(cell) && !/<(?:\w+:)?f\b/.test(cell.inner);
  };
  return {
    describe: `updated in place: only column ${colName(computed)} below row ${header}, the Gantt dates in row ${header}, and new rows in empty rows below row ${lastId}`,
    header,
    uniqueIdColumn: lay.col.id,
    // Gantt dates: numbers in the header row right of "Beräknat läge" (a column the user inserted among them moves some further right).
    mayChange: (c, r) => (r > header && c === computed) || (r === header && c > computed && isGanttDate(c)) || (r > lastId && !rowHasContent(r)),
    mayAdd: (c, r) => (r > header && c === computed && r <= lastId) || (r === header && c > computed && !has(c, r)) || (r > lastId && !rowHasContent(r)),
    check: (b, itemsB) => {
      // The Gantt months are written once: no more date cells right of "Beräknat läge" than before (at least 12).
      const count = (d: SheetDoc, items: readonly string[]) => {
        try {
          const l = planLayout(d, items);
          return (d.rows.get(l.header)?.cells ?? []).filter((x) => x.col > l.col.computed && isNumberCell(x)).length;
        } catch {
          return -1;
        }
      };
      const before = count(doc, sst);
      const after = count(b, itemsB);
      if (after < 0) return ['the output has no Handlingsplan header row'];
      return after > Math.max(12, before) ? [`the Gantt header has ${after} date cells (before: ${before}): months written twice`] : [];
    },
  };
}

/** A level sheet under `fill`: only the answer, comment and evidence cells of the given questions. */
export function fillRules(doc: SheetDoc, sstRaw: readonly string[], questions: ReadonlySet<number>): CellRules {
  const sst = parseSstItems(sstRaw);
  let lay: ReturnType<typeof levelLayout>;
  try {
    lay = levelLayout(doc, sst);
  } catch {
    return { describe: 'layout not recognised in the input: nothing may change', mayChange: () => false, mayAdd: () => false };
  }
  const rows = new Set<number>();
  for (const r of doc.rows.values()) {
    const c = r.cells.find((x) => x.col === lay.col.id);
    const m = c ? /^Q(\d+)(?:\.[a-z])?$/i.exec((cellText(c, sst) ?? '').trim()) : null;
    if (m && questions.has(Number(m[1]))) rows.add(r.r);
  }
  const cols = new Set([lay.col.answer, lay.col.comment, lay.col.evidence]);
  const may = (c: number, r: number) => rows.has(r) && cols.has(c);
  return { describe: `fill of questions ${[...questions].join(', ')}: only their answer, comment and evidence cells`, mayChange: may, mayAdd: may };
}
