/**
 * Random user edits of Handlingsplan for the property test, applied to the sheet XML the way Excel
 * applies them (scripts/corpus/sheet.ts), and one recompute cycle through the library:
 * readXlsxGrid → computeFromWorkbook → applyPlanToXlsx.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { computeFromWorkbook } from '../../src/workbook/compute';
import { INPUT_SHEETS } from '../../src/workbook/layout';
import { planLayout, PLAN_HEADERS, type PlanColumn } from '../../scripts/corpus/layouts';
import { escapeXml, NS, parseRels, relsPathOf, REL, resolveTarget } from '../../scripts/corpus/pkg';
import { ref } from '../../scripts/corpus/refs';
import { SheetDoc, cellText } from '../../scripts/corpus/sheet';
import { compareSheetCells, planRules } from './compare';

export type Edit =
  | { readonly kind: 'text'; readonly row: number; readonly col: number; readonly text: string }
  | { readonly kind: 'number'; readonly row: number; readonly col: number; readonly value: number }
  | { readonly kind: 'date'; readonly row: number; readonly column: 'start' | 'end'; readonly serial: number }
  | { readonly kind: 'formula'; readonly row: number; readonly col: number; readonly toRow: number; readonly toCol: number }
  | { readonly kind: 'link'; readonly row: number; readonly col: number; readonly internal: boolean }
  | { readonly kind: 'insertRows'; readonly row: number; readonly count: number }
  | { readonly kind: 'deleteRow'; readonly row: number }
  | { readonly kind: 'insertCol'; readonly col: number; readonly header: string }
  | { readonly kind: 'deleteCol'; readonly which: number };

/** Picks are fractions in [0, 1): resolved against the sheet as it is when the edit is made. */
const pick = fc.integer({ min: 0, max: 9999 }).map((n) => n / 10000);
const words = fc.constantFrom('Kim', 'Pågår', 'Klar', 'Alex & Co', 'Budget <2027>', '"citat"', 'Rad 1\nRad 2', '  mellanslag  ', 'HP-F10', '=inte en formel', 'Ej påbörjad', '', 'Öppna frågor', '12', 'ÅÄÖ åäö');

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('text' as const), row: pick, col: pick, text: words }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('number' as const), row: pick, col: pick, value: fc.oneof(fc.integer({ min: -5, max: 100000 }), fc.double({ min: 0, max: 1e6, noNaN: true })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('date' as const), row: pick, column: fc.constantFrom('start' as const, 'end' as const), serial: fc.oneof(fc.integer({ min: 45000, max: 48000 }), fc.constantFrom(0, 1, 60, 20270115, 2958466)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('formula' as const), row: pick, col: pick, toRow: pick, toCol: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), row: pick, col: pick, internal: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insertRows' as const), row: pick, count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteRow' as const), row: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertCol' as const), col: pick, header: fc.constantFrom('Egen kolumn', 'Delmål', 'Kommentar', 'Status 2') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteCol' as const), which: pick }) },
);

const DELETABLE: PlanColumn[] = ['goals', 'cost', 'deps'];
const at = (f: number, n: number) => Math.min(n - 1, Math.floor(f * n));

export interface Applied {
  readonly xml: string;
  readonly links: { cell: string; url?: string; location?: string }[];
  readonly description: string[];
}

