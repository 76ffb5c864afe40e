/**
 * The corpus (issue 8): workbooks as users leave them, each with what must happen when it is
 * scored five times in place. Builders start from the product's own outputs (bases.ts) and edit
 * them at the package level the way Excel would, or through LibreOffice and openpyxl.
 */
import { DEFAULT_CATALOG, findCatalog } from '../../src/core/catalog/registry';
import type { AnswerSet } from '../../src/core/answers/types';
import { score } from '../../src/core/scoring/score';
import { exampleAnswers, type Bases } from './bases';
import {
  addCellStyle,
  addDataValidation,
  addDefinedNames,
  addDrawingObjects,
  addHyperlinks,
  addMerges,
  addNotes,
  addSheet,
  addUserConditionalFormat,
  editSheet,
  editSheetEntry,
  reorderSheets,
  simpleSheetXml,
  stylesPart,
} from './edits';
import { encryptXlsx, minimalXls } from './encrypt';
import { openpyxlEdit } from './external';
import { levelLayout, planLayout, type LevelLayout, type PlanLayout } from './layouts';
import { CT, NS, Pkg, REL, escapeXml, relativeTarget } from './pkg';
import { colName, parseRef, ref } from './refs';
import type { SheetDoc } from './sheet';
import type { CaseSpec, Outcome } from './types';
import { corruptEntryData, deflateRepeated, patchStoredEntry, rebuildZip } from './zipbytes';

const catalog = findCatalog(DEFAULT_CATALOG)!;
const EX = exampleAnswers();
const levelOf = (a: AnswerSet) => score(catalog, a).level;
const EX_LEVEL = levelOf(EX);
const EMPTY: AnswerSet = { catalog: DEFAULT_CATALOG, organisation: {}, answers: {}, validation: {} };

function withoutQuestion(a: AnswerSet, q: number): AnswerSet {
  const copy = JSON.parse(JSON.stringify(a)) as AnswerSet;
  delete copy.answers[String(q)];
  return copy;
}

function withAnswers(a: AnswerSet, extra: AnswerSet['answers']): AnswerSet {
  const copy = JSON.parse(JSON.stringify(a)) as AnswerSet;
  Object.assign(copy.answers, JSON.parse(JSON.stringify(extra)));
  return copy;
}

export const sheetOfQuestion = (q: number) => `Nivå ${catalog.questions.find((x) => x.number === q)!.level}`;
const qid = (q: number, option?: string) => `Q${String(q).padStart(2, '0')}${option ? `.${option}` : ''}`;

/** Excel serial of a date (1900 system). */
export function serial(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

const ok = (answers: AnswerSet = EX, level = levelOf(answers)): Outcome => ({ expect: 'ok', level, answers });
const fatal = (o: { sheet?: string; cell?: string; message?: string } = {}): Outcome => ({ expect: 'error', exit: 2, ...o });

async function edit(bytes: Uint8Array, fn: (pkg: Pkg) => Promise<void>): Promise<Uint8Array> {
  const pkg = await Pkg.open(bytes);
  await fn(pkg);
  return pkg.save();
}

const PLAN = 'Handlingsplan';

async function editPlan(pkg: Pkg, fn: (doc: SheetDoc, lay: PlanLayout) => void | Promise<void>, name = PLAN): Promise<void> {
  await editSheet(pkg, name, (doc) => fn(doc, planLayout(doc)));
}

async function editLevel(pkg: Pkg, sheet: string, fn: (doc: SheetDoc, lay: LevelLayout) => void | Promise<void>): Promise<void> {
  await editSheet(pkg, sheet, (doc) => fn(doc, levelLayout(doc)));
}

/** What a user typically does in the plan: owners, dates, statuses, costs on the first rows. */
function typicalUse(doc: SheetDoc, lay: PlanLayout): void {
  const rows = lay.activityRows;
  const owners = ['Kim Andersson', 'Säkerhetsgruppen', 'IT-chefen', 'HR & kommunikation'];
  rows.slice(0, 6).forEach((r, i) => {
    doc.setText(lay.at('owner', r), owners[i % owners.length]);
    doc.setNumber(lay.at('start', r), serial('2027-01-15') + 30 * i);
    doc.setNumber(lay.at('end', r), serial('2027-06-30') + 30 * i);
    doc.setText(lay.at('status', r), i < 2 ? 'Pågår' : i === 2 ? 'Klar' : 'Ej påbörjad');
  });
  doc.setText(lay.at('goals', rows[0]), 'Alla chefer utbildade 2027');
  doc.setText(lay.at('cost', rows[1]), '2 dagar/månad');
  doc.setText(lay.at('deps', rows[2]), 'HP-F10');
}

async function typical(bytes: Uint8Array): Promise<Uint8Array> {
  return edit(bytes, (pkg) => editPlan(pkg, typicalUse));
}

// -------------------------------------------------------------------------------------------
// Passing classes

const passing: CaseSpec[] = [
  {
    id: 'pass-template',
    group: 'passing',
    description: 'The empty questionnaire as `infosak template` writes it.',
    expect: [ok(EMPTY)],
    build: async (b) => b.template,
  },
  {
    id: 'pass-filled',
    group: 'passing',
    description: 'Filled with the Exempelkommun answers by `infosak fill`.',
    expect: [ok()],
    build: async (b) => b.filled,
  },
  {
    id: 'pass-scored',
    group: 'passing',
    description: 'Filled and scored once (result sheets, charts, Handlingsplan).',
    expect: [ok()],
    build: async (b) => b.scored,
  },
  {
    id: 'pass-rescored',
    group: 'passing',
    description: 'Scored twice.',
    expect: [ok()],
    build: async (b) => b.rescored,
  },
  {
    id: 'pass-scored-typical-plan',
    group: 'passing',
    description: 'Scored; the user filled in owners, dates, statuses, goals and costs in Handlingsplan.',
    expect: [ok()],
    build: async (b) => typical(b.scored),
  },
  {
    id: 'pass-lo-template',
    group: 'passing',
    description: 'The template opened and saved as .xlsx by LibreOffice Calc.',
    requires: ['soffice'],
    expect: [ok(EMPTY)],
    build: async (b) => b.lo!.template,
  },
  {
    id: 'pass-lo-filled',
    group: 'passing',
    description: 'The filled workbook re-saved by LibreOffice (shared strings, its own styles and names).',
    requires: ['soffice'],
    expect: [ok()],
    build: async (b) => b.lo!.filled,
  },
  {
    id: 'pass-lo-scored',
    group: 'passing',
    description: 'Scored, re-saved by LibreOffice, then rescored.',
    requires: ['soffice'],
    expect: [ok()],
    build: async (b) => b.lo!.scored,
  },
  {
    id: 'pass-lo-scored-typical-plan',
    group: 'passing',
    description: 'Scored, Handlingsplan filled in, then re-saved by LibreOffice (shared strings) and rescored.',
    requires: ['soffice'],
    expect: [ok()],
    build: async (b) => {
      const { sofficeConvert } = await import('./external');
      const edited = await typical(b.scored);
      return sofficeConvert([{ name: 'x', bytes: edited, ext: 'xlsx' }], 'xlsx:Calc MS Excel 2007 XML', 'xlsx').get('x')!;
    },
  },
  {
    id: 'pass-ods-filled',
    group: 'passing',
    description: 'Filled, saved as .ods by LibreOffice and back to .xlsx.',
    requires: ['soffice'],
    expect: [ok()],
    build: async (b) => b.ods!.filled,
  },
  {
    id: 'pass-ods-scored',
    group: 'passing',
    description: 'Scored, saved as .ods and back to .xlsx, then rescored.',
    requires: ['soffice'],
    expect: [ok()],
    build: async (b) => b.ods!.scored,
  },
  {
    id: 'pass-openpyxl-filled',
    group: 'passing',
    description: 'Filled, loaded and saved by openpyxl.',
    requires: ['openpyxl'],
    expect: [ok()],
    build: async (b) => b.openpyxl!.filled,
  },
  {
    id: 'pass-openpyxl-scored',
    group: 'passing',
    description: 'Scored, loaded and saved by openpyxl (charts dropped by openpyxl itself), then rescored.',
    requires: ['openpyxl'],
    expect: [ok()],
    build: async (b) => b.openpyxl!.scored,
  },
  {
    id: 'pass-user-sheet-chart-picture',
    group: 'passing',
    description: 'Filled; the user added an own sheet "Budget" with numbers, a native chart and a picture.',
    expect: [ok()],
    build: async (b) => edit(b.filled, userBudgetSheet),
  },
  {
    id: 'pass-scored-user-sheet-chart',
    group: 'passing',
    description: 'Scored; the user added an own sheet with a chart and a picture, then rescored.',
    expect: [ok()],
    build: async (b) => edit(b.scored, userBudgetSheet),
  },
  {
    id: 'pass-user-names-and-props',
    group: 'passing',
    description: 'Scored; the user added defined names (global and sheet-local), custom document properties and a custom XML part.',
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, async (pkg) => {
        const sheets = await pkg.sheets();
        await addDefinedNames(pkg, [
          { name: 'Budgetram', value: '1250000' },
          { name: 'Nivå1_svar', value: "'Nivå 1'!$D$5:$D$60" },
          { name: 'Utskrift', value: "'Nivå 2'!$A$1:$F$20", localSheetId: sheets.findIndex((s) => s.name === 'Nivå 2') },
        ]);
        pkg.set(
          'docProps/custom.xml',
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Diarienummer"><vt:lpwstr>KS 2026/0815</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Klassning"><vt:lpwstr>K2</vt:lpwstr></property></Properties>`,
        );
        await pkg.addRel('', REL.customProperties, 'docProps/custom.xml');
        await pkg.addOverride('docProps/custom.xml', CT.customProperties);
        pkg.set('customXml/item1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="no"?><diarie xmlns="urn:example:diarie"><nummer>KS 2026/0815</nummer></diarie>`);
        const wb = await pkg.workbookPart();
        await pkg.addRel(wb, REL.customXml, relativeTarget(wb, 'customXml/item1.xml'));
      }),
  },
  {
    id: 'pass-user-sheet-refers-to-plan',
    group: 'passing',
    description: "Scored; an own sheet \"Uppföljning\" with formulas into Handlingsplan ('Handlingsplan'!G5) and the level sheets.",
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, async (pkg) => {
        const doc = await planDoc(pkg);
        const lay = planLayout(doc);
        const r = lay.activityRows[0];
        await addSheet(
          pkg,
          'Uppföljning',
          simpleSheetXml([
            ['Uppföljning av handlingsplanen', null],
            ['Första aktiviteten', `='Handlingsplan'!${lay.at('activity', r)}`],
            ['Ansvarig', `='Handlingsplan'!${lay.at('owner', r)}`],
            ['Antal aktiviteter', `=COUNTA('Handlingsplan'!${lay.letter('id')}${lay.header + 1}:${lay.letter('id')}${lay.header + 200})`],
            ['Kryss fråga 1a', `='Nivå 1'!D7`],
          ]),
        );
      }),
  },
];

