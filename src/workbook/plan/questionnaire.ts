import type { AnswerSet } from '../../core/answers/types';
import type { Catalog } from '../../core/catalog/types';
import {
  CATALOG_LABEL,
  CERTAINTY_LABELS,
  EVIDENCE_LABEL,
  ORG_TYPE_LABELS,
  ORGANISATION_FIELDS,
  Q_HEADER_ROW,
  SHEETS,
  TICK,
  YES_NO,
  levelSheet,
  optionId,
  questionId,
  type OrganisationField,
} from '../layout';
import { cellAddress } from './address';
import { EVIDENCE_CHOICES, EVIDENCE_OFF } from '../settings';
import { withRowHeights } from './rowHeights';
import { S } from './styles';
import type { CellInput, WriteOp, WritePlan } from './types';

const TICK_PROMPT = 'Skriv x för att kryssa i (ja, 1 och ✓ godtas också).';
const EVIDENCE_HELP =
  'Ja: en fråga som bedömts som Säker men saknar underlag (kolumnen Underlag på bladen Nivå 1–4) räknas som Osäker när nivån beräknas. Nej (standard): den räknas som Säker, med en varning.';
const EVIDENCE_PROMPT = 'Ja = Säker utan underlag räknas som Osäker.';

/** The questionnaire sheets, generated from the catalog (never hand-drawn), optionally with answers filled in. */
export function questionnairePlan(catalog: Catalog, answers?: AnswerSet): WritePlan {
  return withRowHeights([
    ...startSheet(catalog),
    ...organisationSheet(answers),
    ...[1, 2, 3, 4].flatMap((level) => levelSheetOps(catalog, level, answers)),
    ...validationSheet(catalog, answers),
    // Starting heights: answer rows grow with the comments people type (issue 9).
  ], { auto: true });
}

