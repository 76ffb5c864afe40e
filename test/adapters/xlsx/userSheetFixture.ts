/**
 * A Handlingsplan the way a user leaves it after working in it, written part by part so every
 * feature is known exactly: notes (comments + VML), external and internal hyperlinks, fills and
 * number formats on the user's rows, a filled-down (shared) formula, an array formula, a user
 * column, blank and hidden rows, rows and cells without `r`, a merge, a data validation, a user
 * conditional format, the product's old Gantt rule, an x14 rule in extLst, a user table and chart,
 * a print area, a calcChain. Chart, drawing, table and styles come from the adapter's own writers.
 */
import JSZip from 'jszip';
import { chartXml, drawingXml } from '../../../src/adapters/xlsx/charts';
import { StyleSheet, minimalStylesXml } from '../../../src/adapters/xlsx/styles';
import { tableXml } from '../../../src/adapters/xlsx/tables';
import { GANTT_MARKER } from '../../../src/workbook/layout';
import type { ChartOp, WritePlan } from '../../../src/workbook/plan/types';

export const PLAN_SHEET = 'Handlingsplan';
export const DATA_SHEET = 'Data';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The cell formats the fixture's cells use, by role; indexes into cellXfs. */
export interface FixtureStyles {
  readonly fill: number;
  readonly date: number;
  readonly money: number;
  readonly column: number;
  readonly computed: number;
  readonly header: number;
}

export interface UserSheetFixture {
  readonly bytes: Uint8Array;
  readonly styles: FixtureStyles;
  /** The worksheet part of Handlingsplan. */
  readonly part: string;
}

const inline = (ref: string, text: string, s?: number) => `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t>${text}</t></is></c>`;
const shared = (ref: string, index: number, s?: number) => `<c r="${ref}"${s ? ` s="${s}"` : ''} t="s"><v>${index}</v></c>`;
const num = (ref: string, value: number, s?: number) => `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${value}</v></c>`;

export const HEADERS = ['Id', 'Aktivitet', 'Årliga mål', 'Säkerhetsåtgärd / fråga', 'Prioritet', 'Kostnader och resurser', 'Ansvarig', 'Startdatum', 'Slutdatum', 'Beroenden', 'Status', 'Beräknat läge', 'Min kolumn'];
const SST = [...HEADERS, 'Post', 'Belopp', 'Licenser', 'Utbildning'];

/** A user chart on Handlingsplan, drawn from the user table. */
const USER_CHART: ChartOp = {
  kind: 'chart',
  sheet: PLAN_SHEET,
  name: 'Budgetdiagram',
  type: 'column',
  title: 'Budget',
  categories: { sheet: PLAN_SHEET, range: 'C15:C16' },
  series: [{ name: 'Belopp', values: { sheet: PLAN_SHEET, range: 'D15:D16' } }],
  anchor: { from: 'F14', to: 'J24' },
};

function styles(): { xml: string; styles: FixtureStyles; dxfUser: number; dxfGantt: number } {
  const sheet = new StyleSheet(minimalStylesXml());
  const result: FixtureStyles = {
    fill: sheet.xfFor({ fill: 'FFF2CC' }),
    date: sheet.xfFor({ numberFormat: 'd mmm yyyy' }),
    money: sheet.xfFor({ numberFormat: '#,##0 "kr"' }),
    column: sheet.xfFor({ fill: 'E2EFDA' }),
    computed: sheet.xfFor({ bold: true, fill: 'FFC7CE', border: 'bottom' }),
    header: sheet.xfFor({ bold: true, fill: '1F4E79', fontColor: 'FFFFFF', wrap: true }),
  };
  const dxfUser = sheet.dxfFor('C6EFCE', '006100');
  const dxfGantt = sheet.dxfFor('5B9BD5');
  return { xml: sheet.toXml(), styles: result, dxfUser, dxfGantt };
}