async function planDoc(pkg: Pkg, name = PLAN): Promise<SheetDoc> {
  const { SheetDoc } = await import('./sheet');
  const s = await pkg.sheet(name);
  return new SheetDoc(await pkg.mustText(s.part), s.name);
}

async function userBudgetSheet(pkg: Pkg): Promise<void> {
  await addSheet(
    pkg,
    'Budget',
    simpleSheetXml([
      ['Post', 'Kronor'],
      ['Utbildning', 120000],
      ['Konsultstöd', 300000],
      ['Verktyg', 85000],
      ['Summa', '=SUM(B2:B4)'],
    ]),
  );
  await addDrawingObjects(pkg, 'Budget', [
    { chart: { title: 'Budget 2027', categories: "'Budget'!$A$2:$A$4", values: "'Budget'!$B$2:$B$4", cats: ['Utbildning', 'Konsultstöd', 'Verktyg'], vals: [120000, 300000, 85000] }, at: { col: 3, row: 1 } },
    { picture: true, at: { col: 3, row: 18 } },
  ]);
}

// -------------------------------------------------------------------------------------------
// Sheets: hidden, reordered, named like ours

const sheets: CaseSpec[] = [
  {
    id: 'sheets-hidden',
    group: 'sheets',
    description: 'Scored; the user hid "Start" and "Nivå 3" and made "Nästa nivå" very hidden.',
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, async (pkg) => {
        await editSheetEntry(pkg, 'Start', { state: 'hidden' });
        await editSheetEntry(pkg, 'Nivå 3', { state: 'hidden' });
        await editSheetEntry(pkg, 'Nästa nivå', { state: 'veryHidden' });
        const wb = await pkg.workbookPart();
        pkg.set(wb, (await pkg.mustText(wb)).replace(/activeTab="\d+"/, 'activeTab="1"'));
      }),
  },
  {
    id: 'sheets-reordered',
    group: 'sheets',
    description: 'Scored; sheets dragged into another order (Handlingsplan first, Nivå 4 before Nivå 1).',
    expect: [ok()],
    build: async (b) => edit(b.scored, (pkg) => reorderSheets(pkg, ['Handlingsplan', 'Resultat', 'Nivå 4', 'Nivå 3', 'Nivå 2', 'Nivå 1'])),
  },
  {
    id: 'sheets-filled-reordered-own-first',
    group: 'sheets',
    description: 'Filled; an own sheet "Instruktioner" inserted first, then scored.',
    expect: [ok()],
    build: async (b) => edit(b.filled, async (pkg) => void (await addSheet(pkg, 'Instruktioner', simpleSheetXml([['Så här fyller vi i enkäten'], ['1. Läs frågan'], ['2. Kryssa']]), 0))),
  },
  {
    id: 'own-sheet-resultat-lowercase',
    group: 'own-sheets',
    description: 'Filled, not scored; the user has an own sheet "resultat" (lower case) with figures. Excel treats the name as taken.',
    userSheets: ['resultat'],
    expect: [fatal({ sheet: 'resultat' })],
    build: async (b) => edit(b.filled, async (pkg) => void (await addSheet(pkg, 'resultat', simpleSheetXml([['Förvaltning', 'Poäng'], ['Skola', 12], ['Vård', 9]])))),
  },
  {
    id: 'own-sheet-handlingsplan-uppercase',
    group: 'own-sheets',
    description: 'Filled, not scored; the user has an own sheet "HANDLINGSPLAN" (their old plan).',
    userSheets: ['HANDLINGSPLAN'],
    expect: [fatal({ sheet: 'HANDLINGSPLAN' })],
    build: async (b) =>
      edit(b.filled, async (pkg) => void (await addSheet(pkg, 'HANDLINGSPLAN', simpleSheetXml([['Vår gamla handlingsplan'], ['Aktivitet', 'Ansvarig'], ['Ta fram policy', 'Kim']])))),
  },
  {
    id: 'own-sheet-resultat-title',
    group: 'own-sheets',
    description: 'Filled; an own sheet named "Resultat" whose A1 is "Resultat per förvaltning 2025" (starts like our title).',
    userSheets: ['Resultat'],
    expect: [fatal({ sheet: 'Resultat' })],
    build: async (b) =>
      edit(b.filled, async (pkg) =>
        void (await addSheet(pkg, 'Resultat', simpleSheetXml([['Resultat per förvaltning 2025'], ['Förvaltning', 'Nivå'], ['Barn och utbildning', 2], ['Socialförvaltningen', 1]]))),
      ),
  },
  {
    id: 'own-sheet-arbetsomraden-title',
    group: 'own-sheets',
    description: 'Filled; an own sheet "Arbetsområden" whose A1 is "Arbetsområden och ansvariga".',
    userSheets: ['Arbetsområden'],
    expect: [fatal({ sheet: 'Arbetsområden' })],
    build: async (b) =>
      edit(b.filled, async (pkg) => void (await addSheet(pkg, 'Arbetsområden', simpleSheetXml([['Arbetsområden och ansvariga'], ['Område', 'Ansvarig'], ['Incidenthantering', 'Alex']])))),
  },
  {
    id: 'own-sheet-resultat-title-scored',
    group: 'own-sheets',
    description: 'Scored; the user renamed the product\'s "Resultat" to "Resultat 2026" and added an own "Resultat" (A1 "Resultat per förvaltning 2025").',
    userSheets: ['Resultat'],
    expect: [fatal({ sheet: 'Resultat' })],
    build: async (b) =>
      edit(b.scored, async (pkg) => {
        await editSheetEntry(pkg, 'Resultat', { rename: 'Resultat 2026' });
        await addSheet(pkg, 'Resultat', simpleSheetXml([['Resultat per förvaltning 2025'], ['Förvaltning', 'Nivå'], ['Barn och utbildning', 2]]));
      }),
  },
  {
    id: 'owned-result-renamed-case',
    group: 'own-sheets',
    description: 'Scored; the user renamed the product\'s "Resultat" to "resultat" and "Nästa nivå" to "NÄSTA NIVÅ" (only the case).',
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, async (pkg) => {
        await editSheetEntry(pkg, 'Resultat', { rename: 'resultat' });
        await editSheetEntry(pkg, 'Nästa nivå', { rename: 'NÄSTA NIVÅ' });
      }),
  },
];