function startSheet(catalog: Catalog): WriteOp[] {
  const sheet = SHEETS.start;
  const rows: CellInput[][] = [
    [catalog.name.sv],
    ['Uppföljning av det systematiska informationssäkerhetsarbetet – frågeformulär enligt MCF (tidigare MSB)'],
    [],
    ['Vad är det här?'],
    [
      'Infosäkkollen följer upp organisationens systematiska informationssäkerhetsarbete med 40 nivågrundande frågor i tio arbetsområden. Svaren ger en nivå 1–4, återkoppling per arbetsområde, vad som krävs för nästa nivå och en indikation mot MSBFS 2020:6.',
    ],
    [],
    ['Så svarar du'],
    ['1. Fyll i bladet Organisation.'],
    ['2. Gå igenom bladen Nivå 1–4. Kryssa i varje alternativ som stämmer med x i kolumnen Svar. Alla frågor gäller de senaste två åren.'],
    ['3. Ange för varje besvarad fråga om bedömningen är Säker (det finns dokumenterat underlag) eller Osäker, och länka gärna underlaget.'],
    ['4. Alla frågor behöver inte besvaras: obesvarade frågor ger 0 poäng.'],
    ['5. Fyll gärna i Valideringsfrågor (påverkar inte nivån).'],
    ['6. Beräkna resultatet i tillägget (knappen Beräkna resultat) eller med kommandot infosak score.'],
    [],
    ['Förklaringar'],
    ['x', 'Kryss: alternativet stämmer. Lämna tomt annars.'],
    ['y', 'Ja, men inget av ovanstående (0 poäng, frågan räknas som besvarad).'],
    ['u', 'Under utveckling eller funnits kortare tid än två år (0 poäng).'],
    ['n', 'Nej (0 poäng).'],
    ['Intervall', 'Flera intervall som ligger intill varandra får kryssas; det lägsta räknas.'],
    ['Gula celler', 'De enda celler du fyller i. Bladen är skyddade utan lösenord för att undvika misstag.'],
    [],
    [CATALOG_LABEL, catalog.id],
    ['Katalogversion', catalog.revision],
    ['Källa', catalog.source],
    [],
    // Issue 13: the option settings.ts reads; the user changes it here or with the pane's switch.
    [EVIDENCE_LABEL, EVIDENCE_OFF],
    ['', EVIDENCE_HELP],
  ];
  const evidenceRow = rows.length - 1;
  const titleRows = [1, 4, 7, 15].map((r) => ({ kind: 'style', sheet, range: `A${r}`, style: r === 1 ? S.title : S.subtitle }) as WriteOp);
  return [
    { kind: 'sheet', sheet, columnWidths: [16, 110], showGridlines: false, tabColor: '1F4E79', protect: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    ...titleRows,
    // Running text spans both columns; the narrow column A is for the legend's keys.
    ...rows.flatMap((r, i): WriteOp[] => (r.length === 1 ? [{ kind: 'merge', sheet, range: `A${i + 1}:B${i + 1}` }] : [])),
    { kind: 'style', sheet, range: 'A16:A21', style: S.label },
    { kind: 'style', sheet, range: 'A21:A21', style: { fill: 'FFF9E5' } },
    { kind: 'style', sheet, range: 'A23:B25', style: S.id },
    { kind: 'style', sheet, range: `A${evidenceRow}`, style: S.label },
    { kind: 'style', sheet, range: `B${evidenceRow}`, style: { ...S.answer, hAlign: 'left' } },
    { kind: 'validation', sheet, range: `B${evidenceRow}`, list: EVIDENCE_CHOICES, strict: true, prompt: EVIDENCE_PROMPT },
    { kind: 'style', sheet, range: `B${evidenceRow + 1}`, style: S.note },
  ];
}

/** The Organisation sheet; another catalog may ask fewer fields (issue 12), read by the same ids. */
export function organisationSheet(answers?: AnswerSet, fields: readonly OrganisationField[] = ORGANISATION_FIELDS): WriteOp[] {
  const sheet = SHEETS.organisation;
  const org = (answers?.organisation ?? {}) as Record<string, unknown>;
  const first = 4;
  const rows: CellInput[][] = fields.map((f) => {
    const raw = org[f.id.slice(4)];
    let value: CellInput = null;
    if (raw !== undefined && raw !== null && raw !== '') {
      if (f.kind === 'type') value = ORG_TYPE_LABELS.find((t) => t.id === raw)?.label ?? String(raw);
      else if (f.kind === 'date' && typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) value = { date: raw };
      else if (f.kind === 'yesno') value = YES_NO.find((y) => y.toLowerCase() === String(raw).toLowerCase()) ?? String(raw);
      else value = raw as CellInput;
    }
    return [f.id, f.label, value, f.help ?? ''];
  });
  const last = first + rows.length - 1;
  const rowOf = (id: string) => first + fields.findIndex((f) => f.id === id);
  return [
    { kind: 'sheet', sheet, columnWidths: [14, 36, 34, 60], protect: true, freeze: { rows: 3, columns: 0 }, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows: [['Organisation'], ['Uppgifter om organisationen och mätningen.']] },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'values', sheet, at: 'A3', rows: [['Id', 'Uppgift', 'Värde', 'Förklaring']], style: S.header },
    { kind: 'values', sheet, at: `A${first}`, rows },
    { kind: 'style', sheet, range: `A${first}:A${last}`, style: S.id },
    { kind: 'style', sheet, range: `B${first}:B${last}`, style: S.label },
    { kind: 'style', sheet, range: `C${first}:C${last}`, style: { ...S.answerText, hAlign: 'left' } },
    { kind: 'style', sheet, range: `D${first}:D${last}`, style: S.note },
    ...fields.flatMap((f): WriteOp[] => {
      const range = `C${rowOf(f.id)}`;
      if (f.kind === 'type') return [{ kind: 'validation', sheet, range, list: ORG_TYPE_LABELS.map((t) => t.label), strict: true }];
      if (f.kind === 'yesno') return [{ kind: 'validation', sheet, range, list: YES_NO, strict: true }];
      if (f.kind === 'date') return [{ kind: 'style', sheet, range, style: { numberFormat: 'yyyy-mm-dd' } }];
      return [];
    }),
  ];
}