function sheetXml(s: FixtureStyles, dxfUser: number, dxfGantt: number): string {
  const header = HEADERS.map((_, i) => shared(`${String.fromCharCode(65 + i)}4`, i, s.header)).join('');
  const rows = [
    `<row r="1">${inline('A1', 'Handlingsplan för informationssäkerhet')}</row>`,
    `<row r="2" ht="32" customHeight="1">${inline('A2', 'Föreslagna aktiviteter …')}</row>`,
    `<row r="3">${inline('A3', 'Egen anteckning ovanför tabellen')}</row>`,
    `<row r="4" spans="1:13">${header}</row>`,
    // A user row with a fill, dates in the user's format, a note on B5 and a link in M5.
    `<row r="5" spans="1:13" s="${s.fill}" customFormat="1">${inline('A5', 'HP-F01', s.fill)}${inline('B5', 'Ta fram policy', s.fill)}` +
      `${num('H5', 46023, s.date)}${num('I5', 46113, s.date)}${inline('K5', 'Pågår', s.fill)}${inline('L5', 'Kvar: 3 poäng', s.computed)}` +
      `${inline('M5', 'Intranät', s.column)}</row>`,
    '<row r="6" ht="6" customHeight="1"/>',
    // A formula filled down: master I7, secondaries I8:I9 (=H7+90 …).
    `<row r="7">${inline('A7', 'HP-F02')}${num('H7', 46054, s.date)}<c r="I7" s="${s.date}"><f t="shared" ref="I7:I9" si="0">H7+90</f><v>46144</v></c>` +
      `${inline('K7', 'Klar', s.fill)}${inline('L7', 'Kvar')}${inline('M7', 'Till data')}</row>`,
    `<row r="8">${inline('A8', 'HP-F03')}${num('H8', 46082, s.date)}<c r="I8" s="${s.date}"><f t="shared" si="0"/><v>46172</v></c>${inline('L8', 'Kvar')}</row>`,
    `<row r="9">${inline('A9', 'HP-F04')}${num('H9', 46113, s.date)}<c r="I9" s="${s.date}"><f t="shared" si="0"/><v>46203</v></c>${inline('L9', 'Kvar')}</row>`,
    // Rows and cells may leave out r: A10, B10.
    '<row><c t="inlineStr"><is><t>Egen rad</t></is></c><c><v>5</v></c></row>',
    '<row r="11" hidden="1" outlineLevel="1">' + inline('A11', 'Dold rad') + '</row>',
    `<row r="12">${inline('A12', 'Matris')}<c r="N12"><f t="array" ref="N12:O12">TRANSPOSE(H7:H8)</f><v>46054</v></c><c r="O12"><v>46082</v></c></row>`,
    // The user table C14:D16 (header row from shared strings) and a total under it.
    `<row r="14">${shared('C14', 13)}${shared('D14', 14)}</row>`,
    `<row r="15">${shared('C15', 15)}${num('D15', 12000, s.money)}</row>`,
    `<row r="16">${shared('C16', 16)}${num('D16', 8000, s.money)}</row>`,
    `<row r="17"><c r="D17" s="${s.money}"><f>SUM(D15:D16)</f><v>20000</v></c></row>`,
    // An empty row the user formatted.
    `<row r="20" s="${s.fill}" customFormat="1"/>`,
  ].join('');
  const gantt = `AND(${GANTT_MARKER}=0,P$4&lt;=$I5,EOMONTH(P$4,0)&gt;=$H5)`;
  return (
    `${HEADER}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    '<sheetPr><tabColor rgb="FF70AD47"/></sheetPr><dimension ref="A1:O20"/>' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B5" sqref="B5"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="1" x14ac:dyDescent="0.25"/>' +
    `<cols><col min="1" max="1" width="9" customWidth="1"/><col min="2" max="2" width="40" customWidth="1"/><col min="13" max="13" width="20" style="${s.column}" customWidth="1"/></cols>` +
    `<sheetData>${rows}</sheetData>` +
    '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0"/>' +
    '<mergeCells count="1"><mergeCell ref="A2:L2"/></mergeCells>' +
    `<conditionalFormatting sqref="K5:K9"><cfRule type="cellIs" dxfId="${dxfUser}" priority="2" operator="equal"><formula>"Klar"</formula></cfRule></conditionalFormatting>` +
    `<conditionalFormatting sqref="P5:AA9"><cfRule type="expression" dxfId="${dxfGantt}" priority="1"><formula>${gantt}</formula></cfRule></conditionalFormatting>` +
    '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="K5:K200"><formula1>"Ej påbörjad,Pågår,Klar"</formula1></dataValidation></dataValidations>' +
    `<hyperlinks><hyperlink ref="M5" r:id="rId4" display="Intranät"/><hyperlink ref="M7" location="'${DATA_SHEET}'!A1" display="Till data"/></hyperlinks>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts>' +
    '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    '<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
    `<x14:cfRule type="expression" priority="3" id="{6D1F7C58-0000-4000-8000-000000000001}"><xm:f>${GANTT_MARKER}+E5&gt;2</xm:f>` +
    '<x14:dxf><fill><patternFill><bgColor rgb="FFFFC000"/></patternFill></fill></x14:dxf></x14:cfRule><xm:sqref>E5:E9</xm:sqref>' +
    '</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>'
  );
}