/** Applies edits to the Handlingsplan XML; hyperlinks are collected and added last (to the final cells). */
export function applyEdits(xml: string, name: string, edits: readonly Edit[]): Applied {
  const doc = new SheetDoc(xml, name);
  const description: string[] = [];
  const links: { cell: string; url?: string; location?: string }[] = [];
  for (const e of edits) {
    const lay = planLayout(doc);
    const computed = lay.col.computed;
    const last = Math.max(lay.header + 1, doc.maxRow());
    // Rows below the header, up to a few past the table; columns up to two past the Gantt, never "Beräknat läge".
    const rowOf = (f: number) => lay.header + 1 + at(f, last - lay.header + 4);
    const cols = Array.from({ length: computed + 14 }, (_, i) => i + 1).filter((c) => c !== computed);
    const colOf = (f: number) => cols[at(f, cols.length)];
    switch (e.kind) {
      case 'text': {
        const a = ref(colOf(e.col), rowOf(e.row));
        if (e.text === '') doc.clear(a);
        else doc.setText(a, e.text);
        description.push(`type ${JSON.stringify(e.text)} in ${a}`);
        break;
      }
      case 'number': {
        const a = ref(colOf(e.col), rowOf(e.row));
        doc.setNumber(a, e.value);
        description.push(`type ${e.value} in ${a}`);
        break;
      }
      case 'date': {
        const a = lay.at(e.column, rowOf(e.row));
        doc.setNumber(a, e.serial);
        description.push(`date serial ${e.serial} in ${a}`);
        break;
      }
      case 'formula': {
        const a = ref(colOf(e.col), rowOf(e.row));
        const target = ref(colOf(e.toCol), rowOf(e.toRow));
        if (target === a) break;
        doc.setFormula(a, `IF(ISNUMBER(${target}),${target}+90,"")`, '');
        description.push(`formula in ${a} pointing at ${target}`);
        break;
      }
      case 'link': {
        const a = ref(colOf(e.col), rowOf(e.row));
        doc.setText(a, e.internal ? 'Se fråga 1' : 'Underlag');
        links.push(e.internal ? { cell: a, location: "'Nivå 1'!A5" } : { cell: a, url: `https://intranat.exempelkommun.se/underlag/${links.length}?a=1&b=2` });
        description.push(`link on ${a}`);
        break;
      }
      case 'insertRows': {
        const r = 1 + at(e.row, last + 2);
        doc.insertRows(r, e.count);
        shiftLinks(links, 'row', r, e.count);
        description.push(`insert ${e.count} row(s) at ${r}`);
        break;
      }
      case 'deleteRow': {
        const r = rowOf(e.row);
        if (r <= lay.header) break;
        doc.insertRows(r, -1);
        shiftLinks(links, 'row', r, -1);
        description.push(`delete row ${r}`);
        break;
      }
      case 'insertCol': {
        const c = 1 + at(e.col, computed + 13);
        doc.insertCols(c, 1);
        doc.setText(ref(c, lay.header), e.header);
        shiftLinks(links, 'col', c, 1);
        description.push(`insert column at ${c} headed ${e.header}`);
        break;
      }
      case 'deleteCol': {
        const present = DELETABLE.filter((k) => lay.col[k] !== undefined);
        const user = [...(doc.rows.get(lay.header)?.cells ?? [])].filter((c) => c.col < computed && !Object.values(PLAN_HEADERS).includes((cellText(c) ?? '') as never) && cellText(c)).map((c) => c.col);
        const choices = [...present.map((k) => lay.col[k]), ...user];
        if (!choices.length) break;
        const c = choices[at(e.which, choices.length)];
        doc.insertCols(c, -1);
        shiftLinks(links, 'col', c, -1);
        description.push(`delete column ${c}`);
        break;
      }
    }
  }
  return { xml: doc.serialize(), links, description };
}

function shiftLinks(links: { cell: string }[], axis: 'row' | 'col', at: number, count: number): void {
  for (let i = links.length - 1; i >= 0; i--) {
    const m = /^([A-Z]+)(\d+)$/.exec(links[i].cell)!;
    let col = m[1];
    let row = Number(m[2]);
    const colN = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    if (axis === 'row') {
      if (count < 0 && row === at) {
        links.splice(i, 1);
        continue;
      }
      if (row >= at) row += count;
    } else {
      let c = colN;
      if (count < 0 && c === at) {
        links.splice(i, 1);
        continue;
      }
      if (c >= at) c += count;
      col = ref(c, 1).replace(/\d+$/, '');
    }
    links[i].cell = `${col}${row}`;
  }
}

export interface Base {
  readonly zip: JSZip;
  readonly planPart: string;
  readonly planName: string;
  readonly planXml: string;
}

export async function loadBase(bytes: Uint8Array): Promise<Base> {
  const zip = await JSZip.loadAsync(bytes);
  const wbRels = parseRels(await zip.file('xl/_rels/workbook.xml.rels')!.async('string'), 'xl/workbook.xml');
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const m = /<sheet\b[^>]*name="(Handlingsplan)"[^>]*r:id="([^"]+)"/i.exec(wb)!;
  const planPart = wbRels.find((r) => r.id === m[2])!.part;
  return { zip, planPart, planName: m[1], planXml: await zip.file(planPart)!.async('string') };
}