function levelSheetOps(catalog: Catalog, level: number, answers?: AnswerSet): WriteOp[] {
  const sheet = levelSheet(level);
  const info = catalog.levels[level];
  const ops: WriteOp[] = [
    {
      kind: 'sheet',
      sheet,
      columnWidths: [8, 5, 80, 12, 36, 36],
      protect: true,
      freeze: { rows: Q_HEADER_ROW, columns: 0 },
      landscape: true,
      fitToWidth: true,
      tabColor: ['9BC2E6', '5B9BD5', '2F75B5', '1F4E79'][level - 1],
    },
    {
      kind: 'values',
      sheet,
      at: 'A1',
      rows: [[`Nivå ${level} – ${info.name.sv}`], [info.description.sv], []],
    },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    // Across the sheet, so the level's description is not squeezed into the narrow id column.
    { kind: 'merge', sheet, range: 'A2:F2' },
    {
      kind: 'values',
      sheet,
      at: `A${Q_HEADER_ROW}`,
      rows: [['Id', 'Nr', 'Fråga och svarsalternativ (de senaste två åren)', 'Svar / bedömning', 'Kommentar', 'Underlag (länk eller dokument)']],
      style: S.header,
    },
  ];
  let row = Q_HEADER_ROW + 1;
  const tickCells: string[] = [];
  const certaintyCells: string[] = [];
  for (const q of catalog.questions.filter((x) => x.level === level)) {
    const a = answers?.answers[String(q.number)];
    const area = catalog.area(q.area)!;
    const certainty = a?.certainty ? CERTAINTY_LABELS.find((c) => c.toLowerCase() === a.certainty!.trim().toLowerCase()) ?? a.certainty : null;
    ops.push({
      kind: 'values',
      sheet,
      at: `A${row}`,
      rows: [[questionId(q.number), q.number, `${q.text.sv}  [${area.name.sv}]`, certainty, a?.comment || null, a?.evidence || null]],
      style: S.question,
    });
    ops.push({ kind: 'style', sheet, range: `A${row}`, style: S.id });
    ops.push({ kind: 'style', sheet, range: `D${row}:F${row}`, style: S.answerText });
    certaintyCells.push(cellAddress(row, 4));
    row++;
    if (q.help || q.unit) {
      const help = [q.unit ? `Andelen avser: ${q.unit.sv}.` : '', q.help?.sv ?? ''].filter(Boolean).join(' ');
      ops.push({ kind: 'values', sheet, at: `C${row}`, rows: [[help]], style: S.note });
      row++;
    }
    const first = row;
    const selected = new Set((a?.selected ?? []).map((s) => s.trim().toLowerCase()));
    ops.push({
      kind: 'values',
      sheet,
      at: `A${row}`,
      rows: q.options.map((o) => [optionId(q.number, o.id), o.id, o.text.sv, selected.has(o.id) ? TICK : null]),
      style: S.wrap,
    });
    row += q.options.length;
    ops.push({ kind: 'style', sheet, range: `A${first}:A${row - 1}`, style: S.id });
    ops.push({ kind: 'style', sheet, range: `B${first}:B${row - 1}`, style: { hAlign: 'center' } });
    ops.push({ kind: 'style', sheet, range: `D${first}:D${row - 1}`, style: S.answer });
    tickCells.push(`D${first}:D${row - 1}`);
    row++; // blank row between questions
  }
  for (const range of tickCells) ops.push({ kind: 'validation', sheet, range, list: [TICK], strict: false, prompt: TICK_PROMPT });
  for (const cell of certaintyCells) ops.push({ kind: 'validation', sheet, range: cell, list: CERTAINTY_LABELS, strict: true, prompt: 'Säker = det finns dokumenterat underlag.' });
  return ops;
}

function validationSheet(catalog: Catalog, answers?: AnswerSet): WriteOp[] {
  const sheet = SHEETS.validation;
  const first = 4;
  const rows: CellInput[][] = catalog.validationQuestions.map((v) => [v.id, v.text.sv, answers?.validation?.[v.id] ?? null, v.help?.sv ?? '']);
  const last = first + rows.length - 1;
  return [
    { kind: 'sheet', sheet, columnWidths: [8, 70, 14, 60], protect: true, fitToWidth: true, landscape: true },
    { kind: 'values', sheet, at: 'A1', rows: [['Valideringsfrågor'], ['Nyckeltal som visar om arbetet får avsedd effekt över tid. De påverkar inte nivån.']] },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: 'A2:D2' },
    { kind: 'values', sheet, at: 'A3', rows: [['Id', 'Fråga', 'Antal', 'Förklaring']], style: S.header },
    { kind: 'values', sheet, at: `A${first}`, rows, style: S.wrap },
    { kind: 'style', sheet, range: `A${first}:A${last}`, style: S.id },
    { kind: 'style', sheet, range: `C${first}:C${last}`, style: { ...S.answer, numberFormat: '0' } },
    { kind: 'style', sheet, range: `D${first}:D${last}`, style: S.note },
  ];
}