const COMMENTS =
  `${HEADER}<comments xmlns="${MAIN}"><authors><author>Anna</author></authors><commentList>` +
  '<comment ref="B5" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>Anna:</t></r><r><t xml:space="preserve"> kolla med IT</t></r></text></comment>' +
  '</commentList></comments>';

const VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:260pt;margin-top:60pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
  '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
  '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 4, 2, 4, 15, 8, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>4</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>';

const rels = (items: readonly string[]) => `${HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;

/** The workbook: Data (a user sheet) and Handlingsplan, zipped. */
export async function userSheetFixture(): Promise<UserSheetFixture> {
  const style = styles();
  const part = 'xl/worksheets/sheet2.xml';
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
        `<Override PartName="/xl/calcChain.xml" ContentType="${CT}.spreadsheetml.calcChain+xml"/>` +
        `<Override PartName="/xl/comments1.xml" ContentType="${CT}.spreadsheetml.comments+xml"/>` +
        `<Override PartName="/xl/tables/table1.xml" ContentType="${CT}.spreadsheetml.table+xml"/>` +
        `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/>` +
        `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`,
    ],
    ['_rels/.rels', rels([`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`, `<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`])],
    [
      'docProps/app.xml',
      `${HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
        '<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Kalkylblad</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
        `<TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>${DATA_SHEET}</vt:lpstr><vt:lpstr>${PLAN_SHEET}</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
    ],
    [
      'xl/workbook.xml',
      `${HEADER}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView activeTab="1"/></bookViews>` +
        `<sheets><sheet name="${DATA_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${PLAN_SHEET}" sheetId="3" r:id="rId2"/></sheets>` +
        `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'${PLAN_SHEET}'!$A$1:$M$20</definedName><definedName name="Budgetsumma">'${PLAN_SHEET}'!$D$17</definedName></definedNames>` +
        '<calcPr calcId="191029"/></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      rels([
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
        `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>`,
        `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`,
        `<Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
        `<Relationship Id="rId5" Type="${REL}/calcChain" Target="calcChain.xml"/>`,
      ]),
    ],
    ['xl/styles.xml', style.xml],
    ['xl/sharedStrings.xml', `${HEADER}<sst xmlns="${MAIN}" count="${SST.length}" uniqueCount="${SST.length}">${SST.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`],
    ['xl/calcChain.xml', `${HEADER}<calcChain xmlns="${MAIN}"><c r="I7" i="3"/><c r="I8"/><c r="I9"/><c r="N12" a="1"/><c r="D17"/></calcChain>`],
    [
      'xl/worksheets/sheet1.xml',
      `${HEADER}<worksheet xmlns="${MAIN}"><dimension ref="A1:B2"/><sheetData><row r="1">${inline('A1', 'Egna data')}</row><row r="2">${num('B2', 42)}</row></sheetData></worksheet>`,
    ],
    [part, sheetXml(style.styles, style.dxfUser, style.dxfGantt)],
    [
      'xl/worksheets/_rels/sheet2.xml.rels',
      rels([
        `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>`,
        `<Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`,
        `<Relationship Id="rId3" Type="${REL}/table" Target="../tables/table1.xml"/>`,
        `<Relationship Id="rId4" Type="${REL}/hyperlink" Target="https://intranat.example.se/policy" TargetMode="External"/>`,
        `<Relationship Id="rId5" Type="${REL}/comments" Target="../comments1.xml"/>`,
      ]),
    ],
    ['xl/comments1.xml', COMMENTS],
    ['xl/drawings/vmlDrawing1.vml', VML],
    ['xl/tables/table1.xml', tableXml({ kind: 'table', sheet: PLAN_SHEET, name: 'Budget', range: 'C14:D16' }, 1, ['Post', 'Belopp'])],
    ['xl/drawings/drawing1.xml', drawingXml([USER_CHART], ['rId1'])],
    ['xl/drawings/_rels/drawing1.xml.rels', rels([`<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/>`])],
    [
      'xl/charts/chart1.xml',
      chartXml(USER_CHART, (_sheet, row, column) => (column === 3 ? SST[row] : [12000, 8000][row - 15])),
    ],
  ];
  const zip = new JSZip();
  for (const [name, text] of parts) zip.file(name, text, { createFolders: false, date: new Date(Date.UTC(2026, 0, 1)) });
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, styles: style.styles, part };
}

