/**
 * Nästa nivå when a target is chosen (issue 11, MODEL.md "Targets"): the path to a level, to a
 * benchmark group's points or to MSBFS 2020:6, question by question, with the osäker answers to
 * make säker. Row 3 remembers the target ("Valt mål") in words that `--target` and the pane take
 * back, so the workbook keeps its target between computations.
 */
import type { Catalog } from '../../core/catalog/types';
import type { ScoreResult } from '../../core/scoring/score';
import type { TargetPath, TargetSpec, TargetStep } from '../../core/targets/target';
import { RESULT_TITLES, SHEETS } from '../layout';
import { S } from './styles';
import type { CellInput, SheetGrid, WriteOp } from './types';

/** A target as asked for (the CLI's --target, the pane's picker): what to aim at and how to name it. */
export interface TargetRequest {
  readonly spec: TargetSpec;
  readonly text: string;
  readonly label: string;
  readonly note?: string;
}

export interface ChosenTarget {
  readonly path: TargetPath;
  /** What the workbook remembers, as `--target` takes it: "nivå 3", "typkommun", "föreskrift". */
  readonly text: string;
  /** For people: "nivå 3", "Typkommun", "MSBFS 2020:6 (nivå 3)". */
  readonly label: string;
  /** One line on where the target comes from, e.g. the benchmark file's source and date. */
  readonly note?: string;
}

/** The label of the remembered target on Nästa nivå, in column A of row TARGET_ROW. */
export const TARGET_LABEL = 'Valt mål';
export const TARGET_ROW = 3;

/** The target text a Nästa nivå sheet remembers, if any (read from the product's own sheet). */
export function rememberedTarget(sheet: SheetGrid | undefined): string | undefined {
  const label = sheet?.values[TARGET_ROW - 1]?.[0];
  const text = sheet?.values[TARGET_ROW - 1]?.[1];
  return label === TARGET_LABEL && typeof text === 'string' && text.trim() ? text.trim() : undefined;
}

const list = (numbers: readonly number[]) => (numbers.length ? numbers.map((n) => `F${n}`).join(', ') : 'Inga');

function facts(target: ChosenTarget): CellInput[][] {
  const p = target.path;
  const rows: CellInput[][] = [[`Snabba fakta för målet ${target.label}`]];
  if (!p.reachable) rows.push(['Kan målet nås?', 'Nej: någon fråga kan inte ge den poäng som krävs.']);
  else if (p.reached) rows.push(['Målet', 'är nått: inga fler åtgärder behövs och inga bedömningar behöver säkras.']);
  if (p.kind === 'benchmark') {
    rows.push(['Gruppens nivå', p.groupLevel ?? '']);
    rows.push(['Frågor under gruppens poäng', p.steps.length]);
    rows.push(['Bedömningar att göra säkra', list(p.makeCertain)]);
  } else {
    rows.push(['Poäng som saknas', `${p.missingPoints ?? 0} (krav ${p.pointsRequired ?? ''} poäng totalt)`]);
    rows.push(['Frågor under minimikravet', p.belowMinimum?.length ? p.belowMinimum.map((b) => `F${b.number} (${b.points} av ${b.required} p)`).join(', ') : 'Inga']);
    rows.push(['Osäkra bedömningar att säkra', `${p.uncertainOverLimit ?? 0}${p.makeCertain.length ? `: ${list(p.makeCertain)}` : ''}`]);
  }
  rows.push(['Minsta antal ytterligare åtgärder', p.cheapestAdditionalMeasures]);
  if (p.paragraphs) {
    rows.push(['Paragrafer som vägen uppfyller', p.paragraphs.closed.length ? p.paragraphs.closed.map((id) => `${id} §`).join(', ') : 'Inga']);
    rows.push(['Paragrafer som återstår efter vägen', p.paragraphs.open.length ? p.paragraphs.open.map((id) => `${id} §`).join(', ') : 'Inga']);
  }
  return rows;
}

function reasonText(s: TargetStep, target: TargetPath): string {
  const error = s.hasInputError ? ' – rätta först felet i svaret' : '';
  if (s.reason === 'belowBenchmark') return `Under gruppens poäng (${s.toPoints} p)${error}`;
  if (s.reason === 'belowMinimum') return `Under minimikravet (${target.level} p)${error}`;
  return 'Poäng som saknas';
}

/** Nästa nivå for a chosen target: replaces the next-level version of the sheet. */
export function targetSheet(catalog: Catalog, result: ScoreResult, target: ChosenTarget, costLine?: string): WriteOp[] {
  const sheet = SHEETS.nextLevel;
  const p = target.path;
  const rows: CellInput[][] = [
    [`${RESULT_TITLES[sheet]} – vägen till ${target.label}`],
    [
      `Billigaste vägen till det valda målet: minsta antal ytterligare åtgärder${p.kind === 'benchmark' ? ', varje fråga minst till gruppens poäng' : ', frågor under minimikravet först (bredd före djup)'}. ` +
        `Utan valt mål visar bladet vägen till nästa nivå (nu ${result.level === 0 ? 'under nivå 1' : `nivå ${result.level}`}).${target.note ? ` ${target.note}` : ''}`,
    ],
    [TARGET_LABEL, target.text],
    ...facts(target),
    ...(costLine ? [['Kostnad enligt handlingsplanen', costLine]] : []),
    [],
  ];
  const headerRow = rows.length + 1;
  const optionText = (q: number, ids: readonly string[]) =>
    ids.map((id) => `${id}) ${catalog.question(q)!.options.find((o) => o.id === id)?.text.sv ?? ''}`).join('\n');
  rows.push(['Fråga', 'Arbetsområde', 'Skäl', 'Poäng nu → mål', 'Åtgärder', 'Kryssa i', 'Ta bort kryss']);
  for (const s of p.steps) {
    const q = catalog.question(s.number)!;
    rows.push([`F${s.number} ${q.text.sv}`, catalog.area(s.area)!.name.sv, reasonText(s, p), `${s.fromPoints} → ${s.toPoints}`, s.measures, optionText(s.number, s.tick), optionText(s.number, s.untick)]);
  }
  if (p.makeCertain.length) {
    rows.push([], ['Gör säkra (inga åtgärder: dokumentera underlaget och ändra bedömningen till Säker)']);
    for (const n of p.makeCertain) rows.push([`F${n} ${catalog.question(n)!.text.sv}`, catalog.area(catalog.question(n)!.area)!.name.sv, 'Osäker → säker']);
  }
  const certainTitle = p.makeCertain.length ? headerRow + 1 + p.steps.length + 1 : 0;
  return [
    { kind: 'sheet', sheet, columnWidths: [60, 30, 26, 14, 10, 60, 30], tabColor: '2F75B5', freeze: { rows: headerRow, columns: 0 }, landscape: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: 'A2:G2' },
    { kind: 'style', sheet, range: `A${TARGET_ROW}:B${TARGET_ROW}`, style: { bold: true, fill: 'DDEBF7' } },
    { kind: 'style', sheet, range: `A${TARGET_ROW + 1}`, style: S.subtitle },
    { kind: 'style', sheet, range: `A${headerRow}:G${headerRow}`, style: S.header },
    ...(certainTitle ? [{ kind: 'style', sheet, range: `A${certainTitle}`, style: S.subtitle } as WriteOp] : []),
  ];
}
