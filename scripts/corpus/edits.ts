/**
 * What users add to workbooks, written the way Excel writes it: styles (fills, number formats),
 * notes (comments + VML), hyperlinks, charts, pictures, own sheets, defined names.
 */
import { deflateSync } from 'node:zlib';
import { crc32 } from './zipbytes';
import { CT, NS, Pkg, REL, escapeXml, insertWorksheetElement, relativeTarget, relsPathOf } from './pkg';
import { SheetDoc } from './sheet';
import { colName, parseRef } from './refs';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export async function stylesPart(pkg: Pkg): Promise<string> {
  const wb = await pkg.workbookPart();
  const rel = (await pkg.rels(wb)).find((r) => r.type === REL.styles);
  return rel?.part ?? 'xl/styles.xml';
}

/** Appends an element to a counted collection (`<fills count="n">…</fills>`) and returns its index. */
function appendCounted(xml: string, collection: string, element: string, before: string[]): { xml: string; index: number } {
  const re = new RegExp(`<((?:\\w+:)?)${collection}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${collection}>)`);
  const m = re.exec(xml);
  if (!m) {
    let at = -1;
    for (const b of before) {
      const i = xml.search(new RegExp(`<(?:\\w+:)?${b}\\b`));
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at < 0) at = xml.search(/<\/(?:\w+:)?styleSheet>/);
    return { xml: `${xml.slice(0, at)}<${collection} count="1">${element}</${collection}>${xml.slice(at)}`, index: 0 };
  }
  const child = collection === 'numFmts' ? 'numFmt' : collection === 'cellXfs' || collection === 'cellStyleXfs' ? 'xf' : collection.replace(/s$/, '');
  const body = m[3] ?? '';
  const n = (body.match(new RegExp(`<(?:\\w+:)?${child}\\b`, 'g')) ?? []).length;
  const p = m[1];
  const el = p ? element.replace(/<(\/?)(\w)/g, `<$1${p}$2`) : element;
  const attrs = /\bcount="/.test(m[2]) ? m[2].replace(/\bcount="\d+"/, `count="${n + 1}"`) : `${m[2]} count="${n + 1}"`;
  const replaced = `<${p}${collection}${attrs}>${body}${el}</${p}${collection}>`;
  return { xml: xml.slice(0, m.index) + replaced + xml.slice(m.index + m[0].length), index: n };
}

/**
 * Adds a cell format (as a user picking a fill colour, a number format, bold) and returns its
 * cellXfs index. `base` copies font/border/alignment from an existing xf.
 */
