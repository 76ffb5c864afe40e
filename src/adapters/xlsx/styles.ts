/**
 * styles.xml: appends the fonts, fills, borders, number formats, cell formats (xf) and
 * differential formats (dxf) the plan needs. Existing entries keep their indexes (the user's cells
 * and other sheets point at them); an entry identical to one already there is reused, so applying
 * a plan twice does not grow the file.
 * For sheets updated in place, overlayXf() clones a cell's existing format and sets only what the
 * plan's style names, so the user's own fill, font or number format survives.
 */
import type { CellStyle } from '../../workbook/plan/types';
import { XML_HEADER, escapeXml, parseAttributes } from './xml';

/** A cell's final style: the plan's CellStyle plus what the adapter adds for links. */
export interface ResolvedStyle extends CellStyle {
  readonly underline?: boolean;
}

/** A ResolvedStyle's keys, sorted as Array.prototype.sort sorts them. */
const STYLE_KEYS: readonly string[] = (['bold', 'italic', 'underline', 'fontSize', 'fontColor', 'fill', 'hAlign', 'vAlign', 'wrap', 'numberFormat', 'border', 'locked', 'indent'] satisfies (keyof ResolvedStyle)[]).sort();
const STYLE_KEY_SET: ReadonlySet<string> = new Set(STYLE_KEYS);

/**
 * JSON.stringify(style, Object.keys(style).sort()), the style's cache key, without sorting its keys
 * for every cell: a replacer listing more keys than the style has gives the same text (keys it does
 * not have are left out), so the sorted list of every ResolvedStyle key serves any style that has
 * no other key.
 */
function styleKey(style: ResolvedStyle): string {
  for (const key in style) if (!STYLE_KEY_SET.has(key)) return JSON.stringify(style, Object.keys(style).sort());
  return JSON.stringify(style, STYLE_KEYS as string[]);
}

/** CT_Stylesheet order, needed to insert a collection the file does not have yet. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const CHILD_OF: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };

type CollectionName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

interface Collection {
  readonly children: string[];
  readonly indexOf: Map<string, number>;
  readonly initialCount: number;
}

/** Formats Excel knows by id without a <numFmt> entry. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

export const DATE_FORMAT = 'yyyy-mm-dd';

/** "1f4e79" / "#1F4E79" / "FF1F4E79" → "FF1F4E79" (ARGB, as SpreadsheetML wants it). */
export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new Error(`Not a hex RGB colour: "${color}" (expected e.g. "1F4E79").`);
}

export class StyleSheet {
  private readonly collections = new Map<CollectionName, Collection>();
  private readonly xfCache = new Map<string, number>();
  private readonly xfByObject = new WeakMap<ResolvedStyle, number>();
  private readonly baseFont: { size: string; name: string; rest: string; color: string };
  private nextNumFmtId: number;
  private readonly numFmtIds = new Map<string, number>();
  private readonly overlayCache = new Map<string, number>();

  constructor(private readonly original: string) {
    if (/<\w+:styleSheet\b/.test(original)) {
      throw new Error('styles.xml uses a namespace prefix; this adapter only patches styles written with the default namespace.');
    }
    for (const name of Object.keys(CHILD_OF) as CollectionName[]) this.collections.set(name, parseCollection(original, name));
    let maxId = 163; // custom number formats start at 164
    for (const child of this.collection('numFmts').children) {
      const a = parseAttributes(child);
      const id = Number(a.numFmtId);
      if (Number.isFinite(id)) {
        maxId = Math.max(maxId, id);
        if (!this.numFmtIds.has(a.formatCode)) this.numFmtIds.set(a.formatCode, id);
      }
    }
    this.nextNumFmtId = maxId + 1;
    this.baseFont = describeBaseFont(this.collection('fonts').children[0] ?? '');
  }

  get changed(): boolean {
    return [...this.collections.values()].some((c) => c.children.length !== c.initialCount);
  }

