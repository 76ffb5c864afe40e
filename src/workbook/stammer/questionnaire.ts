import type { AnswerSet } from '../../core/answers/types';
import type { StammerCatalog, Statement } from '../../core/stammer/types';
import { CATALOG_LABEL, SHEETS, TICK } from '../layout';
import { cellAddress, columnName } from '../plan/address';
import { organisationSheet } from '../plan/questionnaire';
import { withRowHeights } from '../plan/rowHeights';
import { S } from '../plan/styles';
import type { CellInput, WriteOp, WritePlan } from '../plan/types';
import { CONTEXT_SHEET, HEADER_ROW, STAMMER_ORGANISATION_FIELDS, contextOptionId, scaleOf } from './layout';

const TICK_PROMPT = 'Skriv x i en av kolumnerna (ja, 1 och ✓ godtas också). Lämna raden tom om du inte vet.';
const TAB_COLORS = ['9BC2E6', '5B9BD5', '2F75B5', '1F4E79'];

/** "MSBFS 2020:7 4 kap. 7 §; MSBFS 2020:6 13 §": where a statement comes from. */
export function refsText(s: Statement): string {
  const byRegulation = new Map<string, string[]>();
  for (const r of s.msbfs) (byRegulation.get(r.regulation) ?? byRegulation.set(r.regulation, []).get(r.regulation)!).push(r.ref);
  return [...byRegulation].map(([regulation, refs]) => `${regulation} ${refs.join(', ')}`).join('; ');
}

/** The questionnaire of a catalog of statements, generated from its data, optionally with answers filled in. */
export function stammerQuestionnairePlan(catalog: StammerCatalog, answers?: AnswerSet): WritePlan {
  return withRowHeights(
    [
      ...startSheet(catalog),
      ...organisationSheet(answers, STAMMER_ORGANISATION_FIELDS),
      ...catalog.areas.flatMap((area, i) => areaSheet(catalog, area.id, i, answers)),
      ...contextSheet(catalog, answers),
    ],
    { auto: true },
  );
}

function startSheet(catalog: StammerCatalog): WriteOp[] {
  const sheet = SHEETS.start;
  const scale = catalog.statements[0].scale;
  const steps = scale.map((s) => s.text.sv.toLowerCase());
  const rows: CellInput[][] = [
    [catalog.name.sv],
    ['Självskattning av it-säkerhetsarbetet – frågeformulär'],
    [],
    ['Vad är det här?'],
    [
      `${catalog.shortName.sv} följer upp organisationens it-säkerhetsarbete med ${catalog.statements.length} påståenden i ${catalog.areas.length} arbetsområden. ` +
        `Varje påstående bedöms i ${scale.length} steg, från ${steps[0]} till ${steps[steps.length - 1]}. Svaren ger ett värde och en nivå per arbetsområde och för helheten, och en åtgärdslista.`,
    ],
    [],
    ['Om katalogen'],
    [catalog.about.sv],
    [],
    ['Så svarar du'],
    ['1. Fyll i bladet Organisation.'],
    [`2. Gå igenom bladen ${catalog.areas[0].sheet} … ${catalog.areas[catalog.areas.length - 1].sheet}, ett per arbetsområde. Kryssa för varje påstående i en av kolumnerna ${scale.map((s) => s.text.sv).join(', ')}.`],
    ['3. Lämna raden tom om du inte vet: påståendet räknas då som obesvarat och påverkar inte värdet.'],
    ...(catalog.context.length ? [[`4. Svara på bakgrundsfrågan på bladet ${CONTEXT_SHEET}. Den påverkar inte resultatet.`]] : []),
    [`${catalog.context.length ? 5 : 4}. Beräkna resultatet med kommandot infosak score (eller i tillägget med Beräkna resultat).`],
    [],
    ['Förklaringar'],
    [TICK, 'Kryss: så väl stämmer påståendet. Ett kryss per rad.'],
    ['Värde', `Medelvärdet av svaren (${scale.map((s) => `${s.value} = ${s.text.sv.toLowerCase()}`).join(', ')}) per arbetsområde, med två decimaler. Helheten är medelvärdet av arbetsområdenas värden.`],
    ['Nivå', `Heltalsdelen av värdet: ${catalog.levels.map((l) => `${l.level} ${l.name.sv}`).join(', ')}.`],
    ['Gula celler', 'De enda celler du fyller i. Bladen är skyddade utan lösenord för att undvika misstag.'],
    [],
    [CATALOG_LABEL, catalog.id],
    ['Katalogversion', catalog.revision],
    ['Källa', catalog.source],
  ];
  const find = (t: string) => rows.findIndex((r) => r[0] === t) + 1;
  const legend = find('Förklaringar');
  const titles = [1, find('Vad är det här?'), find('Om katalogen'), find('Så svarar du'), legend];
  return [
    { kind: 'sheet', sheet, columnWidths: [16, 110], showGridlines: false, tabColor: '1F4E79', protect: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    ...titles.map((r): WriteOp => ({ kind: 'style', sheet, range: `A${r}`, style: r === 1 ? S.title : S.subtitle })),
    // Running text spans both columns; the narrow column A is for the legend's keys.
    ...rows.flatMap((r, i): WriteOp[] => (r.length === 1 ? [{ kind: 'merge', sheet, range: `A${i + 1}:B${i + 1}` }] : [])),
    { kind: 'style', sheet, range: `A${legend + 1}:A${legend + 4}`, style: S.label },
    { kind: 'style', sheet, range: `A${legend + 4}`, style: { fill: 'FFF9E5' } },
    { kind: 'style', sheet, range: `A${rows.length - 2}:B${rows.length}`, style: S.id },
  ];
}

function areaSheet(catalog: StammerCatalog, areaId: string, index: number, answers?: AnswerSet): WriteOp[] {
  const area = catalog.area(areaId)!;
  const sheet = area.sheet;
  const scale = scaleOf(catalog, areaId);
  const firstStep = 3;
  const lastStep = firstStep + scale.length - 1;
  const commentColumn = lastStep + 1;
  const ops: WriteOp[] = [
    {
      kind: 'sheet',
      sheet,
      columnWidths: [7, 70, ...scale.map(() => 10), 36],
      protect: true,
      freeze: { rows: HEADER_ROW, columns: 0 },
      landscape: true,
      fitToWidth: true,
      tabColor: TAB_COLORS[index % TAB_COLORS.length],
    },
    {
      kind: 'values',
      sheet,
      at: 'A1',
      rows: [[`${area.id} – ${area.name.sv}`], ['Hur väl stämmer påståendet för organisationen, inklusive det leverantörer gör åt den? Kryssa i en kolumn per påstående. Lämna raden tom om du inte vet.'], []],
    },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: `A2:${columnName(commentColumn)}2` },
    { kind: 'values', sheet, at: `A${HEADER_ROW}`, rows: [['Id', 'Påstående', ...scale.map((s) => s.text.sv), 'Kommentar']], style: { ...S.header, hAlign: 'center' } },
    { kind: 'style', sheet, range: `B${HEADER_ROW}`, style: { hAlign: 'left' } },
  ];
  let row = HEADER_ROW + 1;
  const tickRows: number[] = [];
  for (const s of catalog.statements.filter((x) => x.area === areaId)) {
    const a = answers?.answers[s.id];
    const selected = new Set((Array.isArray(a?.selected) ? a!.selected : []).map((x) => String(x).trim().toLowerCase()));
    ops.push({
      kind: 'values',
      sheet,
      at: `A${row}`,
      rows: [[s.id, s.text.sv, ...scale.map((step) => (selected.has(step.id) ? TICK : null)), typeof a?.comment === 'string' && a.comment ? a.comment : null]],
      style: S.question,
    });
    ops.push({ kind: 'style', sheet, range: `A${row}`, style: S.id });
    ops.push({ kind: 'style', sheet, range: `${cellAddress(row, firstStep)}:${cellAddress(row, lastStep)}`, style: { ...S.answer, vAlign: 'middle' } });
    ops.push({ kind: 'style', sheet, range: cellAddress(row, commentColumn), style: { ...S.answerText, bold: false } });
    tickRows.push(row);
    row++;
    const help = [s.help?.sv, refsText(s)].filter(Boolean).join(' · ');
    ops.push({ kind: 'values', sheet, at: `B${row}`, rows: [[help]], style: { ...S.note, vAlign: 'top' } });
    row++;
  }
  // One rule per statement row: the help rows between them are not answer cells.
  for (const r of tickRows) ops.push({ kind: 'validation', sheet, range: `${cellAddress(r, firstStep)}:${cellAddress(r, lastStep)}`, list: [TICK], strict: false, prompt: TICK_PROMPT });
  return ops;
}

