/**
 * Test-side readers of what the adapter wrote, independent of its code: raw cell and row markup by
 * address (to prove bytes were kept), top-level elements by name, and a cell's format resolved
 * from styles.xml (font, fill, border, number format, alignment, protection).
 */
import { cellAddress, columnNumber } from '../../../src/workbook/plan/address';
import { parseStrict } from './fixtures';

/** Each cell's markup as written, by address; cells without r follow the one before. */
export function rawCells(xml: string): Map<string, string> {
  const data = /<(?:\w+:)?sheetData>([\s\S]*)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? '';
  const cells = new Map<string, string>();
  let row = 0;
  for (const r of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const number = /\sr="(\d+)"/.exec(` ${r[1]}`);
    row = number ? Number(number[1]) : row + 1;
    let column = 0;
    for (const c of (r[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g)) {
      const ref = /\sr="([A-Z]+)(\d+)"/.exec(` ${c[1]}`);
      column = ref ? columnNumber(ref[1]) : column + 1;
      cells.set(cellAddress(row, column), c[0]);
    }
  }
  return cells;
}

/** Each row's start tag, by row number. */
export function rowTags(xml: string): Map<number, string> {
  const tags = new Map<number, string>();
  let row = 0;
  for (const r of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)\/?>/g)) {
    const number = /\sr="(\d+)"/.exec(` ${r[1]}`);
    row = number ? Number(number[1]) : row + 1;
    tags.set(row, r[0].replace(/\/>$/, '>'));
  }
  return tags;
}

/** Every occurrence of a top-level worksheet element (no prefix), as written. */
export function elements(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g')) ?? [];
}

/** The style index of a cell, 0 when it has none. */
export function styleIndex(xml: string, ref: string): number {
  const cell = rawCells(xml).get(ref);
  if (!cell) throw new Error(`no cell ${ref}`);
  return Number(/\ss="(\d+)"/.exec(cell)?.[1] ?? 0);
}

export interface ResolvedFormat {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly fontColor: string | undefined;
  readonly fontSize: string | undefined;
  readonly fontName: string | undefined;
  readonly fill: string | undefined;
  readonly numberFormat: string;
  readonly border: Record<'left' | 'right' | 'top' | 'bottom', string | undefined>;
  readonly horizontal: string | undefined;
  readonly vertical: string | undefined;
  readonly wrap: boolean;
  readonly locked: boolean;
}

const BUILT_IN: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 14: 'mm-dd-yy', 49: '@' };

/** What a cellXfs entry means, read from styles.xml with a DOM parser. */
export function resolveFormat(stylesXml: string, index: number): ResolvedFormat {
  const doc = parseStrict(stylesXml, 'styles.xml');
  const children = (parent: string, child: string) => {
    const node = doc.getElementsByTagName(parent)[0];
    return node ? Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === child) : [];
  };
  const xf = children('cellXfs', 'xf')[index];
  if (!xf) throw new Error(`no xf ${index}`);
  const font = children('fonts', 'font')[Number(xf.getAttribute('fontId') ?? 0)];
  const fontChild = (name: string) => (font ? Array.from(font.getElementsByTagName(name))[0] : undefined);
  const fill = children('fills', 'fill')[Number(xf.getAttribute('fillId') ?? 0)];
  const fg = fill?.getElementsByTagName('fgColor')[0];
  const border = children('borders', 'border')[Number(xf.getAttribute('borderId') ?? 0)];
  const side = (name: string) => border?.getElementsByTagName(name)[0]?.getAttribute('style') ?? undefined;
  const numFmtId = Number(xf.getAttribute('numFmtId') ?? 0);
  const custom = children('numFmts', 'numFmt').find((n) => Number(n.getAttribute('numFmtId')) === numFmtId);
  const alignment = xf.getElementsByTagName('alignment')[0];
  const protection = xf.getElementsByTagName('protection')[0];
  const on = (el: Element | undefined) => !!el && el.getAttribute('val') !== '0' && el.getAttribute('val') !== 'false';
  return {
    bold: on(fontChild('b')),
    italic: on(fontChild('i')),
    underline: !!fontChild('u'),
    fontColor: fontChild('color')?.getAttribute('rgb') ?? undefined,
    fontSize: fontChild('sz')?.getAttribute('val') ?? undefined,
    fontName: fontChild('name')?.getAttribute('val') ?? undefined,
    fill: fill?.getElementsByTagName('patternFill')[0]?.getAttribute('patternType') === 'solid' ? (fg?.getAttribute('rgb') ?? undefined) : undefined,
    numberFormat: custom?.getAttribute('formatCode') ?? BUILT_IN[numFmtId] ?? String(numFmtId),
    border: { left: side('left'), right: side('right'), top: side('top'), bottom: side('bottom') },
    horizontal: alignment?.getAttribute('horizontal') ?? undefined,
    vertical: alignment?.getAttribute('vertical') ?? undefined,
    wrap: alignment?.getAttribute('wrapText') === '1',
    locked: protection?.getAttribute('locked') !== '0',
  };
}