// -------------------------------------------------------------------------------------------
// Files that are not (readable) workbooks

const badFiles: CaseSpec[] = [
  {
    id: 'bad-encrypted',
    group: 'bad-file',
    description: 'Filled, then password-protected ("Kryptera med lösenord", ECMA-376 Agile, AES-256): an OLE compound file.',
    expect: [fatal({ message: 'lösenord|krypter|password|encrypt' })],
    build: async (b) => encryptXlsx(b.filled, 'hemligt', 'bad-encrypted'),
  },
  {
    id: 'bad-xxe-sheet',
    group: 'bad-file',
    description: 'A level sheet part with a DOCTYPE declaring external entities (file:///etc/passwd) used in a comment cell.',
    expect: [fatal(), { expect: 'ok', level: EX_LEVEL }],
    forbidden: ['root:x:0:0'],
    build: async (b) =>
      edit(b.filled, async (pkg) => {
        const s = await pkg.sheet('Nivå 1');
        let xml = await pkg.mustText(s.part);
        const doc = new (await import('./sheet')).SheetDoc(xml, s.name);
        const lay = levelLayout(doc);
        const cell = ref(lay.col.comment, lay.rowOf('Q01'));
        doc.setRaw(cell, ' t="inlineStr"', '<is><t>&xxe;</t></is>');
        xml = doc.serialize().replace(/^(<\?xml[^>]*\?>\s*)/, '$1<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n');
        pkg.set(s.part, xml);
      }),
  },
  {
    id: 'bad-xxe-workbook',
    group: 'bad-file',
    description: 'xl/workbook.xml with a DOCTYPE and an external entity used in a defined name.',
    expect: [fatal(), ok()],
    forbidden: ['root:x:0:0'],
    build: async (b) =>
      edit(b.filled, async (pkg) => {
        const wb = await pkg.workbookPart();
        let xml = await pkg.mustText(wb);
        xml = xml.replace(/^(<\?xml[^>]*\?>\s*)/, '$1<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n');
        pkg.set(wb, xml);
        // The name's value uses the entity (escapeXml would write &amp;xxe;, so put it back).
        await addDefinedNames(pkg, [{ name: 'Inlast', value: '"&xxe;"' }]);
        pkg.set(wb, (await pkg.mustText(wb)).replace('&amp;xxe;', '&xxe;'));
      }),
  },
  {
    id: 'bad-not-a-zip',
    group: 'bad-file',
    description: 'A text file (a CSV export) saved with the .xlsx extension.',
    expect: [fatal({ message: 'xlsx|arbetsbok|workbook' })],
    build: async () => new Uint8Array(Buffer.from('Id;Svar\nQ01.a;x\nQ01.b;x\n', 'utf8')),
  },
  {
    id: 'bad-empty-file',
    group: 'bad-file',
    description: 'An empty file (0 bytes), e.g. after a failed copy.',
    expect: [fatal()],
    build: async () => new Uint8Array(0),
  },
  {
    id: 'bad-truncated',
    group: 'bad-file',
    description: 'The first 60 % of a filled workbook (a download cut off).',
    expect: [fatal()],
    build: async (b) => b.filled.subarray(0, Math.floor(b.filled.length * 0.6)),
  },
  {
    id: 'bad-no-workbook-part',
    group: 'bad-file',
    description: 'A zip with [Content_Types].xml and sheets but without xl/workbook.xml.',
    expect: [fatal()],
    build: async (b) => edit(b.filled, async (pkg) => pkg.remove('xl/workbook.xml')),
  },
  {
    id: 'bad-xls-libreoffice',
    group: 'bad-file',
    description: 'The filled workbook saved as Excel 97–2003 (.xls) by LibreOffice, renamed .xlsx.',
    requires: ['soffice'],
    expect: [fatal({ message: 'xls|97|binär|binary' })],
    build: async (b) => b.xls!,
  },
  {
    id: 'bad-xls-minimal',
    group: 'bad-file',
    description: 'A compound file with a BIFF8 Workbook stream (the shape of an .xls), named .xlsx.',
    expect: [fatal({ message: 'xls|97|binär|binary' })],
    build: async () => minimalXls(),
  },
];

// -------------------------------------------------------------------------------------------
// Crashes and limits

const LEVEL_SHEETS = ['Nivå 1', 'Nivå 2', 'Nivå 3', 'Nivå 4'];

const crashes: CaseSpec[] = [
  {
    id: 'crash-xfd-level-sheet',
    group: 'crash',
    description: 'Filled; a stray value typed at XFD1048576 on "Nivå 1" (Ctrl+→, Ctrl+↓, typing).',
    isolate: true,
    limits: { ms: 3000, rssMb: 400 },
    expect: [ok()],
    build: async (b) => edit(b.filled, (pkg) => editSheet(pkg, 'Nivå 1', (doc) => doc.setText('XFD1048576', 'x'))),
  },
  {
    id: 'crash-xfd-plan',
    group: 'crash',
    description: 'Scored; a stray value at XFD1048576 on Handlingsplan, and one at XFD of the first activity row (the sheet is full to XFD).',
    isolate: true,
    limits: { ms: 3000, rssMb: 400 },
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, (pkg) =>
        editPlan(pkg, (doc, lay) => {
          doc.setText('XFD1048576', 'slut');
          doc.setText(`XFD${lay.activityRows[0]}`, 'anteckning längst ut');
        }),
      ),
  },
  {
    id: 'crash-xfd-every-sheet',
    group: 'crash',
    description: 'Scored; values at XFD1048576 on every questionnaire and result sheet.',
    isolate: true,
    limits: { ms: 6000, rssMb: 500 },
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, async (pkg) => {
        for (const s of ['Start', 'Organisation', ...LEVEL_SHEETS, 'Valideringsfrågor', 'Handlingsplan']) await editSheet(pkg, s, (doc) => doc.setNumber('XFD1048576', 1));
      }),
  },
  {
    id: 'crash-sharedstrings-bomb',
    group: 'crash',
    description: 'Filled; xl/sharedStrings.xml inflates to 2 GiB from 2 MB (a zip bomb).',
    isolate: true,
    expect: [fatal({ message: 'sharedStrings|för stor|too large|packa|zip' })],
    build: async (b) => {
      const base = await edit(b.filled, async (pkg) => {
        const wb = await pkg.workbookPart();
        await pkg.addRel(wb, REL.sharedStrings, 'sharedStrings.xml');
        await pkg.addOverride('xl/sharedStrings.xml', CT.sharedStrings);
        pkg.set('xl/sharedStrings.xml', '<sst/>');
        // One cell uses the shared strings so every reader needs them.
        await editLevel(pkg, 'Nivå 1', (doc, lay) => doc.setRaw(ref(lay.col.comment, lay.rowOf('Q01')), ' t="s"', '<v>0</v>'));
      });
      const bomb = await deflateRepeated(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS.main}" count="1" uniqueCount="1"><si><t>`, 'A'.repeat(4096), (2 * 1024 * 1024 * 1024) / 4096 - 1, '</t></si></sst>');
      return rebuildZip(base, new Map([['xl/sharedStrings.xml', bomb]]));
    },
  },
  {
    id: 'crash-corrupt-deflate',
    group: 'crash',
    description: 'Filled; bytes in the middle of the compressed "Nivå 2" part overwritten (a damaged disk or download).',
    isolate: true,
    expect: [fatal()],
    build: async (b) => {
      const pkg = await Pkg.open(b.filled);
      const part = (await pkg.sheet('Nivå 2')).part;
      return corruptEntryData(b.filled, part);
    },
  },
  {
    id: 'crash-crc-mismatch',
    group: 'crash',
    description: 'Filled; the "Nivå 1" part stored uncompressed and one tick changed from "x" to " " without updating the CRC (a silent wrong answer if the CRC is not checked).',
    isolate: true,
    expect: [fatal({ message: 'crc|skadad|damaged|korrupt|corrupt' })],
    build: async (b) => {
      const pkg = await Pkg.open(b.filled);
      const s = await pkg.sheet('Nivå 1');
      const xml = await pkg.mustText(s.part);
      // Store the part uncompressed so one byte can be changed in place.
      pkg.zip.file(s.part, xml, { compression: 'STORE', date: new Date(Date.UTC(2026, 0, 1, 12)) });
      const bytes = await pkg.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const tick = /<c r="D7"[^>]*><is><t xml:space="preserve">x<\/t><\/is><\/c>/.exec(xml)?.[0];
      if (!tick) throw new Error('crc case: no tick in D7 of Nivå 1');
      return patchStoredEntry(bytes, s.part, tick, tick.replace('>x<', '> <'));
    },
  },
  {
    id: 'crash-output-proc',
    group: 'crash',
    description: 'Scored with -o into a folder that can never be created (/proc/…): must end with one line, not hang.',
    isolate: true,
    command: { kind: 'score-output', output: '/proc/infosak-corpus/no/such/out.xlsx' },
    expect: [fatal({ message: '/proc/infosak-corpus' })],
    build: async (b) => b.filled,
  },
  {
    id: 'crash-output-parent-is-file',
    group: 'crash',
    description: 'Scored with -o below an existing file (ENOTDIR).',
    isolate: true,
    command: { kind: 'score-output', output: '{input}/out.xlsx' },
    expect: [fatal({ message: 'out\\.xlsx' })],
    build: async (b) => b.filled,
  },
  {
    id: 'crash-output-is-folder',
    group: 'crash',
    description: 'Scored with -o naming an existing folder.',
    isolate: true,
    command: { kind: 'score-output', output: '{dir}/existing-folder.xlsx', prepare: 'mkdir' },
    expect: [fatal({ message: 'existing-folder' })],
    build: async (b) => b.filled,
  },
];