function contextSheet(catalog: StammerCatalog, answers?: AnswerSet): WriteOp[] {
  if (!catalog.context.length) return [];
  const sheet = CONTEXT_SHEET;
  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, columnWidths: [8, 80, 10, 40], protect: true, freeze: { rows: HEADER_ROW, columns: 0 }, fitToWidth: true, tabColor: '808080' },
    { kind: 'values', sheet, at: 'A1', rows: [[CONTEXT_SHEET], ['Frågorna beskriver organisationen och hjälper till att tolka resultatet. De påverkar inte värdet eller nivån.'], []] },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: 'A2:D2' },
    { kind: 'values', sheet, at: `A${HEADER_ROW}`, rows: [['Id', 'Fråga och svarsalternativ', 'Svar', 'Kommentar']], style: S.header },
  ];
  let row = HEADER_ROW + 1;
  for (const q of catalog.context) {
    const a = answers?.answers[q.id];
    const selected = new Set((Array.isArray(a?.selected) ? a!.selected : []).map((x) => String(x).trim().toLowerCase()));
    ops.push({ kind: 'values', sheet, at: `A${row}`, rows: [[q.id, q.text.sv, null, typeof a?.comment === 'string' && a.comment ? a.comment : null]], style: S.question });
    ops.push({ kind: 'style', sheet, range: `A${row}`, style: S.id });
    ops.push({ kind: 'style', sheet, range: `D${row}`, style: { ...S.answerText, bold: false } });
    row++;
    if (q.help) {
      ops.push({ kind: 'values', sheet, at: `B${row}`, rows: [[q.help.sv]], style: S.note });
      row++;
    }
    const first = row;
    ops.push({
      kind: 'values',
      sheet,
      at: `A${row}`,
      rows: q.options.map((o) => [contextOptionId(q.id, o.id), `${o.id}) ${o.text.sv}`, selected.has(o.id) ? TICK : null]),
      style: S.wrap,
    });
    row += q.options.length;
    ops.push({ kind: 'style', sheet, range: `A${first}:A${row - 1}`, style: S.id });
    ops.push({ kind: 'style', sheet, range: `C${first}:C${row - 1}`, style: S.answer });
    ops.push({ kind: 'validation', sheet, range: `C${first}:C${row - 1}`, list: [TICK], strict: false, prompt: 'Skriv x vid ett alternativ.' });
    row++;
  }
  return ops;
}
