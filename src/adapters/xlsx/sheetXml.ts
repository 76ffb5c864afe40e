/**
 * The worksheet part (CT_Worksheet) for an owned sheet, written from scratch. Elements follow the
 * schema order; Excel "repairs" a sheet whose elements are out of order.
 */
import { absoluteRef, cellAddress, parseRange, rangeAddress } from '../../workbook/plan/address';
import type { CellInput } from '../../workbook/plan/types';
import { argb, type ResolvedStyle } from './styles';
import { dateSerial, keyColumn, keyRow, type SheetModel } from './sheetModels';
import { XML_HEADER, element, escapeCellText, escapeText } from './xml';

export interface SheetXmlContext {
  xfOf(style: ResolvedStyle): number;
  /** dxf index for each of model.conditionalFormats, in order. */
  readonly dxfIds: readonly number[];
  /** Relationship ids of external hyperlinks by cell key. */
  readonly hyperlinkRelIds: ReadonlyMap<number, string>;
  readonly drawingRelId?: string;
  readonly tableRelIds: readonly string[];
  readonly tabSelected: boolean;
  /** The workbook counts dates in the 1904 system. */
  readonly date1904?: boolean;
  /** The workbook's spelling of a sheet a formula names (Excel matches names case-insensitively). */
  sheetName?(name: string): string;
}

/** Hyperlinks that need a relationship (external targets); "#Sheet!A1" links stay in the sheet. */
export function externalLinks(model: SheetModel): { key: number; url: string }[] {
  const links: { key: number; url: string }[] = [];
  // forEach: no [key, value] pair per cell.
  model.cells.forEach((cell, key) => {
    const value = cell.value;
    if (value !== null && typeof value === 'object' && 'link' in value && !value.link.startsWith('#')) links.push({ key, url: value.link });
  });
  return links.sort((a, b) => a.key - b.key);
}

export function sheetXml(model: SheetModel, context: SheetXmlContext): string {
  const sheet = model.sheet;
  const keys = [...model.cells.keys()].sort((a, b) => a - b);
  const parts: string[] = [XML_HEADER];
  parts.push(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
  );

  const fit = sheet.fitToPage || sheet.fitToWidth;
  if (sheet.tabColor || fit) {
    parts.push(`<sheetPr>${sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : ''}${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`);
  }
  parts.push(`<dimension ref="${dimension(keys)}"/>`);
  parts.push(sheetViews(model, context.tabSelected));
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columnWidths?.length) {
    const cols = sheet.columnWidths.map((width, i) => {
      if (!(width >= 0 && width <= 255)) throw new Error(`Sheet "${model.name}": column width ${width} is outside 0–255`);
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    });
    parts.push(`<cols>${cols.join('')}</cols>`);
  }
  parts.push(sheetData(model, keys, context));
  // formatRows/insertHyperlinks "0" = allowed: answer rows can be made taller, evidence can be a link.
  if (sheet.protect) parts.push('<sheetProtection sheet="1" objects="1" scenarios="1" formatRows="0" insertHyperlinks="0"/>');
  if (model.merges.length) {
    parts.push(`<mergeCells count="${model.merges.length}">${model.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join('')}</mergeCells>`);
  }
  parts.push(conditionalFormatting(model, context.dxfIds));
  parts.push(dataValidations(model, context.sheetName ?? ((name) => name)));
  parts.push(hyperlinks(model, context.hyperlinkRelIds));
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (sheet.landscape || fit) {
    parts.push(
      element('pageSetup', {
        paperSize: 9, // A4
        orientation: sheet.landscape ? 'landscape' : undefined,
        fitToWidth: fit ? 1 : undefined,
        fitToHeight: sheet.fitToPage ? 1 : fit ? 0 : undefined,
      }),
    );
  }
  if (context.drawingRelId) parts.push(`<drawing r:id="${context.drawingRelId}"/>`);
  if (context.tableRelIds.length) {
    parts.push(`<tableParts count="${context.tableRelIds.length}">${context.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
  }
  parts.push('</worksheet>');
  return parts.join('');
}

function dimension(keys: readonly number[]): string {
  if (keys.length === 0) return 'A1';
  let left = Infinity;
  let right = 0;
  for (const key of keys) {
    left = Math.min(left, keyColumn(key));
    right = Math.max(right, keyColumn(key));
  }
  return rangeAddress({ top: keyRow(keys[0]), left, bottom: keyRow(keys[keys.length - 1]), right });
}

function sheetViews(model: SheetModel, tabSelected: boolean): string {
  const { freeze, showGridlines } = model.sheet;
  const rows = freeze?.rows ?? 0;
  const columns = freeze?.columns ?? 0;
  let pane = '';
  if (rows > 0 || columns > 0) {
    const activePane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
    const topLeft = cellAddress(rows + 1, columns + 1);
    pane =
      element('pane', { xSplit: columns || undefined, ySplit: rows || undefined, topLeftCell: topLeft, activePane, state: 'frozen' }) +
      element('selection', { pane: activePane, activeCell: topLeft, sqref: topLeft });
  }
  const attributes = element('sheetView', {
    tabSelected: tabSelected ? 1 : undefined,
    showGridLines: showGridlines === false ? 0 : undefined,
    workbookViewId: 0,
  });
  return `<sheetViews>${pane ? `${attributes.slice(0, -2)}>${pane}</sheetView>` : attributes}</sheetViews>`;
}

function sheetData(model: SheetModel, keys: readonly number[], context: SheetXmlContext): string {
  const out: string[] = ['<sheetData>'];
  const heightRows = [...model.rowHeights.keys()].sort((a, b) => a - b);
  let h = 0;
  let openRow = 0;
  const openRowTag = (row: number) => {
    const height = model.rowHeights.get(row);
    const custom = model.autoRows.has(row) ? '' : ' customHeight="1"';
    out.push(height !== undefined ? `<row r="${row}" ht="${height}"${custom}>` : `<row r="${row}">`);
    openRow = row;
  };
  // Rows with only a height still need a <row> element; emit them in order between cell rows.
  const flushHeightsBefore = (row: number) => {
    for (; h < heightRows.length && heightRows[h] < row; h++) {
      if (heightRows[h] !== openRow) {
        openRowTag(heightRows[h]);
        out.push('</row>');
      }
    }
  };
  for (const key of keys) {
    const row = keyRow(key);
    if (row !== openRow) {
      if (openRow) out.push('</row>');
      flushHeightsBefore(row);
      openRowTag(row);
    }
    const cell = model.cells.get(key)!;
    out.push(cellXml(cellAddress(row, keyColumn(key)), cell.value, context.xfOf(cell.style), '', context.date1904));
  }
  if (openRow) out.push('</row>');
  flushHeightsBefore(Infinity);
  out.push('</sheetData>');
  return out.join('');
}

/**
 * One <c> element. `prefix` is the SpreadsheetML prefix of the part it goes into ("x:" in a part
 * written with one; '' as Excel writes them).
 */
export function cellXml(ref: string, value: CellInput, xf: number, prefix = '', date1904 = false): string {
  const c = `${prefix}c`;
  const s = xf ? ` s="${xf}"` : '';
  if (value === null) return `<${c} r="${ref}"${s}/>`;
  switch (typeof value) {
    case 'string':
      return inlineString(ref, s, value, prefix);
    case 'number':
      return `<${c} r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${c}>`;
    case 'boolean':
      return `<${c} r="${ref}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${c}>`;
  }
  if ('date' in value) return `<${c} r="${ref}"${s}><${prefix}v>${dateSerial(value.date, date1904)}</${prefix}v></${c}>`;
  if ('link' in value) return inlineString(ref, s, value.text, prefix);
  const formula = `<${prefix}f>${escapeText(value.formula.replace(/^=/, ''))}</${prefix}f>`;
  const result = value.result;
  const v = (text: string) => `<${prefix}v>${text}</${prefix}v>`;
  if (result === undefined || result === null) return `<${c} r="${ref}"${s}>${formula}</${c}>`;
  if (typeof result === 'number') return `<${c} r="${ref}"${s}>${formula}${v(String(result))}</${c}>`;
  if (typeof result === 'boolean') return `<${c} r="${ref}"${s} t="b">${formula}${v(result ? '1' : '0')}</${c}>`;
  return `<${c} r="${ref}"${s} t="str">${formula}${v(escapeCellText(result))}</${c}>`;
}

