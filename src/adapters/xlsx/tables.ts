/**
 * Table parts (xl/tables/tableN.xml). Excel requires the column names to equal the header cells'
 * text and to be unique, and the table id to be unique in the workbook; it repairs the file otherwise.
 */
import { parseRange, rangeAddress } from '../../workbook/plan/address';
import type { Scalar, TableOp } from '../../workbook/plan/types';
import { XML_HEADER, element, escapeXml } from './xml';

export const DEFAULT_TABLE_STYLE = 'TableStyleMedium2';

/** The header texts of a table, checked as Excel checks them. */
export function tableColumnNames(op: TableOp, header: readonly (Scalar | undefined)[]): string[] {
  const seen = new Set<string>();
  return header.map((value, i) => {
    if (value === undefined || value === null || value === '') {
      throw new Error(`Table "${op.name}" on sheet "${op.sheet}": header cell ${i + 1} of ${op.range} is empty; write the header with a values op.`);
    }
    const name = String(value);
    if (seen.has(name.toLowerCase())) throw new Error(`Table "${op.name}" on sheet "${op.sheet}": header "${name}" appears twice; Excel needs unique column names.`);
    seen.add(name.toLowerCase());
    return name;
  });
}

export function tableXml(op: TableOp, id: number, columnNames: readonly string[]): string {
  const ref = rangeAddress(parseRange(op.range));
  const columns = columnNames.map((name, i) => element('tableColumn', { id: i + 1, name })).join('');
  return (
    `${XML_HEADER}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `id="${id}" name="${escapeXml(op.name)}" displayName="${escapeXml(op.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columnNames.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(op.style ?? DEFAULT_TABLE_STYLE)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    '</table>'
  );
}