  /** The cellXfs index for a style; 0 (the default format) for an empty style. */
  xfFor(style: ResolvedStyle): number {
    // The cells of one op share their style object (sheetModels.ts): found by identity first.
    const same = this.xfByObject.get(style);
    if (same !== undefined) return same;
    const key = styleKey(style);
    let index = this.xfCache.get(key);
    if (index === undefined) {
      index = this.isDefault(style) ? 0 : this.add('cellXfs', this.xfXml(style));
      this.xfCache.set(key, index);
    }
    // Only a frozen style can be found by identity: nothing can have changed it since.
    if (Object.isFrozen(style)) this.xfByObject.set(style, index);
    return index;
  }

  /** A differential format for a conditional format: fill and optional font colour. */
  dxfFor(fill: string, fontColor?: string): number {
    const font = fontColor ? `<font><color rgb="${argb(fontColor)}"/></font>` : '';
    // Excel reads a dxf's solid fill from bgColor, LibreOffice from fgColor: give both.
    const colour = argb(fill);
    return this.add('dxfs', `<dxf>${font}<fill><patternFill patternType="solid"><fgColor rgb="${colour}"/><bgColor rgb="${colour}"/></patternFill></fill></dxf>`);
  }

  /**
   * The cellXfs index of `base` with `style` laid over it: the existing format cloned, only the
   * properties `style` defines set (font, fill, border, number format, alignment, protection).
   * `base` itself when nothing changes; an identical format already there is reused.
   */
  overlayXf(base: number, style: ResolvedStyle): number {
    const xfs = this.collection('cellXfs').children;
    const from = base >= 0 && base < xfs.length ? base : 0;
    const key = `${from}|${styleKey(style)}`;
    const cached = this.overlayCache.get(key);
    if (cached !== undefined) return cached;
    const source = xfs[from] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const xf = parseXf(source);
    const before = xfToXml(xf);
    this.layOver(xf, style);
    const after = xfToXml(xf);
    const index = after === before && from < xfs.length ? from : this.add('cellXfs', after);
    this.overlayCache.set(key, index);
    return index;
  }

  /** Whether the cell format shows numbers as dates (so a date written there keeps its format). */
  isDateXf(index: number): boolean {
    const xf = this.collection('cellXfs').children[index];
    if (xf === undefined) return false;
    const id = Number(/\bnumFmtId="(\d+)"/.exec(xf)?.[1] ?? 0);
    const custom = this.collection('numFmts').children.find((c) => Number(parseAttributes(c).numFmtId) === id);
    return custom !== undefined ? isDateFormat(parseAttributes(custom).formatCode ?? '') : BUILT_IN_DATE_FORMATS.has(id);
  }

  private layOver(xf: ParsedXf, style: ResolvedStyle): void {
    const set = (name: string, value: number, apply: string) => {
      xf.attributes.set(name, String(value));
      xf.attributes.set(apply, '1');
    };
    if (style.bold !== undefined || style.italic !== undefined || style.underline !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
      const fonts = this.collection('fonts').children;
      const font = fonts[Number(xf.attributes.get('fontId') ?? 0)] ?? fonts[0] ?? '<font/>';
      const overlaid = overlayFont(font, style);
      if (overlaid !== font) set('fontId', this.add('fonts', overlaid), 'applyFont');
    }
    if (style.fill !== undefined) set('fillId', this.add('fills', solidFill(style.fill)), 'applyFill');
    if (style.border !== undefined) {
      const borders = this.collection('borders').children;
      const border = borders[Number(xf.attributes.get('borderId') ?? 0)] ?? '<border/>';
      const overlaid = overlayBorder(border, style.border);
      if (overlaid !== border) set('borderId', this.add('borders', overlaid), 'applyBorder');
    }
    if (style.numberFormat !== undefined) {
      const id = this.numFmtId(style.numberFormat);
      if (String(id) !== (xf.attributes.get('numFmtId') ?? '0')) set('numFmtId', id, 'applyNumberFormat');
    }
    if (style.hAlign !== undefined || style.vAlign !== undefined || style.wrap !== undefined || style.indent !== undefined) {
      const a = xf.alignment;
      if (style.hAlign !== undefined) a.set('horizontal', style.hAlign);
      if (style.vAlign !== undefined) a.set('vertical', style.vAlign === 'middle' ? 'center' : style.vAlign);
      if (style.wrap !== undefined) {
        if (style.wrap) a.set('wrapText', '1');
        else a.delete('wrapText');
      }
      if (style.indent !== undefined) {
        if (style.indent) a.set('indent', String(Math.round(style.indent)));
        else a.delete('indent');
      }
      xf.attributes.set('applyAlignment', '1');
    }
    if (style.locked !== undefined) {
      if (style.locked) xf.protection.delete('locked');
      else xf.protection.set('locked', '0');
      xf.attributes.set('applyProtection', '1');
    }
  }

