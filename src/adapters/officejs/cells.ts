/**
 * Cell-level conversions between the plan and what Office.js reads and writes: date serials,
 * date number formats, text that Excel would otherwise parse, colours, and API requirement checks.
 */
import type { CellInput, Scalar } from '../../workbook/plan/types';

export const DATE_FORMAT = 'yyyy-mm-dd';
const DAY_MS = 86_400_000;

/** Excel's serial day number (1900 date system) for 'YYYY-MM-DD'. */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const time = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(time).toISOString().slice(0, 10) !== iso) throw new Error(`"${iso}" is not a YYYY-MM-DD date`);
  const serial = (time - Date.UTC(1899, 11, 30)) / DAY_MS;
  // Excel counts the non-existent 1900-02-29 (serial 60): dates before it are one lower.
  if (serial < 61) {
    if (serial < 2) throw new Error(`${iso} is before Excel's first date (1900-01-01)`);
    return serial - 1;
  }
  return serial;
}

/** Days from 1900-01-01 (serial 1 in the 1900 system, counting Excel's 1900-02-29) to 1904-01-01 (serial 0 in the 1904 system). */
const DATE_1904_OFFSET = 1462;

/** 'YYYY-MM-DD' for a serial (the time of day is dropped), in the workbook's 1900 or 1904 date system. */
export function serialToIso(serial: number, date1904 = false): string {
  const day = Math.floor(serial) + (date1904 ? DATE_1904_OFFSET : 0);
  const base = day < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether a number format shows a date: the first section uses d or y, or m without h or s
 * (then it is months, not minutes). Quoted text, escapes and [$-…]/[Red] brackets are ignored;
 * elapsed-time brackets such as [h] are kept.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || /^(general|@)$/i.test(format.trim())) return false;
  const code = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0];
  return /[dy]/i.test(code) || (/m/i.test(code) && !/[hs]/i.test(code));
}

/**
 * Office.js takes written strings as if typed: "=…", "+…", "-…" become formulas, "1.2" a number,
 * "2024-01-05" a date. A leading apostrophe keeps such text as text (and is not part of the value).
 */
export function textInput(text: string): string {
  return /^[=+\-@'#]|^\s*[\d.,$€£%(]|^\s*(true|false)\s*$/i.test(text) ? `'${text}` : text;
}

/**
 * The value written for one plan cell. null leaves the cell exactly as it is ("Blank and null values
 * in Excel add-ins"): the plan's null (update mode: not ours; replace mode: the sheet was just
 * cleared) and the padding of ragged rows. '' clears the value and keeps the format.
 */
export function cellInput(input: CellInput | undefined): string | number | boolean | null {
  if (input === undefined || input === null) return null;
  if (input === '') return '';
  if (typeof input === 'string') return textInput(input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new Error(`${input} cannot be written to a cell`);
    return input;
  }
  if (typeof input === 'boolean') return input;
  if ('formula' in input) return input.formula.startsWith('=') ? input.formula : `=${input.formula}`;
  if ('link' in input) return textInput(input.text);
  return isoToSerial(input.date);
}

/** 9999-12-31, Excel's last date: a bigger number in a date cell stays a number (no "+057397-09"). */
const MAX_DATE_SERIAL = 2958465;

/** What a read cell means to the workbook layer: '' is empty, date-formatted numbers are dates. */
export function readCell(value: unknown, numberFormat: unknown, date1904 = false): Scalar {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return isDateFormat(numberFormat) && value >= 1 && value < MAX_DATE_SERIAL + 1 ? serialToIso(value, date1904) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** '#RRGGBB' from the plan's 'RRGGBB'. */
export function color(hex: string): string {
  const bare = hex.replace(/^#/, '');
  if (!/^[0-9A-Fa-f]{6}$/.test(bare)) throw new Error(`"${hex}" is not an RRGGBB colour`);
  return `#${bare.toUpperCase()}`;
}

interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/**
 * Whether the host supports an ExcelApi requirement set. A context may carry its own `requirements`
 * (the memory Excel does: outside Office, Office.context does not describe the workbook we write to);
 * otherwise Office.context.requirements; with neither, assume yes.
 */
export function supportsExcelApi(context: Excel.RequestContext, version: string): boolean {
  return supportsApi(context, 'ExcelApi', version, true);
}

/**
 * Whether the host supports a requirement set, e.g. ('ExcelApiOnline', '1.1'). Without any
 * requirements object, `otherwise` (yes for ExcelApi, which the manifest demands; no for extras).
 */
export function supportsApi(context: Excel.RequestContext | null, set: string, version: string, otherwise = false): boolean {
  const own = (context as unknown as { requirements?: Requirements } | null)?.requirements;
  const office = (globalThis as unknown as { Office?: { context?: { requirements?: Requirements } } }).Office;
  const requirements = own ?? office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== 'function') return otherwise;
  return requirements.isSetSupported(set, version);
}