export async function addCellStyle(pkg: Pkg, opts: { fill?: string; numFmt?: string; bold?: boolean; italic?: boolean }): Promise<number> {
  const part = await stylesPart(pkg);
  let xml = await pkg.mustText(part);
  let numFmtId = 0;
  if (opts.numFmt) {
    const ids = [...xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    numFmtId = Math.max(163, ...ids) + 1;
    xml = appendCounted(xml, 'numFmts', `<numFmt numFmtId="${numFmtId}" formatCode="${escapeXml(opts.numFmt)}"/>`, ['fonts']).xml;
  }
  let fontId = 0;
  if (opts.bold || opts.italic) {
    const r = appendCounted(xml, 'fonts', `<font>${opts.bold ? '<b/>' : ''}${opts.italic ? '<i/>' : ''}<sz val="11"/><color rgb="FF7030A0"/><name val="Calibri"/><family val="2"/></font>`, ['fills']);
    xml = r.xml;
    fontId = r.index;
  }
  let fillId = 0;
  if (opts.fill) {
    const r = appendCounted(xml, 'fills', `<fill><patternFill patternType="solid"><fgColor rgb="FF${opts.fill}"/><bgColor indexed="64"/></patternFill></fill>`, ['borders']);
    xml = r.xml;
    fillId = r.index;
  }
  const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}`;
  const r = appendCounted(xml, 'cellXfs', `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}/>`, ['cellStyles']);
  pkg.set(part, r.xml);
  return r.index;
}

/** Legacy notes ("Anteckningar"): comments part, VML shapes, `<legacyDrawing>` in the sheet. */
export async function addNotes(pkg: Pkg, sheetName: string, notes: { cell: string; author: string; text: string }[]): Promise<void> {
  const sheet = await pkg.sheet(sheetName);
  const commentsPart = pkg.freePart('xl/comments#.xml');
  const vmlPart = pkg.freePart('xl/drawings/vmlDrawing#.vml');
  const authors = [...new Set(notes.map((n) => n.author))];
  const comments =
    `${XML_DECL}<comments xmlns="${NS.main}"><authors>${authors.map((a) => `<author>${escapeXml(a)}</author>`).join('')}</authors><commentList>` +
    notes
      .map(
        (n) =>
          `<comment ref="${n.cell}" authorId="${authors.indexOf(n.author)}"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>${escapeXml(n.author)}:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">\n${escapeXml(n.text)}</t></r></text></comment>`,
      )
      .join('') +
    `</commentList></comments>`;
  const shapes = notes
    .map((n, i) => {
      const { col, row } = parseRef(n.cell);
      return `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col}, 15, ${row - 1}, 2, ${col + 2}, 15, ${row + 3}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`;
    })
    .join('');
  const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes}</xml>`;
  pkg.set(commentsPart, comments);
  pkg.set(vmlPart, vml);
  await pkg.addRel(sheet.part, REL.comments, relativeTarget(sheet.part, commentsPart));
  const vmlId = await pkg.addRel(sheet.part, REL.vmlDrawing, relativeTarget(sheet.part, vmlPart));
  await pkg.addOverride(commentsPart, CT.comments);
  await pkg.addDefault('vml', CT.vml);
  let xml = await pkg.mustText(sheet.part);
  xml = ensureRelNamespace(xml);
  xml = insertWorksheetElement(xml, 'legacyDrawing', `<legacyDrawing r:id="${vmlId}"/>`);
  pkg.set(sheet.part, xml);
}

function ensureRelNamespace(xml: string): string {
  if (/xmlns:r="/.test(xml)) return xml;
  return xml.replace(/<((?:\w+:)?)worksheet\b/, `<$1worksheet xmlns:r="${NS.rel}"`);
}

/** Hyperlinks: external (with a relationship) or to a place in the workbook. Cells must hold text already. */
export async function addHyperlinks(pkg: Pkg, sheetName: string, links: { cell: string; url?: string; location?: string; display?: string }[]): Promise<void> {
  const sheet = await pkg.sheet(sheetName);
  const elements: string[] = [];
  for (const l of links) {
    const display = l.display ? ` display="${escapeXml(l.display)}"` : '';
    if (l.url) {
      const id = await pkg.addRel(sheet.part, REL.hyperlink, l.url, true);
      elements.push(`<hyperlink ref="${l.cell}" r:id="${id}"${display}/>`);
    } else {
      elements.push(`<hyperlink ref="${l.cell}" location="${escapeXml(l.location ?? 'A1')}"${display}/>`);
    }
  }
  let xml = ensureRelNamespace(await pkg.mustText(sheet.part));
  if (/<(?:\w+:)?hyperlinks>/.test(xml)) xml = xml.replace(/<\/((?:\w+:)?)hyperlinks>/, `${elements.join('')}</$1hyperlinks>`);
  else xml = insertWorksheetElement(xml, 'hyperlinks', `<hyperlinks>${elements.join('')}</hyperlinks>`);
  pkg.set(sheet.part, xml);
}

/** Adds `<mergeCell>`s. */
export function addMerges(xml: string, ranges: string[]): string {
  const els = ranges.map((r) => `<mergeCell ref="${r}"/>`).join('');
  if (/<(?:\w+:)?mergeCells\b/.test(xml)) {
    return xml.replace(/<((?:\w+:)?)mergeCells\b[^>]*>([\s\S]*?)<\/(?:\w+:)?mergeCells>/, (_m, p: string, body: string) => {
      const n = (body.match(/<(?:\w+:)?mergeCell\b/g) ?? []).length + ranges.length;
      return `<${p}mergeCells count="${n}">${body}${els}</${p}mergeCells>`;
    });
  }
  return insertWorksheetElement(xml, 'mergeCells', `<mergeCells count="${ranges.length}">${els}</mergeCells>`);
}

export function addDataValidation(xml: string, sqref: string, list: string[]): string {
  const el = `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}"><formula1>"${escapeXml(list.join(','))}"</formula1></dataValidation>`;
  if (/<(?:\w+:)?dataValidations\b/.test(xml)) {
    return xml.replace(/<((?:\w+:)?)dataValidations\b[^>]*>([\s\S]*?)<\/(?:\w+:)?dataValidations>/, (_m, p: string, body: string) => {
      const n = (body.match(/<(?:\w+:)?dataValidation\b/g) ?? []).length + 1;
      return `<${p}dataValidations count="${n}">${body}${el}</${p}dataValidations>`;
    });
  }
  return insertWorksheetElement(xml, 'dataValidations', `<dataValidations count="1">${el}</dataValidations>`);
}