  toXml(): string {
    let xml = this.original;
    for (const name of Object.keys(CHILD_OF) as CollectionName[]) {
      const collection = this.collection(name);
      if (collection.children.length === collection.initialCount) continue;
      const body = `<${name} count="${collection.children.length}">${collection.children.join('')}</${name}>`;
      const existing = collectionPattern(name).exec(xml);
      if (existing) {
        xml = xml.slice(0, existing.index) + body + xml.slice(existing.index + existing[0].length);
      } else {
        xml = insertInOrder(xml, name, body);
      }
    }
    return xml;
  }

  private collection(name: CollectionName): Collection {
    return this.collections.get(name)!;
  }

  private add(name: CollectionName, xml: string): number {
    const collection = this.collection(name);
    const existing = collection.indexOf.get(xml);
    if (existing !== undefined) return existing;
    collection.children.push(xml);
    collection.indexOf.set(xml, collection.children.length - 1);
    return collection.children.length - 1;
  }

  private isDefault(style: ResolvedStyle): boolean {
    return Object.entries(style).every(([key, value]) => value === undefined || (key === 'locked' && value === true));
  }

  private numFmtId(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.add('numFmts', `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private xfXml(style: ResolvedStyle): string {
    const hasFont = style.bold || style.italic || style.underline || style.fontSize !== undefined || style.fontColor !== undefined;
    const fontId = hasFont ? this.add('fonts', this.fontXml(style)) : 0;
    const fillId = style.fill ? this.add('fills', solidFill(style.fill)) : 0;
    const borderId = style.border ? this.add('borders', borderXml(style.border)) : 0;
    const numFmtId = style.numberFormat !== undefined ? this.numFmtId(style.numberFormat) : 0;
    const alignment = alignmentXml(style);
    const unlocked = style.locked === false;
    const attributes = [
      `numFmtId="${numFmtId}"`,
      `fontId="${fontId}"`,
      `fillId="${fillId}"`,
      `borderId="${borderId}"`,
      'xfId="0"',
      numFmtId ? 'applyNumberFormat="1"' : '',
      fontId ? 'applyFont="1"' : '',
      fillId ? 'applyFill="1"' : '',
      borderId ? 'applyBorder="1"' : '',
      alignment ? 'applyAlignment="1"' : '',
      unlocked ? 'applyProtection="1"' : '',
    ].filter(Boolean);
    const children = `${alignment}${unlocked ? '<protection locked="0"/>' : ''}`;
    return children ? `<xf ${attributes.join(' ')}>${children}</xf>` : `<xf ${attributes.join(' ')}/>`;
  }

  private fontXml(style: ResolvedStyle): string {
    const base = this.baseFont;
    const size = style.fontSize !== undefined ? String(style.fontSize) : base.size;
    const color = style.fontColor !== undefined ? `<color rgb="${argb(style.fontColor)}"/>` : base.color;
    return (
      `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}${style.underline ? '<u/>' : ''}` +
      `<sz val="${size}"/>${color}<name val="${escapeXml(base.name)}"/>${base.rest}</font>`
    );
  }
}

/** The default font (fonts[0]) the new fonts copy their face from, so they match the workbook. */
function describeBaseFont(font: string): { size: string; name: string; rest: string; color: string } {
  const val = (tag: string) => new RegExp(`<${tag}\\s+val="([^"]*)"`).exec(font)?.[1];
  const family = val('family');
  const charset = val('charset');
  const scheme = val('scheme');
  return {
    size: val('sz') ?? '11',
    name: val('name') ?? 'Calibri',
    color: /<color\b[^>]*\/>/.exec(font)?.[0] ?? '',
    rest: `${family ? `<family val="${family}"/>` : ''}${charset ? `<charset val="${charset}"/>` : ''}${scheme ? `<scheme val="${scheme}"/>` : ''}`,
  };
}