/** The workbook with the edited Handlingsplan (and its hyperlink relationships). */
export async function workbookWith(base: Base, applied: Applied): Promise<Uint8Array> {
  let xml = applied.xml;
  const relsPath = relsPathOf(base.planPart);
  const relsBefore = (await base.zip.file(relsPath)?.async('string')) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  let rels = relsBefore;
  if (applied.links.length) {
    const els: string[] = [];
    applied.links.forEach((l, i) => {
      if (l.url) {
        const id = `rIdL${i + 1}`;
        rels = rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${REL.hyperlink}" Target="${escapeXml(l.url)}" TargetMode="External"/></Relationships>`);
        els.push(`<hyperlink ref="${l.cell}" r:id="${id}"/>`);
      } else els.push(`<hyperlink ref="${l.cell}" location="${escapeXml(l.location!)}" display="Se fråga 1"/>`);
    });
    if (!/xmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
    const { insertWorksheetElement } = await import('../../scripts/corpus/pkg');
    xml = /<hyperlinks>/.test(xml) ? xml.replace('</hyperlinks>', `${els.join('')}</hyperlinks>`) : insertWorksheetElement(xml, 'hyperlinks', `<hyperlinks>${els.join('')}</hyperlinks>`);
  }
  base.zip.file(base.planPart, xml);
  if (rels !== relsBefore) base.zip.file(relsPath, rels);
  const out = await base.zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  // Leave the shared base as it was for the next run.
  base.zip.file(base.planPart, base.planXml);
  if (rels !== relsBefore) {
    if (relsBefore.includes('<Relationship ')) base.zip.file(relsPath, relsBefore);
    else base.zip.remove(relsPath);
  }
  return out;
}

/** One recompute cycle through the library; returns the new workbook or why it was refused. */
export async function recompute(bytes: Uint8Array, today: string): Promise<Uint8Array | string> {
  const grid = await readXlsxGrid(bytes, INPUT_SHEETS);
  const outcome = computeFromWorkbook(grid, today);
  if (outcome.kind === 'refused') return `refused: ${outcome.issue.code} ${outcome.issue.sheet ?? ''}!${outcome.issue.cell ?? ''}`;
  return applyPlanToXlsx(bytes, outcome.plan);
}

/** Every cell, row, link, merge, validation and format of the user's Handlingsplan still there after the cycle. */
export async function planChanges(before: Uint8Array, after: Uint8Array): Promise<string[]> {
  const a = await JSZip.loadAsync(before);
  const b = await JSZip.loadAsync(after);
  const sheetOf = async (z: JSZip) => {
    const wb = await z.file('xl/workbook.xml')!.async('string');
    const rels = parseRels(await z.file('xl/_rels/workbook.xml.rels')!.async('string'), 'xl/workbook.xml');
    const m = /<(?:\w+:)?sheet\b[^>]*name="(handlingsplan)"[^>]*r:id="([^"]+)"/i.exec(wb);
    if (!m) return undefined;
    const part = rels.find((r) => r.id === m[2])?.part ?? '';
    const sst = rels.find((r) => r.type.endsWith('/sharedStrings'));
    const sstXml = sst ? await z.file(resolveTarget('xl/workbook.xml', sst.target))?.async('string') : undefined;
    return { part, name: m[1], xml: await z.file(part)!.async('string'), rels: (await z.file(relsPathOf(part))?.async('string')) ?? '', sst: sstXml };
  };
  const sa = await sheetOf(a);
  const sb = await sheetOf(b);
  if (!sa || !sb) return ['Handlingsplan is gone'];
  const { parseSharedStrings } = await import('../../scripts/corpus/sheet');
  const rawA = parseSharedStrings(sa.sst).xml;
  const rawB = parseSharedStrings(sb.sst).xml;
  const problems: string[] = [];
  const docA = new SheetDoc(sa.xml, sa.name);
  compareSheetCells(sa.name, docA, rawA, new SheetDoc(sb.xml, sb.name), rawB, planRules(docA, rawA), (s) => problems.push(s));
  const relsA = parseRels(sa.rels, sa.part);
  const relsB = parseRels(sb.rels, sb.part);
  for (const r of relsA) {
    const t = relsB.find((x) => x.id === r.id);
    if (!t || t.target !== r.target || t.type !== r.type) problems.push(`relationship ${r.id} (${r.target}) is gone or changed`);
  }
  return problems;
}