// -------------------------------------------------------------------------------------------
// Objects on result sheets

/** What a line telling about a dropped chart or picture says (Swedish or English, whole words). */
const NOTICE = '\\b(diagram\\w*|bild\\w*|objekt\\w*|figur\\w*|form(en|er|erna)|charts?|pictures?|images?|shapes?|objects?)\\b';

const resultObjects: CaseSpec[] = [
  {
    id: 'result-sheet-user-chart',
    group: 'result-sheet-object',
    description: 'Scored; the user put an own chart on "Resultat" (a product sheet that is rewritten). The CLI must say so in one line.',
    expect: [{ expect: 'ok', level: EX_LEVEL, answers: EX, notice: { sheet: 'Resultat', pattern: NOTICE } }],
    build: async (b) =>
      edit(b.scored, async (pkg) => {
        await addDrawingObjects(pkg, 'Resultat', [
          { chart: { title: 'Vår egen jämförelse', categories: "'Arbetsområden'!$B$5:$B$7", values: "'Arbetsområden'!$C$5:$C$7", cats: ['A', 'B', 'C'], vals: [1, 2, 3] }, at: { col: 12, row: 3 } },
        ]);
      }),
  },
  {
    id: 'result-sheet-user-picture',
    group: 'result-sheet-object',
    description: 'Scored; the user put the organisation\'s logo (a picture) on "Ledningssammanfattning". The CLI must say so in one line.',
    expect: [{ expect: 'ok', level: EX_LEVEL, answers: EX, notice: { sheet: 'Ledningssammanfattning', pattern: NOTICE } }],
    build: async (b) => edit(b.scored, async (pkg) => void (await addDrawingObjects(pkg, 'Ledningssammanfattning', [{ picture: true, at: { col: 8, row: 0 } }]))),
  },
  {
    id: 'plan-user-chart',
    group: 'handlingsplan',
    description: 'Scored; the user put an own chart (activities per priority) beside the Handlingsplan table. Handlingsplan is updated in place: the chart stays.',
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, async (pkg) => {
        const lay = planLayout(await planDoc(pkg));
        const r0 = lay.activityRows[0];
        const r1 = lay.activityRows[lay.activityRows.length - 1];
        await addDrawingObjects(pkg, PLAN, [
          {
            chart: { title: 'Prioritet per aktivitet', categories: `'Handlingsplan'!$${lay.letter('id')}$${r0}:$${lay.letter('id')}$${r1}`, values: `'Handlingsplan'!$${lay.letter('priority')}$${r0}:$${lay.letter('priority')}$${r1}`, cats: ['a'], vals: [1] },
            at: { col: lay.col.computed + 14, row: 2 },
          },
        ]);
      }),
  },
];

// -------------------------------------------------------------------------------------------
// Handlingsplan edits (the product owns only "Beräknat läge" of existing rows)

/** Inserts a column at `at` with a header and values on the first activity rows. */
function insertColumn(doc: SheetDoc, lay: PlanLayout, at: number, header: string, values: string[]): void {
  doc.insertCols(at, 1);
  doc.setText(ref(at, lay.header), header);
  values.forEach((v, i) => doc.setText(ref(at, lay.activityRows[i]), v));
}

