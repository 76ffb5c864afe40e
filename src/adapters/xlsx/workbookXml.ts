/**
 * Edits of xl/workbook.xml and docProps/app.xml as text, so everything else in them (defined names,
 * pivot caches, extensions) stays exactly as it was.
 */
import { RELATIONSHIPS_NS } from './package';
import { decodeXml, element, escapeText, escapeXml, parseAttributes } from './xml';

export function activeTab(workbookXml: string): number {
  const view = /<(?:\w+:)?workbookView\b([^>]*)>/.exec(workbookXml);
  return Number(view ? parseAttributes(view[1]).activeTab ?? 0 : 0) || 0;
}

/** Appends a <sheet> to <sheets>, with the prefixes the file already uses. */
export function withSheetAdded(workbookXml: string, name: string, sheetId: number, relId: string): string {
  const sheets = /<(\w+:)?sheets\b[^>]*?(\/?)>/.exec(workbookXml);
  if (!sheets) throw new Error('xl/workbook.xml has no <sheets> element.');
  const prefix = sheets[1] ?? '';
  const rPrefix = new RegExp(`xmlns:(\\w+)="${RELATIONSHIPS_NS}"`).exec(workbookXml)?.[1];
  const sheet = element(`${prefix}sheet`, {
    name,
    sheetId,
    ...(rPrefix ? { [`${rPrefix}:id`]: relId } : { 'xmlns:r': RELATIONSHIPS_NS, 'r:id': relId }),
  });
  if (sheets[2]) {
    const open = sheets[0].replace(/\s*\/>$/, '>');
    return workbookXml.slice(0, sheets.index) + `${open}${sheet}</${prefix}sheets>` + workbookXml.slice(sheets.index + sheets[0].length);
  }
  const close = workbookXml.indexOf(`</${prefix}sheets>`);
  return workbookXml.slice(0, close) + sheet + workbookXml.slice(close);
}

/** Renames the sheet whose relationship id is relId (a case-only rename: Excel names are case-insensitive). */
export function withSheetRenamed(workbookXml: string, relId: string, name: string): string {
  return workbookXml.replace(/<(?:\w+:)?sheet\s[^>]*?\/?>/g, (tag) => {
    const attributes = parseAttributes(tag);
    const id = Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
    return id === relId ? tag.replace(/\bname="[^"]*"/, `name="${escapeXml(name)}"`) : tag;
  });
}

/** CT_Workbook elements that come after calcPr, to insert one where there is none. */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** Asks Excel to recalculate on open: some formulas were written without a cached result. */
export function withFullCalcOnLoad(workbookXml: string): string {
  const calcPr = /<((?:\w+:)?)calcPr\b([^>]*?)(\/?)>/.exec(workbookXml);
  if (calcPr) {
    if (/\bfullCalcOnLoad="(1|true)"/.test(calcPr[2])) return workbookXml;
    const attributes = calcPr[2].replace(/\s*\bfullCalcOnLoad="[^"]*"/, '');
    const tag = `<${calcPr[1]}calcPr${attributes} fullCalcOnLoad="1"${calcPr[3]}>`;
    return workbookXml.slice(0, calcPr.index) + tag + workbookXml.slice(calcPr.index + calcPr[0].length);
  }
  const prefix = /<(\w+:)?workbook\b/.exec(workbookXml)?.[1] ?? '';
  for (const name of AFTER_CALC_PR) {
    const at = new RegExp(`<(?:\\w+:)?${name}\\b`).exec(workbookXml);
    if (at) return workbookXml.slice(0, at.index) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + workbookXml.slice(at.index);
  }
  return workbookXml.replace(/<\/((?:\w+:)?)workbook>/, `<${prefix}calcPr fullCalcOnLoad="1"/></$1workbook>`);
}

/**
 * docProps/app.xml lists the worksheet names (TitlesOfParts) and their count (HeadingPairs).
 * Excel writes the worksheets first, under a localized heading ("Worksheets", "Kalkylblad"); the
 * list is updated only when it matches the workbook's sheets before the change, else left alone.
 */