/** A user's own conditional format (highlight a cell when it says "Klar"); needs a dxf. */
export async function addUserConditionalFormat(pkg: Pkg, sheetName: string, sqref: string, formula: string): Promise<void> {
  const part = await stylesPart(pkg);
  const styles = await pkg.mustText(part);
  const r = appendCounted(styles, 'dxfs', `<dxf><font><b/><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf>`, ['tableStyles', 'colors', 'extLst']);
  pkg.set(part, r.xml);
  const sheet = await pkg.sheet(sheetName);
  let xml = await pkg.mustText(sheet.part);
  const priorities = [...xml.matchAll(/\bpriority="(\d+)"/g)].map((m) => Number(m[1]));
  const priority = Math.max(0, ...priorities) + 1;
  xml = insertWorksheetElement(
    xml,
    'conditionalFormatting',
    `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${r.index}" priority="${priority}"><formula>${escapeXml(formula)}</formula></cfRule></conditionalFormatting>`,
  );
  pkg.set(sheet.part, xml);
}

/** A new worksheet at the end (or at `position`), as Excel's "Infoga blad". Returns its part. */
export async function addSheet(pkg: Pkg, name: string, sheetXml: string, position?: number): Promise<string> {
  const wb = await pkg.workbookPart();
  const part = pkg.freePart('xl/worksheets/sheet#.xml');
  pkg.set(part, sheetXml);
  const rid = await pkg.addRel(wb, REL.worksheet, relativeTarget(wb, part));
  await pkg.addOverride(part, CT.worksheet);
  let xml = await pkg.mustText(wb);
  const ids = [...xml.matchAll(/\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const el = `<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${rid}"/>`;
  if (position === undefined) xml = xml.replace(/<\/((?:\w+:)?)sheets>/, `${el}</$1sheets>`);
  else {
    let i = 0;
    xml = xml.replace(/<(?:\w+:)?sheet\b[^>]*\/>/g, (m) => (i++ === position ? el + m : m));
  }
  pkg.set(wb, xml);
  return part;
}

/** A plain sheet with the given rows of values (strings inline, numbers as numbers). */
export function simpleSheetXml(rows: (string | number | null)[][], extra = ''): string {
  const body = rows
    .map((cells, r) => {
      const cs = cells
        .map((v, c) => {
          const a1 = `${colName(c + 1)}${r + 1}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${a1}"><v>${v}</v></c>`;
          if (v.startsWith('=')) return `<c r="${a1}"><f>${escapeXml(v.slice(1))}</f></c>`;
          return `<c r="${a1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  return `${XML_DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetData>${body}</sheetData>${extra}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** A clustered column chart of `values` by `categories` (both "'Sheet'!$A$2:$A$5"), as Excel writes one. */
export function chartXml(title: string, categories: string, values: string, cats: string[], vals: number[]): string {
  const strCache = `<c:strCache><c:ptCount val="${cats.length}"/>${cats.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(c)}</c:v></c:pt>`).join('')}</c:strCache>`;
  const numCache = `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${vals.length}"/>${vals.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numCache>`;
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(title)}</c:v></c:tx><c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>${escapeXml(categories)}</c:f>${strCache}</c:strRef></c:cat><c:val><c:numRef><c:f>${escapeXml(values)}</c:f>${numCache}</c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A 4×4 PNG, enough to be a picture. */
export const TINY_PNG = makePng();

function makePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(4, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc(4 * (1 + 4 * 3));
  for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) raw.set(x < 2 ? [31, 78, 121] : [255, 192, 0], y * 13 + 1 + x * 3);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function anchor(from: { col: number; row: number }, to: { col: number; row: number }, inner: string): string {
  return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;
}

/**
 * Puts a chart and/or a picture on a sheet. When the sheet already has a drawing (e.g. a result
 * sheet with the product's charts) the objects are added to it, as Excel does; else a new drawing.
 */
export async function addDrawingObjects(
  pkg: Pkg,
  sheetName: string,
  objects: { chart?: { title: string; categories: string; values: string; cats: string[]; vals: number[] }; picture?: boolean; at: { col: number; row: number } }[],
): Promise<{ drawingPart: string; chartParts: string[]; imageParts: string[] }> {
  const sheet = await pkg.sheet(sheetName);
  const rels = await pkg.rels(sheet.part);
  let drawingPart = rels.find((r) => r.type === REL.drawing)?.part;
  let drawing: string;
  const fresh = !drawingPart;
  if (!drawingPart) {
    drawingPart = pkg.freePart('xl/drawings/drawing#.xml');
    drawing = `${XML_DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>`;
  } else {
    drawing = await pkg.mustText(drawingPart);
  }
  const chartParts: string[] = [];
  const imageParts: string[] = [];
  let anchors = '';
  let id = 100;
  for (const o of objects) {
    const to = { col: o.at.col + 6, row: o.at.row + 14 };
    if (o.chart) {
      const part = pkg.freePart('xl/charts/chart#.xml');
      pkg.set(part, chartXml(o.chart.title, o.chart.categories, o.chart.values, o.chart.cats, o.chart.vals));
      await pkg.addOverride(part, CT.chart);
      const rid = await pkg.addRel(drawingPart, REL.chart, relativeTarget(drawingPart, part));
      chartParts.push(part);
      anchors += anchor(
        o.at,
        to,
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Diagram ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS.rel}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
      );
    }
    if (o.picture) {
      const part = pkg.freePart('xl/media/image#.png');
      pkg.set(part, TINY_PNG);
      await pkg.addDefault('png', CT.png);
      const rid = await pkg.addRel(drawingPart, REL.image, relativeTarget(drawingPart, part));
      imageParts.push(part);
      anchors += anchor(
        o.at,
        { col: o.at.col + 2, row: o.at.row + 4 },
        `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id + 1}" name="Bild ${id + 1}" descr="Logotyp"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${NS.rel}" r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1219200" cy="762000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`,
      );
    }
    id += 2;
  }
  drawing = drawing.replace(/<\/xdr:wsDr>/, `${anchors}</xdr:wsDr>`);
  pkg.set(drawingPart, drawing);
  if (fresh) {
    await pkg.addOverride(drawingPart, CT.drawing);
    const rid = await pkg.addRel(sheet.part, REL.drawing, relativeTarget(sheet.part, drawingPart));
    let xml = ensureRelNamespace(await pkg.mustText(sheet.part));
    xml = insertWorksheetElement(xml, 'drawing', `<drawing r:id="${rid}"/>`);
    pkg.set(sheet.part, xml);
  }
  void relsPathOf;
  return { drawingPart, chartParts, imageParts };
}

/** Workbook-level defined names, as the Name Manager writes them. */
export async function addDefinedNames(pkg: Pkg, names: { name: string; value: string; localSheetId?: number; hidden?: boolean }[]): Promise<void> {
  const wb = await pkg.workbookPart();
  let xml = await pkg.mustText(wb);
  const els = names
    .map((n) => `<definedName name="${escapeXml(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ''}${n.hidden ? ' hidden="1"' : ''}>${escapeXml(n.value)}</definedName>`)
    .join('');
  if (/<(?:\w+:)?definedNames>/.test(xml)) xml = xml.replace(/<\/((?:\w+:)?)definedNames>/, `${els}</$1definedNames>`);
  else xml = xml.replace(/(<\/(?:\w+:)?sheets>)/, `$1<definedNames>${els}</definedNames>`);
  pkg.set(wb, xml);
}

/** Edits one sheet through the SheetDoc model. */
export async function editSheet(pkg: Pkg, name: string, edit: (doc: SheetDoc) => void | Promise<void>): Promise<void> {
  const sheet = await pkg.sheet(name);
  const doc = new SheetDoc(await pkg.mustText(sheet.part), sheet.name);
  await edit(doc);
  pkg.set(sheet.part, doc.serialize());
}

/** Sets attributes on a `<sheet>` element (state="hidden"), or renames it. */
export async function editSheetEntry(pkg: Pkg, name: string, change: { state?: 'hidden' | 'veryHidden'; rename?: string }): Promise<void> {
  const wb = await pkg.workbookPart();
  const sheet = await pkg.sheet(name);
  let el = sheet.xml;
  if (change.rename) el = el.replace(/\bname="[^"]*"/, `name="${escapeXml(change.rename)}"`);
  if (change.state) el = el.replace(/\s*\/>$/, ` state="${change.state}"/>`);
  pkg.set(wb, (await pkg.mustText(wb)).replace(sheet.xml, el));
}

/** Moves sheet entries into the given order (names; the others keep their relative order after). */
export async function reorderSheets(pkg: Pkg, order: string[]): Promise<void> {
  const wb = await pkg.workbookPart();
  const xml = await pkg.mustText(wb);
  const sheets = await pkg.sheets();
  const first = order.map((n) => sheets.find((s) => s.name === n)!);
  const rest = sheets.filter((s) => !order.includes(s.name));
  const m = /<((?:\w+:)?)sheets>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(xml)!;
  const body = [...first, ...rest].map((s) => s.xml).join('');
  // The active tab and defined names' localSheetId are indexes: keep them valid and pointing at the same sheets.
  let out = xml.replace(m[0], `<${m[1]}sheets>${body}</${m[1]}sheets>`);
  const newIndex = (old: number) => [...first, ...rest].findIndex((s) => s.index === old);
  out = out.replace(/\blocalSheetId="(\d+)"/g, (_x, n: string) => `localSheetId="${newIndex(Number(n))}"`);
  out = out.replace(/\bactiveTab="(\d+)"/, (_x, n: string) => `activeTab="${newIndex(Number(n))}"`);
  pkg.set(wb, out);
}