const planCases: CaseSpec[] = [
  {
    id: 'plan-column-before-computed',
    group: 'handlingsplan',
    description: 'A column "Status enligt ledningen" inserted right before "Beräknat läge", with statuses typed in it (our old column 12).',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => insertColumn(doc, lay, lay.col.computed, 'Status enligt ledningen', ['Pågår', 'Klar', 'Pågår', 'Ej påbörjad'])),
      ),
  },
  {
    id: 'plan-column-inserted-middle',
    group: 'handlingsplan',
    description: 'A column "Delmål" inserted before "Årliga mål" with text typed in it; owners typed in Ansvarig.',
    expect: [ok()],
    build: async (b) => edit(await typical(b.scored), (pkg) => editPlan(pkg, (doc, lay) => insertColumn(doc, lay, lay.col.goals, 'Delmål', ['Q1', 'Q2', 'Q3']))),
  },
  {
    id: 'plan-column-inserted-first',
    group: 'handlingsplan',
    description: 'A column "Nr" inserted before the Id column (A), numbered 1, 2, 3 …',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          doc.insertCols(1, 1);
          doc.setText(ref(1, lay.header), 'Nr');
          lay.activityRows.forEach((r, i) => doc.setNumber(ref(1, r), i + 1));
        }),
      ),
  },
  {
    id: 'plan-column-deleted',
    group: 'handlingsplan',
    description: 'The column "Årliga mål" deleted by the user.',
    expect: [ok()],
    build: async (b) => edit(await typical(b.scored), (pkg) => editPlan(pkg, (doc, lay) => doc.insertCols(lay.col.goals, -1))),
  },
  {
    id: 'plan-user-column-right-of-gantt',
    group: 'handlingsplan',
    description: 'An own column "Anteckning" two columns right of the Gantt months, with notes typed in it.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          const c = lay.col.computed + 12 + 2;
          doc.setText(ref(c, lay.header), 'Anteckning');
          lay.activityRows.slice(0, 5).forEach((r, i) => doc.setText(ref(c, r), `Anteckning ${i + 1}: följs upp i ledningsgruppen`));
        }),
      ),
  },
  {
    id: 'plan-typed-in-gantt',
    group: 'handlingsplan',
    description: 'Notes typed in the Gantt area (below the month headers): "semester" in the 3rd month of the first activity, an x in the 5th month of the second.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          doc.setText(ref(lay.col.computed + 3, lay.activityRows[0]), 'semester');
          doc.setText(ref(lay.col.computed + 5, lay.activityRows[1]), 'x');
        }),
      ),
  },
  {
    id: 'plan-column-inserted-in-gantt',
    group: 'handlingsplan',
    description: 'A column "Kvartal" inserted between the 3rd and 4th Gantt month, with text in it.',
    expect: [ok()],
    build: async (b) => edit(await typical(b.scored), (pkg) => editPlan(pkg, (doc, lay) => insertColumn(doc, lay, lay.col.computed + 4, 'Kvartal', ['K1', 'K1', 'K2']))),
  },
  {
    id: 'plan-text-above-table',
    group: 'handlingsplan',
    description: 'Text typed in the blank row above the header and beside the title.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          doc.setText(ref(1, lay.header - 1), 'Reviderad av styrgruppen 2026-01-10');
          doc.setText(ref(lay.col.deps, lay.header - 1), 'Godkänd: KS 2026-02-01');
          doc.setText(ref(lay.col.computed + 2, 1), 'Utkast');
        }),
      ),
  },
  {
    id: 'plan-notes',
    group: 'handlingsplan',
    description: 'Notes (comments) on Ansvarig and Aktivitet cells and a note on a user row.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), async (pkg) => {
        const lay = planLayout(await planDoc(pkg));
        const last = lay.activityRows[lay.activityRows.length - 1] + 1;
        await editPlan(pkg, (doc) => doc.setText(ref(lay.col.activity, last), 'Egen aktivitet: ta fram rutin för loggning'));
        await addNotes(pkg, PLAN, [
          { cell: lay.at('owner', lay.activityRows[0]), author: 'Kim Andersson', text: 'Vikarie under sommaren: Alex.' },
          { cell: lay.at('activity', lay.activityRows[1]), author: 'Kim Andersson', text: 'Samordnas med HR.' },
          { cell: lay.at('activity', last), author: 'Alex Berg', text: 'Beslutad i ledningsgruppen.' },
        ]);
      }),
  },
  {
    id: 'plan-hyperlinks',
    group: 'handlingsplan',
    description: 'Hyperlinks: an external link on a Beroenden cell, one on a user row, and an internal link to a level sheet.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), async (pkg) => {
        const lay = planLayout(await planDoc(pkg));
        const last = lay.activityRows[lay.activityRows.length - 1] + 1;
        await editPlan(pkg, (doc) => {
          doc.setText(lay.at('deps', lay.activityRows[3]), 'Underlag på intranätet');
          doc.setText(lay.at('activity', last), 'Se beslutet');
          doc.setText(lay.at('deps', lay.activityRows[4]), 'Fråga 1');
        });
        await addHyperlinks(pkg, PLAN, [
          { cell: lay.at('deps', lay.activityRows[3]), url: 'https://intranat.exempelkommun.se/infosak/beslut?id=12&v=2' },
          { cell: lay.at('activity', last), url: 'https://intranat.exempelkommun.se/ks/2026-02-01' },
          { cell: lay.at('deps', lay.activityRows[4]), location: "'Nivå 1'!A5", display: 'Fråga 1' },
        ]);
      }),
  },
  {
    id: 'plan-fills-number-formats',
    group: 'handlingsplan',
    description: 'Fill colours and number formats: a user row with a yellow fill, a cost in "#,##0 kr", a date; a highlighted owner and a percentage on suggested rows; a user conditional format on Status.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), async (pkg) => {
        const yellow = await addCellStyle(pkg, { fill: 'FFFF00' });
        const money = await addCellStyle(pkg, { fill: 'FFFF00', numFmt: '#,##0 "kr"' });
        const date = await addCellStyle(pkg, { fill: 'FFFF00', numFmt: 'yyyy-mm-dd' });
        const pink = await addCellStyle(pkg, { fill: 'F4B6C2', bold: true });
        const pct = await addCellStyle(pkg, { numFmt: '0%' });
        const lay = planLayout(await planDoc(pkg));
        const last = lay.activityRows[lay.activityRows.length - 1] + 1;
        await editPlan(pkg, (doc) => {
          for (let c = 1; c <= lay.col.computed; c++) doc.setRaw(ref(c, last), ` s="${yellow}"`, '');
          doc.setText(lay.at('id', last), 'EGEN-1', yellow);
          doc.setText(lay.at('activity', last), 'Utbilda nämnden i informationssäkerhet', yellow);
          doc.setNumber(lay.at('cost', last), 125000, money);
          doc.setNumber(lay.at('start', last), serial('2027-03-01'), date);
          doc.setText(lay.at('owner', lay.activityRows[0]), 'Kim Andersson', pink);
          doc.setNumber(lay.at('goals', lay.activityRows[1]), 0.75, pct);
        });
        await addUserConditionalFormat(pkg, PLAN, `${lay.letter('status')}${lay.header + 1}:${lay.letter('status')}${lay.header + 60}`, `${lay.letter('status')}${lay.header + 1}="Klar"`);
      }),
  },
  {
    id: 'plan-shared-formulas',
    group: 'handlingsplan',
    description: 'Excel fill-down: Startdatum of the first activity typed, the next five filled down as a shared formula (=H5+30), Slutdatum as a second shared formula (=H5+90).',
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, (pkg) =>
        editPlan(pkg, (doc, lay) => {
          const rows = lay.activityRows;
          const first = rows[0];
          const start0 = serial('2027-01-15');
          doc.setNumber(lay.at('start', first), start0);
          const S = lay.letter('start');
          const E = lay.letter('end');
          const down = rows.slice(1, 6);
          down.forEach((r, i) => {
            if (r !== first + 1 + i) throw new Error('activity rows are not consecutive');
            doc.setFormula(`${S}${r}`, i === 0 ? `${S}${r - 1}+30` : '', start0 + 30 * (i + 1), undefined, i === 0 ? ` t="shared" ref="${S}${r}:${S}${down[down.length - 1]}" si="0"` : ' t="shared" si="0"');
          });
          rows.slice(0, 6).forEach((r, i) =>
            doc.setFormula(`${E}${r}`, i === 0 ? `${S}${r}+90` : '', start0 + 30 * i + 90, undefined, i === 0 ? ` t="shared" ref="${E}${r}:${E}${rows[5]}" si="1"` : ' t="shared" si="1"'),
          );
        }),
      ),
  },
  {
    id: 'plan-deleted-blank-row-3',
    group: 'handlingsplan',
    description: 'The blank row between the description and the header deleted (the header moves up one row); an owner typed on the first activity.',
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, (pkg) =>
        editPlan(pkg, (doc, lay) => {
          doc.setText(lay.at('owner', lay.activityRows[0]), 'Kim Andersson');
          doc.insertRows(lay.header - 1, -1);
        }),
      ),
  },
  {
    id: 'plan-blank-rows-between',
    group: 'handlingsplan',
    description: 'Blank rows inserted between activities (one after the 3rd, two after the 10th) to group them.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          doc.insertRows(lay.activityRows[10] + 1, 2);
          doc.insertRows(lay.activityRows[3] + 1, 1);
        }),
      ),
  },
  {
    id: 'plan-formulas-to-other-rows',
    group: 'handlingsplan',
    description: 'A blank row, then Slutdatum of the first activity =H27+90-style: a formula pointing at another activity\'s Startdatum further down, and Beroenden =A-cell references.',
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, (pkg) =>
        editPlan(pkg, (doc, lay) => {
          doc.insertRows(lay.activityRows[5] + 1, 1);
          const l = planLayout(doc);
          const rows = l.activityRows;
          const far = rows[rows.length - 2];
          doc.setNumber(l.at('start', far), serial('2027-04-01'));
          doc.setFormula(l.at('end', rows[0]), `${l.at('start', far)}+90`, serial('2027-04-01') + 90);
          doc.setFormula(l.at('deps', rows[1]), `${l.at('id', rows[0])}&" och "&${l.at('id', far)}`, `${'HP'}-x och HP-y`);
        }),
      ),
  },
  {
    id: 'plan-renamed-case',
    group: 'handlingsplan',
    description: 'Handlingsplan renamed "handlingsplan" (only the case) and filled in.',
    expect: [ok()],
    build: async (b) => edit(await typical(b.scored), (pkg) => editSheetEntry(pkg, PLAN, { rename: 'handlingsplan' })),
  },
  {
    id: 'plan-date1904',
    group: 'handlingsplan',
    description: 'A 1904-date workbook (Excel for Mac): every date serial 1462 lower; dates typed in Handlingsplan.',
    ganttDates: true,
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), async (pkg) => {
        await to1904(pkg);
      }),
  },
  {
    id: 'plan-date-typed-as-number',
    group: 'handlingsplan',
    description: 'Startdatum typed as the number 20270115 in a date-formatted cell (shows as ######## in Excel).',
    expect: [ok()],
    build: async (b) => edit(await typical(b.scored), (pkg) => editPlan(pkg, (doc, lay) => doc.setNumber(lay.at('start', lay.activityRows[7]), 20270115))),
  },
  {
    id: 'plan-date-zero',
    group: 'handlingsplan',
    description: 'A 0 in a Startdatum cell (shows as 1900-01-00).',
    expect: [ok()],
    build: async (b) => edit(await typical(b.scored), (pkg) => editPlan(pkg, (doc, lay) => doc.setNumber(lay.at('start', lay.activityRows[7]), 0))),
  },
  {
    id: 'plan-date-huge',
    group: 'handlingsplan',
    description: 'A huge number (1E+15) in Slutdatum and 2958466 (one day past 9999-12-31) in Startdatum.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          doc.setNumber(lay.at('end', lay.activityRows[7]), '1E+15');
          doc.setNumber(lay.at('start', lay.activityRows[8]), 2958466);
        }),
      ),
  },
  {
    id: 'plan-date-negative-and-text',
    group: 'handlingsplan',
    description: 'A negative number (-5) in a date cell, dates typed as text ("15/01/2027", "2027-01-15 ") and an error value (#VALUE!).',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          doc.setNumber(lay.at('start', lay.activityRows[7]), -5);
          doc.setText(lay.at('start', lay.activityRows[8]), '15/01/2027');
          doc.setText(lay.at('end', lay.activityRows[8]), '2027-01-15 ');
          doc.setRaw(lay.at('end', lay.activityRows[9]), ' t="e"', '<v>#VALUE!</v>');
        }),
      ),
  },
  {
    id: 'plan-user-rows',
    group: 'handlingsplan',
    description: 'Own activity rows added below (one with an own id, one without), and one between suggested rows.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          const last = lay.activityRows[lay.activityRows.length - 1];
          doc.setText(lay.at('id', last + 1), 'EGEN-1');
          doc.setText(lay.at('activity', last + 1), 'Upphandla loggverktyg');
          doc.setText(lay.at('owner', last + 1), 'IT-chefen');
          doc.setText(lay.at('activity', last + 2), 'Workshop med förvaltningarna (utan id)');
          doc.insertRows(lay.activityRows[2] + 1, 1);
          const r = lay.activityRows[2] + 1;
          doc.setText(lay.at('id', r), 'EGEN-2');
          doc.setText(lay.at('activity', r), 'Informationsklassa HR-systemet');
        }),
      ),
  },
  {
    id: 'plan-suggested-row-deleted',
    group: 'handlingsplan',
    description: 'The row of the 2nd suggested activity deleted (it comes back at the end if still needed).',
    expect: [ok()],
    build: async (b) => edit(await typical(b.scored), (pkg) => editPlan(pkg, (doc, lay) => doc.insertRows(lay.activityRows[1], -1))),
  },
  {
    id: 'plan-table-moved',
    group: 'handlingsplan',
    description: 'Three rows inserted at the top and two columns at the left: the table now starts in C7.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc) => {
          doc.insertRows(1, 3);
          doc.insertCols(1, 2);
          doc.setText('A1', 'Informationssäkerhet – kommunens plan');
        }),
      ),
  },
  {
    id: 'plan-merges-and-validation',
    group: 'handlingsplan',
    description: 'The user merged cells for a note under the table and added an own drop-down on Ansvarig.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          const r = lay.activityRows[lay.activityRows.length - 1] + 3;
          doc.setText(ref(lay.col.activity, r), 'Planen följs upp kvartalsvis i ledningsgruppen.');
          const range = `${lay.letter('activity')}${r}:${lay.letter('priority')}${r}`;
          doc.tail = addMerges(doc.tail, [range]);
          doc.tail = addDataValidation(doc.tail, `${lay.letter('owner')}${lay.header + 1}:${lay.letter('owner')}${lay.header + 40}`, ['Kim Andersson', 'IT-chefen', 'HR']);
        }),
      ),
  },
  {
    id: 'plan-formula-status-and-rich-text',
    group: 'handlingsplan',
    description: 'Status as a formula (=IF(I5<TODAY(),"Försenad","Pågår")) with cached values, and rich text (a bold run) typed in an Aktivitet cell.',
    expect: [ok()],
    build: async (b) =>
      edit(await typical(b.scored), (pkg) =>
        editPlan(pkg, (doc, lay) => {
          lay.activityRows.slice(0, 3).forEach((r) => doc.setFormula(lay.at('status', r), `IF(${lay.at('end', r)}<TODAY(),"Försenad","Pågår")`, 'Pågår'));
          const r = lay.activityRows[4];
          doc.setRaw(lay.at('activity', r), ' s="2" t="inlineStr"', '<is><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>Viktigt: </t></r><r><t xml:space="preserve">öva kontinuitetsplanen</t></r></is>');
        }),
      ),
  },
  {
    id: 'plan-status-everything',
    group: 'handlingsplan',
    description: 'Every editable column filled on every suggested row (the plan in full use).',
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, (pkg) =>
        editPlan(pkg, (doc, lay) => {
          lay.activityRows.forEach((r, i) => {
            doc.setText(lay.at('goals', r), `Mål ${i + 1}`);
            doc.setText(lay.at('cost', r), `${(i + 1) * 10} tkr`);
            doc.setText(lay.at('owner', r), `Person ${i + 1}`);
            doc.setNumber(lay.at('start', r), serial('2027-01-01') + 7 * i);
            doc.setNumber(lay.at('end', r), serial('2027-03-01') + 7 * i);
            doc.setText(lay.at('deps', r), i ? `HP-rad ${i}` : '');
            doc.setText(lay.at('status', r), ['Ej påbörjad', 'Pågår', 'Klar', 'Avbruten'][i % 4]);
            doc.setNumber(lay.at('priority', r), (i % 3) + 1);
          });
        }),
      ),
  },
  {
    id: 'plan-openpyxl-insert-column',
    group: 'handlingsplan',
    description: 'openpyxl: a column inserted before "Kostnader och resurser" (openpyxl moves cells only) with a header and values; saved by openpyxl.',
    requires: ['openpyxl'],
    expect: [ok()],
    build: async (b) => {
      const base = await typical(b.scored);
      const lay = planLayout(await planDoc(await Pkg.open(base)));
      return openpyxlEdit(
        base,
        `ws = wb['Handlingsplan']\nws.insert_cols(${lay.col.cost})\nws.cell(row=${lay.header}, column=${lay.col.cost}, value='Budgetpost')\n` +
          lay.activityRows.slice(0, 4).map((r, i) => `ws.cell(row=${r}, column=${lay.col.cost}, value='Konto ${4000 + i}')`).join('\n'),
      );
    },
  },
  {
    id: 'plan-openpyxl-insert-rows',
    group: 'handlingsplan',
    description: 'openpyxl: two rows inserted after the 5th activity with an own activity typed; saved by openpyxl.',
    requires: ['openpyxl'],
    expect: [ok()],
    build: async (b) => {
      const base = await typical(b.scored);
      const lay = planLayout(await planDoc(await Pkg.open(base)));
      const r = lay.activityRows[4] + 1;
      return openpyxlEdit(
        base,
        `ws = wb['Handlingsplan']\nws.insert_rows(${r}, 2)\nws.cell(row=${r}, column=${lay.col.id}, value='EGEN-7')\nws.cell(row=${r}, column=${lay.col.activity}, value='Egen rad från skript')\nws.cell(row=${r + 1}, column=${lay.col.owner}, value='Alex')`,
      );
    },
  },
];

