/**
 * Native bar, column and line charts: the chart part (DrawingML chart, c:chartSpace) and the drawing part
 * that anchors charts to a sheet. ExcelJS writes neither (TOOLCHAIN.md). Caches are written even
 * though LibreOffice recomputes them: Excel shows them until it recalculates.
 */
import { absoluteRef, parseCell, parseRange } from '../../workbook/plan/address';
import type { ChartOp, RangeRef, Scalar } from '../../workbook/plan/types';
import { argb } from './styles';
import { XML_HEADER, escapeText, escapeXml } from './xml';

/** Reads the final value of an owned cell from the plan (undefined when the plan writes none). */
export type CellLookup = (sheet: string, row: number, column: number) => Scalar | undefined;

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

// Line colours are explicit: without them they come from the theme, and a workbook this adapter
// creates has no theme part (LibreOffice then draws no gridlines or axis lines at all).
const line = (color: string | null) =>
  `<c:spPr><a:ln w="9525">${color ? `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>` : '<a:noFill/>'}</a:ln></c:spPr>`;

// Axis ids only need to be unique inside one chart part.
const CATEGORY_AXIS_ID = 500000001;
const VALUE_AXIS_ID = 500000002;

export function chartXml(op: ChartOp, lookup: CellLookup): string {
  const horizontal = op.type === 'bar';
  const lines = op.type === 'line';
  const series = op.series
    .map((s, i) => {
      const color = s.color ? argb(s.color).slice(2) : undefined;
      const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
      const data = `<c:cat>${stringReference(op.categories, lookup)}</c:cat><c:val>${numberReference(s.values, lookup)}</c:val>`;
      if (lines) {
        // CT_LineSer order: idx, order, tx, spPr, marker, …, cat, val, smooth.
        const stroke = color ? `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>` : '';
        const marker = `<c:marker><c:symbol val="circle"/><c:size val="7"/>${color ? `<c:spPr>${stroke}<a:ln w="9525">${stroke}</a:ln></c:spPr>` : ''}</c:marker>`;
        return `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${stroke}<a:round/></a:ln></c:spPr>${marker}${data}<c:smooth val="0"/></c:ser>`;
      }
      const fill = color ? `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>` : '';
      return `<c:ser>${head}${fill}<c:invertIfNegative val="0"/>${data}</c:ser>`;
    })
    .join('');
  const axis = op.axis ?? {};
  const scaling = (orientation: string, min?: number, max?: number) =>
    `<c:scaling><c:orientation val="${orientation}"/>${max !== undefined ? `<c:max val="${max}"/>` : ''}${min !== undefined ? `<c:min val="${min}"/>` : ''}</c:scaling>`;
  // Horizontal bars list the first category at the top (as in the table beside them): reverse the
  // category axis and let the value axis cross at its far end so it stays at the bottom.
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/>${scaling(horizontal ? 'maxMin' : 'minMax')}<c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${line('BFBFBF')}<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/>${scaling('minMax', axis.min, axis.max)}<c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines>${line('D9D9D9')}</c:majorGridlines>${axis.title ? title(axis.title, 1000) : ''}` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${line(null)}<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>` +
    `${axis.majorUnit !== undefined ? `<c:majorUnit val="${axis.majorUnit}"/>` : ''}</c:valAx>`;
  return (
    `${XML_HEADER}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    // Without roundedCorners=0 Excel draws the chart frame with rounded corners.
    '<c:roundedCorners val="0"/><c:chart>' +
    `${title(op.title, 1400)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    plot(op, series) +
    `${categoryAxis}${valueAxis}</c:plotArea>` +
    `${op.legend ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : ''}` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** The plot element: clustered bars or columns, or lines with markers (CT_LineChart: grouping, varyColors, ser*, marker, axId × 2). */
function plot(op: ChartOp, series: string): string {
  const axes = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  if (op.type === 'line') return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
  return (
    `<c:barChart><c:barDir val="${op.type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/>${axes}</c:barChart>`
  );
}

/** One drawing part holding every chart of a sheet; relIds[i] points at charts[i]'s part. */
export function drawingXml(charts: readonly ChartOp[], relIds: readonly string[]): string {
  const anchors = charts.map((op, i) => {
    const from = parseCell(op.anchor.from);
    const to = parseCell(op.anchor.to);
    // Markers are 0-based; the "to" marker sits at the far edge of the last covered cell.
    const marker = (tag: string, column: number, row: number) =>
      `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor>${marker('from', from.column - 1, from.row - 1)}${marker('to', to.column, to.row)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(op.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return `${XML_HEADER}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`;
}

function title(text: string, size: number): string {
  const bold = size >= 1400 ? ' b="1"' : ' b="0"';
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${bold}/></a:pPr>` +
    `<a:r><a:rPr lang="sv-SE" sz="${size}"${bold}/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function cellsOf(ref: RangeRef, lookup: CellLookup): (Scalar | undefined)[] {
  const box = parseRange(ref.range);
  const values: (Scalar | undefined)[] = [];
  for (let row = box.top; row <= box.bottom; row++) for (let column = box.left; column <= box.right; column++) values.push(lookup(ref.sheet, row, column));
  return values;
}

function stringReference(ref: RangeRef, lookup: CellLookup): string {
  const values = cellsOf(ref, lookup);
  const points = values
    .map((v, i) => (v === undefined || v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`))
    .join('');
  return `<c:strRef><c:f>${escapeText(absoluteRef(ref.sheet, ref.range))}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numberReference(ref: RangeRef, lookup: CellLookup): string {
  const values = cellsOf(ref, lookup);
  const points = values.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return (
    `<c:numRef><c:f>${escapeText(absoluteRef(ref.sheet, ref.range))}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`
  );
}