function solidFill(color: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(color)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

/** Built-in number formats that show dates (14–17, 22; 27–36 and 50–58 are East Asian dates). */
export const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * A format shows a date when its first section has day or year tokens, or months without hours
 * or seconds ("mmm", the Gantt's month headers; "mm" next to h or s is minutes). Quotes, escapes,
 * fill characters and [colour]/[$-locale] blocks are ignored; [h] elapsed time is kept.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"|\\.|_.|\*./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0];
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

/** A cell format (xf) taken apart so single properties can be changed and it can be written back. */
interface ParsedXf {
  readonly attributes: Map<string, string>;
  readonly alignment: Map<string, string>;
  readonly protection: Map<string, string>;
  /** Other children (extLst), kept as they are. */
  readonly rest: string;
}

const XF_ATTRIBUTE_ORDER = ['numFmtId', 'fontId', 'fillId', 'borderId', 'xfId', 'quotePrefix', 'pivotButton', 'applyNumberFormat', 'applyFont', 'applyFill', 'applyBorder', 'applyAlignment', 'applyProtection'];
const ALIGNMENT_ORDER = ['horizontal', 'vertical', 'textRotation', 'wrapText', 'indent', 'relativeIndent', 'justifyLastLine', 'shrinkToFit', 'readingOrder'];

function attributeMap(tag: string): Map<string, string> {
  return new Map(Object.entries(parseAttributes(tag)));
}

function parseXf(xml: string): ParsedXf {
  const start = /^<xf\b([^>]*?)\/?>/.exec(xml);
  const inner = xml.replace(/^<xf\b[^>]*?(?:\/>|>)/, '').replace(/<\/xf>$/, '');
  const alignment = /<alignment\b([^>]*?)\/?>(?:<\/alignment>)?/.exec(inner);
  const protection = /<protection\b([^>]*?)\/?>(?:<\/protection>)?/.exec(inner);
  let rest = inner;
  for (const m of [alignment, protection]) if (m) rest = rest.replace(m[0], '');
  return {
    attributes: attributeMap(start?.[1] ?? ''),
    alignment: attributeMap(alignment?.[1] ?? ''),
    protection: attributeMap(protection?.[1] ?? ''),
    rest,
  };
}

function orderedAttributes(attributes: ReadonlyMap<string, string>, order: readonly string[]): string {
  const names = [...order.filter((n) => attributes.has(n)), ...[...attributes.keys()].filter((n) => !order.includes(n))];
  return names.map((n) => ` ${n}="${escapeXml(attributes.get(n)!)}"`).join('');
}

function xfToXml(xf: ParsedXf): string {
  const alignment = xf.alignment.size ? `<alignment${orderedAttributes(xf.alignment, ALIGNMENT_ORDER)}/>` : '';
  const protection = xf.protection.size ? `<protection${orderedAttributes(xf.protection, ['locked', 'hidden'])}/>` : '';
  const children = `${alignment}${protection}${xf.rest}`;
  const start = `<xf${orderedAttributes(xf.attributes, XF_ATTRIBUTE_ORDER)}`;
  return children ? `${start}>${children}</xf>` : `${start}/>`;
}

/** CT_Font children in the order Excel writes them. */
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

/** A font with the style's font properties set; the same string when nothing changes. */
function overlayFont(font: string, style: ResolvedStyle): string {
  const children = new Map<string, string>();
  const inner = font.replace(/^<font\b[^>]*?(?:\/>|>)/, '').replace(/<\/font>$/, '');
  for (const m of inner.matchAll(/<(\w+)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)) children.set(m[1], m[0]);
  const before = fontXml(children);
  const toggle = (name: string, on: boolean | undefined) => {
    if (on === undefined) return;
    if (on) children.set(name, `<${name}/>`);
    else children.delete(name);
  };
  toggle('b', style.bold);
  toggle('i', style.italic);
  toggle('u', style.underline);
  if (style.fontSize !== undefined) children.set('sz', `<sz val="${style.fontSize}"/>`);
  if (style.fontColor !== undefined) children.set('color', `<color rgb="${argb(style.fontColor)}"/>`);
  const after = fontXml(children);
  return after === before ? font : after;
}

function fontXml(children: ReadonlyMap<string, string>): string {
  const names = [...FONT_ORDER.filter((n) => children.has(n)), ...[...children.keys()].filter((n) => !FONT_ORDER.includes(n))];
  return `<font>${names.map((n) => children.get(n)).join('')}</font>`;
}

/** CT_Border children in schema order. */
const BORDER_SIDES = ['start', 'end', 'left', 'right', 'top', 'bottom', 'diagonal', 'vertical', 'horizontal'];

/** 'thin' sets a thin line on all four sides; 'bottom' only on the bottom side, the others stay. */
function overlayBorder(border: string, kind: 'thin' | 'bottom'): string {
  const start = /^<border\b([^>]*?)\/?>/.exec(border)?.[1] ?? '';
  const sides = new Map<string, string>();
  for (const m of border.matchAll(/<(start|end|left|right|top|bottom|diagonal|vertical|horizontal)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)) sides.set(m[1], m[0]);
  const thin = (name: string) => `<${name} style="thin"><color auto="1"/></${name}>`;
  const changed = kind === 'thin' ? ['left', 'right', 'top', 'bottom'] : ['bottom'];
  for (const side of changed) sides.set(side, thin(side));
  for (const side of ['left', 'right', 'top', 'bottom', 'diagonal']) if (!sides.has(side)) sides.set(side, `<${side}/>`);
  return `<border${start}>${BORDER_SIDES.filter((s) => sides.has(s)).map((s) => sides.get(s)).join('')}</border>`;
}

function borderXml(kind: 'thin' | 'bottom'): string {
  const side = (name: string, on: boolean) => (on ? `<${name} style="thin"><color auto="1"/></${name}>` : `<${name}/>`);
  const all = kind === 'thin';
  return `<border>${side('left', all)}${side('right', all)}${side('top', all)}${side('bottom', true)}<diagonal/></border>`;
}

function alignmentXml(style: ResolvedStyle): string {
  const vertical = style.vAlign === 'middle' ? 'center' : style.vAlign;
  const attributes = [
    style.hAlign ? `horizontal="${style.hAlign}"` : '',
    vertical ? `vertical="${vertical}"` : '',
    style.wrap ? 'wrapText="1"' : '',
    style.indent ? `indent="${Math.round(style.indent)}"` : '',
  ].filter(Boolean);
  return attributes.length ? `<alignment ${attributes.join(' ')}/>` : '';
}

function collectionPattern(name: string): RegExp {
  return new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`);
}

function parseCollection(xml: string, name: CollectionName): Collection {
  const match = collectionPattern(name).exec(xml);
  const children: string[] = [];
  if (match) {
    const child = CHILD_OF[name];
    const childPattern = new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, 'g');
    const inner = match[0].replace(new RegExp(`^<${name}\\b[^>]*>`), '');
    for (const m of inner.matchAll(childPattern)) children.push(m[0]);
  }
  return { children, indexOf: new Map(children.map((c, i) => [c, i] as [string, number]).reverse()), initialCount: children.length };
}

function insertInOrder(xml: string, name: string, body: string): string {
  const later = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1);
  for (const next of later) {
    const at = new RegExp(`<${next}\\b`).exec(xml);
    if (at) return xml.slice(0, at.index) + body + xml.slice(at.index);
  }
  return xml.replace('</styleSheet>', `${body}</styleSheet>`);
}

/** styles.xml for a new package. No theme part: the default font names its colour directly. */
export function minimalStylesXml(): string {
  return (
    `${XML_HEADER}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    '<fonts count="1"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
  );
}