/** Turns a workbook into the 1904 date system, shifting every date-formatted number as Excel for Mac would store it. */
async function to1904(pkg: Pkg): Promise<void> {
  const wb = await pkg.workbookPart();
  let xml = await pkg.mustText(wb);
  xml = /<(?:\w+:)?workbookPr\b/.test(xml)
    ? xml.replace(/<((?:\w+:)?)workbookPr\b([^>]*?)(\/?)>/, (_m, p: string, a: string, close: string) => `<${p}workbookPr date1904="1"${a.replace(/\s*date1904="[^"]*"/, '')}${close}>`)
    : xml.replace(/(<(?:\w+:)?workbook\b[^>]*>)/, '$1<workbookPr date1904="1"/>');
  pkg.set(wb, xml);
  const styles = await pkg.mustText(await stylesPart(pkg));
  const dateXfs = dateStyleIndexes(styles);
  for (const s of await pkg.sheets()) {
    if (!s.part || !/worksheet$/.test(s.relType)) continue;
    await editSheet(pkg, s.name, (doc) => {
      for (const row of doc.rows.values())
        for (const c of row.cells) {
          const st = /\bs="(\d+)"/.exec(c.attrs)?.[1];
          if (!st || !dateXfs.has(Number(st)) || !/^(n)?$/.test(/\bt="(\w*)"/.exec(c.attrs)?.[1] ?? '') || /<f\b/.test(c.inner)) continue;
          c.inner = c.inner.replace(/<v>([^<]*)<\/v>/, (_m, v: string) => `<v>${Number(v) - 1462}</v>`);
        }
    });
  }
}