/** What a recomputation sends for the user's Handlingsplan (as the workbook layer would). */
export function updatePlan(): WritePlan {
  const sheet = PLAN_SHEET;
  return [
    // Settings other than mode are ignored on an updated sheet.
    { kind: 'sheet', sheet, mode: 'update', columnWidths: [1, 1, 1], protect: false, tabColor: 'FF0000' },
    // "Beräknat läge" on the existing rows; null leaves L6 alone.
    { kind: 'values', sheet, at: 'L5', rows: [['Kvar: 2 poäng'], [null], ['Uppfyllt'], ['Kvar: 1 poäng'], ['Kvar: 1 poäng']], style: { italic: true, fontColor: '595959' } },
    // A new activity appended below the user's rows.
    {
      kind: 'values',
      sheet,
      at: 'A21',
      rows: [['HP-F09', 'Ny aktivitet', null, 'Fråga 9', 2, null, null, { date: '2027-01-15' }, { date: '2027-03-31' }, null, 'Ej påbörjad', 'Kvar: 2 poäng']],
      style: { wrap: true, vAlign: 'top' },
    },
    {
      kind: 'conditionalFormat',
      sheet,
      range: 'P5:AA21',
      replaces: GANTT_MARKER,
      formula: `AND(${GANTT_MARKER}=0,ISNUMBER($H5),ISNUMBER($I5),P$4<=$I5,EOMONTH(P$4,0)>=$H5)`,
      fill: '5B9BD5',
    },
  ];
}

export interface SmallSheet {
  readonly name: string;
  /** The whole worksheet part. */
  readonly xml: string;
  /** Relationship elements of the sheet part. */
  readonly rels?: readonly string[];
  /** A chart sheet instead of a worksheet (xml is then a chartsheet part). */
  readonly chartsheet?: boolean;
}

/** A worksheet part around some sheetData content and what follows it. */
export const worksheet = (rows: string, after = '', prefix = '') =>
  prefix
    ? `${HEADER}<${prefix}:worksheet xmlns:${prefix}="${MAIN}" xmlns:r="${REL}"><${prefix}:dimension ref="A1"/><${prefix}:sheetData>${rows}</${prefix}:sheetData>${after}</${prefix}:worksheet>`
    : `${HEADER}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1"/><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** A small workbook around the given sheets, with styles made by `stylesXml` (default: minimal). */
export async function smallWorkbook(sheets: readonly SmallSheet[], options: { stylesXml?: string; definedNames?: string; extraParts?: Record<string, string> } = {}): Promise<Uint8Array> {
  const overrides: string[] = [];
  const zip = new JSZip();
  const add = (name: string, text: string) => zip.file(name, text, { createFolders: false, date: new Date(Date.UTC(2026, 0, 1)) });
  const wbRels = [`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`];
  const entries = sheets.map((sheet, i) => {
    const folder = sheet.chartsheet ? 'chartsheets' : 'worksheets';
    const part = `xl/${folder}/sheet${i + 1}.xml`;
    add(part, sheet.xml);
    overrides.push(`<Override PartName="/${part}" ContentType="${CT}.spreadsheetml.${sheet.chartsheet ? 'chartsheet' : 'worksheet'}+xml"/>`);
    if (sheet.rels) add(`xl/${folder}/_rels/sheet${i + 1}.xml.rels`, rels(sheet.rels));
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${sheet.chartsheet ? 'chartsheet' : 'worksheet'}" Target="${folder}/sheet${i + 1}.xml"/>`);
    return `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`;
  });
  add('xl/styles.xml', options.stylesXml ?? minimalStylesXml());
  add(
    'xl/workbook.xml',
    `${HEADER}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${entries.join('')}</sheets>` +
      `${options.definedNames ? `<definedNames>${options.definedNames}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`,
  );
  add('xl/_rels/workbook.xml.rels', rels(wbRels));
  add('_rels/.rels', rels([`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`]));
  for (const [name, text] of Object.entries(options.extraParts ?? {})) add(name, text);
  add(
    '[Content_Types].xml',
    `${HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
      `${overrides.join('')}</Types>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