function inlineString(ref: string, s: string, text: string, prefix: string): string {
  return `<${prefix}c r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${escapeCellText(text)}</${prefix}t></${prefix}is></${prefix}c>`;
}

function conditionalFormatting(model: SheetModel, dxfIds: readonly number[]): string {
  const count = model.conditionalFormats.length;
  // Later ops win where rules overlap, as everywhere in a plan: the last op gets priority 1.
  return model.conditionalFormats
    .map(
      (cf, i) =>
        `<conditionalFormatting sqref="${rangeAddress(parseRange(cf.range))}">` +
        `<cfRule type="expression" dxfId="${dxfIds[i]}" priority="${count - i}"><formula>${escapeText(cf.formula.replace(/^=/, ''))}</formula></cfRule>` +
        '</conditionalFormatting>',
    )
    .join('');
}

function dataValidations(model: SheetModel, sheetName: (name: string) => string): string {
  if (model.validations.length === 0) return '';
  const items = model.validations.map((v) => {
    // A source is a reference ('Mål'!$A$30:$A$49, absolute so every validated cell reads the same
    // cells); a list is a quoted string literal with '"' doubled.
    const formula = v.source ? absoluteRef(sheetName(v.source.sheet), v.source.range) : `"${v.list.map((item) => item.replace(/"/g, '""')).join(',')}"`;
    return element(
      'dataValidation',
      {
        type: 'list',
        // strict: stop; otherwise a warning the user may dismiss to keep another value.
        errorStyle: v.strict ? undefined : 'warning',
        allowBlank: 1,
        showInputMessage: v.prompt ? 1 : undefined,
        showErrorMessage: 1,
        prompt: v.prompt ? v.prompt.slice(0, 255) : undefined, // Excel's limit
        sqref: rangeAddress(parseRange(v.range)),
      },
      `<formula1>${escapeText(formula)}</formula1>`,
    );
  });
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

function hyperlinks(model: SheetModel, relIds: ReadonlyMap<number, string>): string {
  const links: string[] = [];
  for (const key of [...model.cells.keys()].sort((a, b) => a - b)) {
    const value = model.cells.get(key)!.value;
    if (value === null || typeof value !== 'object' || !('link' in value)) continue;
    const ref = cellAddress(keyRow(key), keyColumn(key));
    links.push(
      value.link.startsWith('#')
        ? element('hyperlink', { ref, location: value.link.slice(1), display: value.text })
        : element('hyperlink', { ref, 'r:id': relIds.get(key), display: value.text }),
    );
  }
  return links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '';
}