export function dateStyleIndexes(styles: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) custom.set(Number(m[1]), m[2]);
  const out = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    const code = custom.get(id);
    // A date shows a day, a year or a month ("mmm"); m next to h or s alone is minutes (a time, not shifted).
    const bare = code?.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '') ?? '';
    const isDate = code !== undefined ? /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare)) : [14, 15, 16, 17, 22].includes(id);
    if (isDate) out.add(i);
    i++;
  }
  return out;
}

// -------------------------------------------------------------------------------------------
// Level sheets: read by header, never a silent wrong answer

function levelColumnCase(id: string, description: string, sheetsToEdit: string[], where: 'before-answer' | 'after-answer' | 'first', header: string): CaseSpec {
  return {
    id,
    group: 'level-sheet',
    description,
    expect: [ok(), ...sheetsToEdit.map((s) => fatal({ sheet: s }))],
    build: async (b) =>
      edit(b.filled, async (pkg) => {
        for (const s of sheetsToEdit)
          await editLevel(pkg, s, (doc, lay) => {
            const at = where === 'first' ? 1 : where === 'before-answer' ? lay.col.answer : lay.col.answer + 1;
            doc.insertCols(at, 1);
            doc.setText(ref(at, lay.header), header);
            const rows = [...doc.rows.keys()].filter((r) => r > lay.header).sort((a, b) => a - b);
            rows.slice(0, 12).forEach((r, i) => doc.setText(ref(at, r), i % 2 ? 'Kim' : '2026-03-01'));
          });
      }),
  };
}

const levelCases: CaseSpec[] = [
  levelColumnCase('level-column-before-answer', 'Filled; a column "Ansvarig" inserted before the answer column on "Nivå 1", with text on the first rows.', ['Nivå 1'], 'before-answer', 'Ansvarig'),
  levelColumnCase('level-column-after-answer', 'Filled; a column "Datum" inserted between the answer and the comment column on "Nivå 2" (comments would move into evidence if read by position).', ['Nivå 2'], 'after-answer', 'Datum'),
  levelColumnCase('level-column-before-answer-all', 'Filled; a column "Ansvarig" inserted before the answer column on all four level sheets.', LEVEL_SHEETS, 'before-answer', 'Ansvarig'),
  levelColumnCase('level-column-first', 'Filled; a column "Löpnr" inserted before the id column on "Nivå 3" (the ids move to column B).', ['Nivå 3'], 'first', 'Löpnr'),
  {
    id: 'level-own-column-end',
    group: 'level-sheet',
    description: 'Filled; an own column "Egen anteckning" right of the evidence column on "Nivå 1" with notes.',
    expect: [ok()],
    build: async (b) =>
      edit(b.filled, (pkg) =>
        editLevel(pkg, 'Nivå 1', (doc, lay) => {
          const c = lay.col.evidence + 1;
          doc.setText(ref(c, lay.header), 'Egen anteckning');
          doc.setText(ref(c, lay.rowOf('Q01')), 'Kolla med nämndsekreteraren');
          doc.setText(ref(c, lay.rowOf('Q02.b')), 'Osäkert – fråga HR');
        }),
      ),
  },
  {
    id: 'level-inserted-rows',
    group: 'level-sheet',
    description: 'Filled; rows inserted between options on "Nivå 3" with notes typed in them.',
    expect: [ok()],
    build: async (b) =>
      edit(b.filled, (pkg) => {
        const q = catalog.questions.find((x) => x.level === 3)!;
        return editLevel(pkg, 'Nivå 3', (doc, lay) => {
          const r = lay.rowOf(qid(q.number, q.options[1].id));
          doc.insertRows(r, 2);
          doc.setText(ref(lay.col.comment, r), 'Anteckning: se protokoll 2026-04');
        });
      }),
  },
  {
    id: 'level-formula-tick-cached',
    group: 'level-sheet',
    description: 'Filled; a tick written as the formula ="x" with its cached value (as Excel saves it).',
    expect: [ok()],
    build: async (b) => edit(b.filled, (pkg) => editLevel(pkg, 'Nivå 1', (doc, lay) => doc.setFormula(lay.answerCell('Q01.a'), '"x"', 'x'))),
  },
  (() => {
    const expected = withoutQuestion(EX, 1);
    return {
      id: 'level-formula-tick-uncached',
      group: 'level-sheet',
      description: 'Filled; a tick written as the formula ="x" without a cached value (a tool that never calculated): an error naming the cell, never an unticked box.',
      expect: [{ expect: 'error', exit: 3, level: levelOf(expected), errors: [{ sheet: 'Nivå 1', cell: 'D7', code: 'formula-without-value' }] }],
      build: async (b: Bases) =>
        edit(b.filled, (pkg) =>
          editLevel(pkg, 'Nivå 1', (doc, lay) => {
            const cell = lay.answerCell('Q01.a');
            if (cell !== 'D7') throw new Error(`expected Q01.a in D7, found ${cell}`);
            doc.setFormula(cell, '"x"');
          }),
        ),
    } satisfies CaseSpec;
  })(),
  {
    id: 'level-formula-tick-reference',
    group: 'level-sheet',
    description: 'Filled; ticks as formulas referring to other cells (=IF($B$2<>"";"x";"")-style) with cached values.',
    expect: [ok()],
    build: async (b) =>
      edit(b.filled, (pkg) =>
        editLevel(pkg, 'Nivå 2', (doc, lay) => {
          const q = catalog.questions.find((x) => x.level === 2 && EX.answers[String(x.number)]?.selected.length)!;
          const opt = EX.answers[String(q.number)].selected[0];
          doc.setFormula(lay.answerCell(qid(q.number, opt)), `IF(LEN($C$1)>0,"x","")`, 'x');
        }),
      ),
  },
  {
    id: 'level-tick-variants',
    group: 'level-sheet',
    description: 'Filled; ticks retyped as X, ja, 1 (a number), TRUE (a boolean) and ✓.',
    expect: [ok()],
    build: async (b) =>
      edit(b.filled, async (pkg) => {
        const ticks = Object.entries(EX.answers)
          .filter(([n]) => sheetOfQuestion(Number(n)) === 'Nivå 1')
          .flatMap(([n, a]) => a.selected.map((o) => qid(Number(n), o)))
          .slice(0, 5);
        await editLevel(pkg, 'Nivå 1', (doc, lay) => {
          doc.setText(lay.answerCell(ticks[0]), 'X');
          doc.setText(lay.answerCell(ticks[1]), 'ja');
          doc.setNumber(lay.answerCell(ticks[2]), 1);
          doc.setBool(lay.answerCell(ticks[3]), true);
          doc.setText(lay.answerCell(ticks[4]), '✓');
        });
      }),
  },
  (() => {
    const q = 1;
    const expected = withoutQuestion(EX, q);
    return {
      id: 'level-unknown-tick',
      group: 'level-sheet',
      description: 'Filled; "?" typed in the tick cell of Q01.e: an input error naming the cell; question 1 counts as unanswered.',
      expect: [{ expect: 'error', exit: 3, level: levelOf(expected), errors: [{ sheet: 'Nivå 1', cell: 'D11', code: 'bad-tick' }] }],
      build: async (b: Bases) =>
        edit(b.filled, (pkg) =>
          editLevel(pkg, 'Nivå 1', (doc, lay) => {
            const cell = lay.answerCell('Q01.e');
            if (cell !== 'D11') throw new Error(`expected Q01.e in D11, found ${cell}`);
            doc.setText(cell, '?');
          }),
        ),
    } satisfies CaseSpec;
  })(),
  {
    id: 'level-notes-and-links',
    group: 'level-sheet',
    description: 'Scored; notes on tick cells and a hyperlink on an evidence cell of "Nivå 2", then rescored.',
    expect: [ok()],
    build: async (b) =>
      edit(b.scored, async (pkg) => {
        const doc = await planDocLevel(pkg, 'Nivå 2');
        const lay = levelLayout(doc);
        const q = catalog.questions.find((x) => x.level === 2)!;
        await addNotes(pkg, 'Nivå 2', [
          { cell: lay.answerCell(qid(q.number, q.options[0].id)), author: 'Kim Andersson', text: 'Enligt beslut 2025-11.' },
          { cell: lay.answerCell(qid(q.number)), author: 'Kim Andersson', text: 'Säker: protokollet finns.' },
        ]);
        await addHyperlinks(pkg, 'Nivå 2', [{ cell: ref(lay.col.evidence, lay.rowOf(qid(q.number))), url: 'https://intranat.exempelkommun.se/protokoll/2025-11' }]);
      }),
  },
  {
    id: 'level-openpyxl-insert-column',
    group: 'level-sheet',
    description: 'openpyxl: a column inserted before the answer column of "Nivå 1" (cells move, nothing else does), header "Ansvarig"; saved by openpyxl.',
    requires: ['openpyxl'],
    expect: [ok(), fatal({ sheet: 'Nivå 1' })],
    build: async (b) => {
      const lay = levelLayout(await planDocLevel(await Pkg.open(b.filled), 'Nivå 1'));
      return openpyxlEdit(b.filled, `ws = wb['Nivå 1']\nws.insert_cols(${lay.col.answer})\nws.cell(row=${lay.header}, column=${lay.col.answer}, value='Ansvarig')\nws.cell(row=${lay.header + 1}, column=${lay.col.answer}, value='Kim')`);
    },
  },
];