export function withSheetTitles(appXml: string, before: readonly string[], after: readonly string[]): string {
  const heading = /(<HeadingPairs>\s*<vt:vector\b[^>]*>\s*<vt:variant>\s*<vt:lpstr>[^<]*<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>)(\d+)(<\/vt:i4>)/.exec(appXml);
  const titles = /(<TitlesOfParts>\s*<vt:vector\s[^>]*?size=")(\d+)("[^>]*>)([\s\S]*?)(<\/vt:vector>\s*<\/TitlesOfParts>)/.exec(appXml);
  if (!heading || !titles) return appXml;
  const count = Number(heading[2]);
  const names = [...titles[4].matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => decodeXml(m[1]));
  const listed = names.slice(0, count).map((n) => n.toLowerCase());
  if (count !== before.length || listed.join('\u0000') !== before.map((n) => n.toLowerCase()).join('\u0000')) return appXml;
  const newNames = [...after, ...names.slice(count)];
  const vector = newNames.map((n) => `<vt:lpstr>${escapeXml(n)}</vt:lpstr>`).join('');
  let xml = appXml.slice(0, titles.index) + `${titles[1]}${newNames.length}${titles[3]}${vector}${titles[5]}` + appXml.slice(titles.index + titles[0].length);
  xml = xml.replace(heading[0], `${heading[1]}${after.length}${heading[3]}`);
  return xml;
}

/** CT_Workbook elements that follow definedNames, to insert <definedNames> where there is none. */
const AFTER_DEFINED_NAMES = ['calcPr', ...AFTER_CALC_PR];

export interface OwnerMark {
  /** 0-based position of the sheet in <sheets> (the localSheetId Excel uses). */
  readonly localSheetId: number;
  /** The sheet the product made it as; written as a string constant. */
  readonly value: string;
}

/**
 * Adds the hidden, sheet-scoped defined name `name` (e.g. OWNER_NAME) with the string constant
 * `"value"` for each mark whose sheet does not carry one yet. Defined names are compared
 * case-insensitively, as Excel does; everything else in workbook.xml stays as it was.
 */
export function withOwnerMarks(workbookXml: string, name: string, marks: readonly OwnerMark[]): string {
  const block = /<((?:\w+:)?)definedNames\b[^>]*?(\/?)>/.exec(workbookXml);
  const have = new Set<number>();
  if (block && !block[2]) {
    const end = workbookXml.indexOf(`</${block[1]}definedNames>`, block.index);
    for (const m of workbookXml.slice(block.index, end).matchAll(/<(?:\w+:)?definedName\b([^>]*)>/g)) {
      const a = parseAttributes(m[1]);
      if ((a.name ?? '').toLowerCase() === name.toLowerCase() && a.localSheetId !== undefined) have.add(Number(a.localSheetId));
    }
  }
  const prefix = block?.[1] ?? /<(\w+:)?workbook\b/.exec(workbookXml)?.[1] ?? '';
  const added = new Set<number>();
  let items = '';
  for (const mark of marks) {
    if (have.has(mark.localSheetId) || added.has(mark.localSheetId)) continue;
    added.add(mark.localSheetId);
    // A formula string constant: quotes inside are doubled.
    const constant = `"${mark.value.replace(/"/g, '""')}"`;
    items += element(`${prefix}definedName`, { name, localSheetId: mark.localSheetId, hidden: 1 }, escapeText(constant));
  }
  if (!items) return workbookXml;
  if (block) {
    if (block[2]) {
      const open = block[0].replace(/\s*\/>$/, '>');
      return workbookXml.slice(0, block.index) + `${open}${items}</${block[1]}definedNames>` + workbookXml.slice(block.index + block[0].length);
    }
    const close = workbookXml.indexOf(`</${block[1]}definedNames>`, block.index);
    return workbookXml.slice(0, close) + items + workbookXml.slice(close);
  }
  const wrapped = `<${prefix}definedNames>${items}</${prefix}definedNames>`;
  // Only look after <sheets>: earlier elements (workbookView) may hold an extLst of their own.
  const sheetsEnd = /<\/(?:\w+:)?sheets>|<(?:\w+:)?sheets\b[^>]*\/>/.exec(workbookXml);
  const from = sheetsEnd ? sheetsEnd.index + sheetsEnd[0].length : 0;
  for (const next of AFTER_DEFINED_NAMES) {
    const at = new RegExp(`<(?:\\w+:)?${next}\\b`, 'g');
    at.lastIndex = from;
    const found = at.exec(workbookXml);
    if (found) return workbookXml.slice(0, found.index) + wrapped + workbookXml.slice(found.index);
  }
  return workbookXml.replace(/<\/((?:\w+:)?)workbook>/, (close) => `${wrapped}${close}`);
}