async function planDocLevel(pkg: Pkg, name: string): Promise<SheetDoc> {
  return planDoc(pkg, name);
}

// -------------------------------------------------------------------------------------------
// fill: writes only the answer cells of the questions in the answers file

const FILL_ANSWERS: AnswerSet = {
  catalog: DEFAULT_CATALOG,
  answers: {
    '2': { selected: ['a', 'b', 'c', 'd', 'e'], certainty: 'säker', comment: 'Uppdaterat efter revisionen', evidence: 'Dnr 2026/17' },
    // Every field given, so the expected result does not depend on how an absent field is merged.
    '3': { selected: ['a'], certainty: 'osäker', comment: 'Ny bedömning efter revisionen', evidence: 'Dnr 2026/18' },
  },
};

function fillCase(id: string, description: string, build: (b: Bases) => Promise<Uint8Array>, expected: Outcome[]): CaseSpec {
  return { id, group: 'fill', description, command: { kind: 'fill', answers: FILL_ANSWERS }, expect: expected, build };
}

const FILLED_AFTER = withAnswers(EX, FILL_ANSWERS.answers);

const fillCases: CaseSpec[] = [
  fillCase('fill-template-partial', '`fill` of two questions into the empty template: every other cell stays as it was.', async (b) => b.template, [ok({ ...EMPTY, answers: JSON.parse(JSON.stringify(FILL_ANSWERS.answers)) })]),
  fillCase('fill-over-filled', '`fill` of two questions over the filled workbook: the other 38 answers stay.', async (b) => b.filled, [ok(FILLED_AFTER)]),
  (() => {
    const expected = withoutQuestion(FILLED_AFTER, 1);
    return fillCase(
      'fill-unknown-tick-elsewhere',
      'Filled; "?" typed in Q01.e (a tick fill does not understand); `fill` of questions 2 and 3 must leave question 1 and its "?" alone.',
      async (b) => edit(b.filled, (pkg) => editLevel(pkg, 'Nivå 1', (doc, lay) => doc.setText(lay.answerCell('Q01.e'), '?'))),
      [{ expect: 'error', exit: 3, level: levelOf(expected), errors: [{ sheet: 'Nivå 1', cell: 'D11', code: 'bad-tick' }] }],
    );
  })(),
  fillCase(
    'fill-own-column',
    'Filled; an own column "Egen anteckning" right of the evidence column on "Nivå 1" with notes; `fill` must keep it.',
    async (b) =>
      edit(b.filled, (pkg) =>
        editLevel(pkg, 'Nivå 1', (doc, lay) => {
          const c = lay.col.evidence + 1;
          doc.setText(ref(c, lay.header), 'Egen anteckning');
          doc.setText(ref(c, lay.rowOf('Q02')), 'Revisionen 2026 sa ja');
          doc.setText(ref(c, lay.rowOf('Q03.b')), 'Kolla');
        }),
      ),
    [ok(FILLED_AFTER)],
  ),
  fillCase(
    'fill-inserted-row',
    'Filled; a row inserted inside question 2 on "Nivå 1" with a note typed in it; `fill` must keep it.',
    async (b) =>
      edit(b.filled, (pkg) =>
        editLevel(pkg, 'Nivå 1', (doc, lay) => {
          const r = lay.rowOf('Q02.c');
          doc.insertRows(r, 1);
          doc.setText(ref(lay.col.comment, r), 'Notering: c gäller bara förvaltningarna');
        }),
      ),
    [ok(FILLED_AFTER)],
  ),
  fillCase(
    'fill-notes-formats',
    'Filled; notes on answer cells, a fill colour on a question row and a hyperlink in evidence on "Nivå 1"; `fill` must keep them.',
    async (b) =>
      edit(b.filled, async (pkg) => {
        const lay = levelLayout(await planDocLevel(pkg, 'Nivå 1'));
        const pink = await addCellStyle(pkg, { fill: 'F4B6C2' });
        await editLevel(pkg, 'Nivå 1', (doc) => {
          const r = lay.rowOf('Q04');
          doc.setRaw(ref(lay.col.comment, r), ` s="${pink}" t="inlineStr"`, '<is><t>Rosa = följ upp</t></is>');
        });
        await addNotes(pkg, 'Nivå 1', [
          { cell: lay.answerCell('Q02.a'), author: 'Kim', text: 'Ändras av fill (fråga 2 finns i svarsfilen).' },
          { cell: lay.answerCell('Q05.a'), author: 'Kim', text: 'Fråga 5 finns inte i svarsfilen.' },
        ]);
        await addHyperlinks(pkg, 'Nivå 1', [{ cell: ref(lay.col.evidence, lay.rowOf('Q01')), url: 'https://intranat.exempelkommun.se/infosak/underlag-q01' }]);
      }),
    // The pink comment typed on question 4 is an answer of the user's: it is read back.
    [ok(withAnswers(FILLED_AFTER, { '4': { ...EX.answers['4'], comment: 'Rosa = följ upp' } }))],
  ),
];

export const CASES: readonly CaseSpec[] = [...passing, ...sheets, ...badFiles, ...crashes, ...resultObjects, ...planCases, ...levelCases, ...fillCases];

export { colName, escapeXml, parseRef };
