/**
 * An in-memory Excel: the subset of the Excel JavaScript API that src/adapters/officejs uses, with
 * Office.js's batching rules, so tests and the task pane's browser preview run the real adapter code.
 *
 * - Proxies queue their writes, loads and method calls; `context.sync()` runs the queue in order
 *   (counted in `syncCount`). A write is visible in the workbook only after the next sync.
 * - Reading a property that was not loaded and synced throws PropertyNotLoaded, as Office.js does.
 * - `*OrNullObject` proxies report `isNullObject` after a sync; anything else done on a null object
 *   fails with ItemNotFound at the sync (we do not rely on null propagation of the real host).
 * - Setting a property that is not emulated throws (proxies are sealed), so a fake cannot silently
 *   accept a call the adapter depends on. Loading a property that is not emulated throws too.
 * - Protected sheets refuse changes, Excel's input rules apply to values ("=…", "-…" are formulas,
 *   numeric text becomes numbers, "'" keeps text), table names are unique, merges keep the top-left value.
 * Not emulated: calculation (formula cells read as ''), events, undo, styles beyond the cell formats used.
 */
import { type Box, cellAddress, rangeAddress } from '../../../workbook/plan/address';
import {
  type MemoryName,
  type MemoryShape,
  assertNameFree,
  isValidDefinedName,
  type BorderLine,
  type BorderSide,
  type CellFormat,
  type MemoryCell,
  type MemoryChart,
  type MemoryConditionalFormat,
  type MemorySeries,
  type MemorySheet,
  type MemoryTable,
  type MemoryValidation,
  MAX_COLUMNS,
  MAX_ROWS,
  MemoryExcelError,
  MemoryWorkbook,
  boxArea,
  cellKey,
  interpretInput,
  intersects,
  listSourceRange,
  normalizeColor,
  parseAddress,
} from './model';

type Ref<M> = () => M | null;
interface Prop<M> {
  get?: (m: M) => unknown;
  set?: (m: M, value: any) => void;
  /** ExcelApi requirement set, checked against the context's API version. */
  since?: string;
}
type Props<M> = Record<string, Prop<M>>;
type Navs<M> = Record<string, { since?: string; make: (ref: Ref<M>, context: MemoryRequestContext) => MemoryObject<any> }>;
type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

const isPrimitive = (x: unknown): boolean => x === null || typeof x !== 'object';

/** A copy, so the caller and the model never share an object. 2-D arrays of cells are the common case: copied row by row. */
function clone<T>(value: T): T {
  if (isPrimitive(value) || value === undefined) return value;
  if (Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every(isPrimitive))) return value.map((row: unknown[]) => row.slice()) as T;
  return JSON.parse(JSON.stringify(value)) as T;
}

function versionAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

function apiSupported(context: MemoryRequestContext, since: string): boolean {
  return since === 'online' ? context.requirements.isSetSupported('ExcelApiOnline', '1.1') : context.requirements.isSetSupported('ExcelApi', since);
}

function apiName(since: string): string {
  return since === 'online' ? 'ExcelApiOnline 1.1' : `ExcelApi ${since}`;
}

function notLoaded(type: string, prop: string): MemoryExcelError {
  return new MemoryExcelError(
    'PropertyNotLoaded',
    `The property '${prop}' of ${type} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function notEmulated(what: string): MemoryExcelError {
  return new MemoryExcelError('NotImplemented', `The memory Excel does not emulate ${what}.`);
}

function invalid(message: string): MemoryExcelError {
  return new MemoryExcelError('InvalidArgument', message);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) throw invalid(`${what} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`);
  return value as T;
}

/**
 * Base of every proxy. Properties are declared as data (get/set from the model) and defined on the
 * instance; the instance is sealed so that assigning an undeclared property throws.
 */
export class MemoryObject<M> {
  readonly context: MemoryRequestContext;
  protected readonly _type: string;
  protected readonly _ref: Ref<M>;
  private readonly _props: Props<M>;
  private readonly _navs: Navs<M>;
  private readonly _loaded = new Map<string, unknown>();
  private readonly _children = new Map<string, MemoryObject<unknown>>();
  private readonly _nullable: boolean;
  private _isNull: boolean | undefined;

  constructor(context: MemoryRequestContext, type: string, ref: Ref<M>, props: Props<M> = {}, navs: Navs<M> = {}, nullable = false) {
    this.context = context;
    this._type = type;
    this._ref = ref;
    this._props = props;
    this._navs = navs;
    this._nullable = nullable;
    this._isNull = undefined;
    for (const [name, spec] of Object.entries(props)) {
      Object.defineProperty(this, name, {
        enumerable: true,
        get: () => this._read(name),
        set: (value: unknown) => {
          if (!spec.set) throw new MemoryExcelError('InvalidArgument', `${type}.${name} is read-only.`);
          this._requireApi(spec.since, `${type}.${name}`);
          const copy = clone(value);
          this._queue((m) => spec.set!(m, copy));
        },
      });
    }
    for (const [name, nav] of Object.entries(navs)) {
      Object.defineProperty(this, name, {
        enumerable: true,
        get: () => {
          this._requireApi(nav.since, `${type}.${name}`);
          return this._child(name);
        },
      });
    }
    // Office.js fills isNullObject of *OrNullObject proxies at the next sync without a load. A proxy
    // made while a batch runs (a navigation reached through a load path) is settled by that load.
    if (nullable && !context._running) context._enqueue(() => this._settleNull());
    Object.seal(this);
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._isNull === undefined) throw notLoaded(this._type, 'isNullObject');
    return this._isNull;
  }

  /** Queues a load of scalar properties or paths ("items/name", "format/font/bold"). */
  load(what?: LoadArg): this {
    const paths = this._paths(what);
    this._checkPaths(paths);
    this.context._enqueue(() => this._loadNow(paths));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** The model object, or ItemNotFound (called while a batch runs). */
  _resolve(): M {
    const m = this._ref();
    if (m === null || m === undefined) throw new MemoryExcelError('ItemNotFound', `The requested ${this._type} doesn't exist.`);
    return m;
  }

  _loadNow(paths: string[] | null): void {
    // A null object loads nothing, and nothing below it: its properties read as undefined.
    let m: M;
    if (this._nullable) {
      const found = this._ref(); // resolved once: a used range's ref scans the sheet
      this._isNull = found === null || found === undefined;
      if (this._isNull) return;
      m = found as M;
    } else m = this._resolve();
    for (const path of paths ?? Object.keys(this._props).filter((p) => this._props[p].get)) {
      const [head, ...rest] = path.split('/');
      if (this._navs[head]) {
        this._child(head)._loadNow(rest.length ? [rest.join('/')] : null);
      } else {
        this._loaded.set(head, clone(this._props[head].get!(m)));
      }
    }
  }

  protected _settleNull(): boolean {
    this._isNull = this._ref() === null;
    return this._isNull;
  }

  protected _queue(action: (m: M) => void): void {
    this.context._enqueue(() => {
      // Any write may change what is used: reads after it scan the sheet again.
      this.context._usedMemo.clear();
      action(this._resolve());
    });
  }

  protected _read(prop: string): unknown {
    if (this._isNull === true) return undefined; // like Office.js: properties of null objects read as undefined
    if (!this._loaded.has(prop)) throw notLoaded(this._type, prop);
    return this._loaded.get(prop);
  }

  protected _setLoaded(prop: string, value: unknown): void {
    this._loaded.set(prop, value);
  }

  /** `since` is an ExcelApi version ("1.7") or "online" for ExcelApiOnline 1.1. */
  protected _requireApi(since: string | undefined, what: string): void {
    if (since && !apiSupported(this.context, since)) {
      this.context._enqueue(() => {
        throw new MemoryExcelError('ApiNotFound', `${what} needs ${apiName(since)}; this memory Excel has ExcelApi ${this.context.apiVersion}${this.context.online ? ' and ExcelApiOnline 1.1' : ''}.`);
      });
    }
  }

  protected _paths(what: LoadArg): string[] | null {
    if (what === undefined) return null;
    const text = typeof what === 'string' ? what : Array.isArray(what) ? what.join(',') : [what.select, what.expand].filter(Boolean).join(',');
    const paths = text
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    return paths.length ? paths : null;
  }

  _checkPaths(paths: string[] | null): void {
    for (const path of paths ?? []) {
      const [head, ...rest] = path.split('/');
      if (this._navs[head]) {
        this._requireApi(this._navs[head].since, `${this._type}.${head}`);
        this._child(head)._checkPaths(rest.length ? [rest.join('/')] : null);
      } else if (!this._props[head]?.get || rest.length) throw notEmulated(`loading ${this._type}.${path}`);
      else this._requireApi(this._props[head].since, `${this._type}.${head}`);
    }
  }

  private _child(name: string): MemoryObject<any> {
    let child = this._children.get(name);
    if (!child) {
      child = this._navs[name].make(() => this._ref(), this.context) as MemoryObject<unknown>;
      this._children.set(name, child);
    }
    return child;
  }
}

/** A collection proxy: `items` after load("items/…"), load("name") or load(). */
abstract class MemoryCollection<M, I> extends MemoryObject<M> {
  constructor(context: MemoryRequestContext, type: string, ref: Ref<M>) {
    super(context, type, ref);
  }

  protected abstract _itemsOf(m: M): readonly I[];
  protected abstract _itemProxy(item: I | null, m: M | null): MemoryObject<I>;

  get items(): MemoryObject<I>[] {
    return this._read('items') as MemoryObject<I>[];
  }

  get count(): number {
    return this._read('count') as number;
  }

  override _loadNow(paths: string[] | null): void {
    const m = this._resolve();
    const itemPaths: string[] = [];
    for (const path of paths ?? ['items']) {
      if (path === 'count') this._setLoaded('count', this._itemsOf(m).length);
      else if (path !== 'items') itemPaths.push(path.replace(/^items\//, ''));
    }
    if (paths && itemPaths.length === 0 && !paths.includes('items')) return;
    const items = this._itemsOf(m).map((it) => this._itemProxy(it, m));
    for (const item of items) item._loadNow(itemPaths.length ? itemPaths : null);
    this._setLoaded('items', items);
  }

  override _checkPaths(paths: string[] | null): void {
    const itemPaths = (paths ?? []).filter((p) => p !== 'items' && p !== 'count').map((p) => p.replace(/^items\//, ''));
    if (itemPaths.length) this._itemProxy(null, null)._checkPaths(itemPaths);
  }
}

// ---- ranges ------------------------------------------------------------------------------------

interface RangeModel {
  sheet: MemorySheet;
  box: Box;
}

function matrix<T>(box: Box, cell: (row: number, column: number) => T): T[][] {
  if (boxArea(box) > 5_000_000) throw new MemoryExcelError('ResponsePayloadSizeLimitExceeded', `Loading ${rangeAddress(box)} exceeds the payload limit.`);
  const rows: T[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: T[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(cell(r, c));
    rows.push(row);
  }
  return rows;
}

function peek(model: RangeModel, row: number, column: number): MemoryCell | undefined {
  return model.sheet.cells.get(cellKey(row, column));
}

/** Office.js returns a property of a multi-cell range when all cells agree, else null. */
function uniform<T>(model: RangeModel, pick: (cell: MemoryCell | undefined, row: number, column: number) => T): T | null {
  let first: T | undefined;
  let seen = false;
  const { box } = model;
  if (boxArea(box) > 5_000_000) throw notEmulated(`reading formats of ${rangeAddress(box)}`);
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const v = pick(peek(model, r, c), r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
    }
  }
  return first as T;
}

function checkMatrix(model: RangeModel, input: unknown, what: string): unknown[][] {
  const rows = model.box.bottom - model.box.top + 1;
  const columns = model.box.right - model.box.left + 1;
  if (!Array.isArray(input) || input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== columns)) {
    throw invalid(`The number of rows or columns in the ${what} array doesn't match the size of the range ${rangeAddress(model.box)} (${rows}×${columns}).`);
  }
  return input as unknown[][];
}

function writeInputs(model: RangeModel, input: unknown): void {
  const rows = checkMatrix(model, input, 'input');
  model.sheet.assertEditable('values', model.box);
  rows.forEach((row, i) =>
    row.forEach((value, j) => {
      const cell = model.sheet.cellAt(model.box.top + i, model.box.left + j);
      const parsed = interpretInput(value, cell.numberFormat);
      if (!parsed) return;
      cell.value = parsed.value;
      if (parsed.formula) cell.formula = parsed.formula;
      else delete cell.formula;
      if (parsed.numberFormat) cell.numberFormat = parsed.numberFormat;
    }),
  );
}

function rangeRef(sheetRef: Ref<MemorySheet>, address: string | undefined): Ref<RangeModel> {
  return () => {
    const sheet = sheetRef();
    if (!sheet) return null;
    if (address === undefined) return { sheet, box: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS } };
    const parsed = parseAddress(address);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
      throw invalid(`The address ${address} is not on sheet "${sheet.name}".`);
    }
    return { sheet, box: parsed.box };
  };
}

/** A Range argument (a proxy of this context) or an address relative to `sheet`. */
function rangeArgument(context: MemoryRequestContext, arg: unknown, sheet: MemorySheet | null, what: string): RangeModel {
  if (arg instanceof MemoryRange) {
    if (arg.context !== context) throw new MemoryExcelError('InvalidObjectPath', `${what}: the Range belongs to another request context.`);
    return arg._resolve();
  }
  if (typeof arg === 'string') {
    const parsed = parseAddress(arg);
    const target = parsed.sheet !== undefined ? context._model.findSheet(parsed.sheet) : sheet;
    if (!target) throw new MemoryExcelError('ItemNotFound', `${what}: no sheet for ${arg}.`);
    return { sheet: target, box: parsed.box };
  }
  throw invalid(`${what} needs a Range or an address.`);
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;

function formatProp<K extends keyof CellFormat>(key: K, check: (v: unknown) => CellFormat[K], since?: string, allow = 'allowFormatCells'): Prop<RangeModel> {
  return {
    since,
    get: (m) => uniform(m, (cell) => cell?.format[key] ?? DEFAULTS[key] ?? null),
    set: (m, value) => {
      const v = check(value);
      m.sheet.assertEditable('formats', m.box, allow);
      m.sheet.forEachCell(m.box, (cell) => {
        cell.format[key] = v;
      });
    },
  };
}

const DEFAULTS: Partial<Record<keyof CellFormat, unknown>> = {
  bold: false,
  italic: false,
  underline: 'None',
  fontSize: 11,
  fontName: 'Calibri',
  fontColor: '#000000',
  fill: '#FFFFFF',
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  indentLevel: 0,
  locked: true,
};

const bool = (v: unknown): boolean => {
  if (typeof v !== 'boolean') throw invalid(`Expected a boolean, got ${JSON.stringify(v)}.`);
  return v;
};
const num = (min: number, max: number) => (v: unknown): number => {
  if (typeof v !== 'number' || !(v >= min && v <= max)) throw invalid(`Expected a number ${min}–${max}, got ${JSON.stringify(v)}.`);
  return v;
};

const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'] as const;
type BorderIndex = (typeof BORDER_INDEX)[number];

/** The cell sides one border index of a range touches. */
function borderSides(box: Box, index: BorderIndex, visit: (row: number, column: number, side: BorderSide) => void): void {
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      if (index === 'EdgeTop' && r === box.top) visit(r, c, 'top');
      if (index === 'EdgeBottom' && r === box.bottom) visit(r, c, 'bottom');
      if (index === 'EdgeLeft' && c === box.left) visit(r, c, 'left');
      if (index === 'EdgeRight' && c === box.right) visit(r, c, 'right');
      if (index === 'InsideHorizontal' && r < box.bottom) visit(r, c, 'bottom');
      if (index === 'InsideHorizontal' && r > box.top) visit(r, c, 'top');
      if (index === 'InsideVertical' && c < box.right) visit(r, c, 'right');
      if (index === 'InsideVertical' && c > box.left) visit(r, c, 'left');
    }
  }
}

function borderProp(index: BorderIndex, key: keyof BorderLine, check: (v: unknown) => string): Prop<RangeModel> {
  return {
    get: (m) => {
      const seen = new Set<string>();
      borderSides(m.box, index, (r, c, side) => seen.add(peek(m, r, c)?.format.borders[side]?.[key] ?? (key === 'style' ? 'None' : key === 'weight' ? 'Thin' : '#000000')));
      return seen.size === 1 ? [...seen][0] : null;
    },
    set: (m, value) => {
      const v = check(value);
      m.sheet.assertEditable('formats', m.box, 'allowFormatCells');
      if (boxArea(m.box) > 2_000_000) throw notEmulated(`borders on ${rangeAddress(m.box)}`);
      borderSides(m.box, index, (r, c, side) => {
        const borders = m.sheet.cellAt(r, c).format.borders;
        const line = (borders[side] ??= { style: 'Continuous', weight: 'Thin', color: '#000000' });
        line[key] = v;
        if (line.style === 'None') delete borders[side];
      });
    },
  };
}

class MemoryRangeBorders extends MemoryObject<RangeModel> {
  constructor(context: MemoryRequestContext, ref: Ref<RangeModel>) {
    super(context, 'RangeBorderCollection', ref);
  }

  getItem(index: string): MemoryObject<RangeModel> {
    const i = oneOf(index, BORDER_INDEX, 'Border index');
    return new MemoryObject(this.context, 'RangeBorder', this._ref, {
      style: borderProp(i, 'style', (v) => oneOf(v, ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'], 'Border style')),
      weight: borderProp(i, 'weight', (v) => oneOf(v, ['Hairline', 'Thin', 'Medium', 'Thick'], 'Border weight')),
      color: borderProp(i, 'color', normalizeColor),
    });
  }
}

class MemoryFill extends MemoryObject<RangeModel> {
  constructor(context: MemoryRequestContext, ref: Ref<RangeModel>) {
    super(context, 'RangeFill', ref, { color: formatProp('fill', normalizeColor) });
  }

  clear(): void {
    this._queue((m) => {
      m.sheet.assertEditable('formats', m.box, 'allowFormatCells');
      for (const key of m.sheet.existingKeys(m.box)) delete m.sheet.cells.get(key)!.format.fill;
    });
  }
}

function rangeFormat(context: MemoryRequestContext, ref: Ref<RangeModel>): MemoryObject<RangeModel> {
  const columns = (m: RangeModel) => Array.from({ length: Math.min(m.box.right, MAX_COLUMNS) - m.box.left + 1 }, (_, i) => m.box.left + i);
  const rows = (m: RangeModel) => Array.from({ length: m.box.bottom - m.box.top + 1 }, (_, i) => m.box.top + i);
  return new MemoryObject<RangeModel>(
    context,
    'RangeFormat',
    ref,
    {
      horizontalAlignment: formatProp('horizontalAlignment', (v) => oneOf(v, H_ALIGN, 'horizontalAlignment')),
      verticalAlignment: formatProp('verticalAlignment', (v) => oneOf(v, V_ALIGN, 'verticalAlignment')),
      wrapText: formatProp('wrapText', bool),
      indentLevel: formatProp('indentLevel', num(0, 250), '1.9'),
      columnWidth: {
        get: (m) => {
          const widths = new Set(columns(m).map((c) => m.sheet.columnWidth(c)));
          return widths.size === 1 ? [...widths][0] : null;
        },
        set: (m, value) => {
          const w = num(0, 1790)(value);
          m.sheet.assertEditable('column widths', undefined, 'allowFormatColumns');
          for (const c of columns(m)) m.sheet.columnWidths.set(c, w);
        },
      },
      rowHeight: {
        get: (m) => {
          if (m.box.bottom - m.box.top > 100_000) throw notEmulated('reading row heights of whole columns');
          const heights = new Set(rows(m).map((r) => m.sheet.rowHeight(r)));
          return heights.size === 1 ? [...heights][0] : null;
        },
        set: (m, value) => {
          const h = num(0, 409)(value);
          m.sheet.assertEditable('row heights', undefined, 'allowFormatRows');
          if (m.box.bottom - m.box.top > 100_000) throw notEmulated('setting the height of every row');
          for (const r of rows(m)) m.sheet.rowHeights.set(r, h);
        },
      },
      useStandardWidth: {
        since: '1.7',
        get: (m) => columns(m).every((c) => !m.sheet.columnWidths.has(c)),
        set: (m, value) => {
          if (value !== true) return; // Office.js: only meant to be set to true
          m.sheet.assertEditable('column widths', undefined, 'allowFormatColumns');
          for (const c of [...m.sheet.columnWidths.keys()]) if (c >= m.box.left && c <= m.box.right) m.sheet.columnWidths.delete(c);
        },
      },
      useStandardHeight: {
        since: '1.7',
        get: (m) => [...m.sheet.rowHeights.keys()].every((r) => r < m.box.top || r > m.box.bottom),
        set: (m, value) => {
          if (value !== true) return;
          m.sheet.assertEditable('row heights', undefined, 'allowFormatRows');
          for (const r of [...m.sheet.rowHeights.keys()]) if (r >= m.box.top && r <= m.box.bottom) m.sheet.rowHeights.delete(r);
        },
      },
    },
    {
      font: {
        make: (r, c) =>
          new MemoryObject(c, 'RangeFont', r, {
            bold: formatProp('bold', bool),
            italic: formatProp('italic', bool),
            size: formatProp('fontSize', num(1, 409)),
            name: formatProp('fontName', (v) => String(v)),
            color: formatProp('fontColor', normalizeColor),
            underline: formatProp('underline', (v) => oneOf(v, UNDERLINE, 'underline')),
          }),
      },
      fill: { make: (r, c) => new MemoryFill(c, r) },
      borders: { make: (r, c) => new MemoryRangeBorders(c, r) },
      protection: {
        since: '1.2',
        make: (r, c) =>
          new MemoryObject(c, 'FormatProtection', r, {
            // Locking is allowed while protected only through allowFormatCells, like in Excel.
            locked: formatProp('locked', bool),
          }),
      },
    },
  );
}

const LIST_LIMIT = 255;

function dataValidationProps(): Props<RangeModel> {
  const topLeft = (m: RangeModel) => m.sheet.validations.get(cellKey(m.box.top, m.box.left));
  const update = (m: RangeModel, change: (v: MemoryValidation) => void) => {
    m.sheet.assertEditable('data validation', m.box);
    if (boxArea(m.box) > 2_000_000) throw notEmulated(`data validation on ${rangeAddress(m.box)}`);
    for (let r = m.box.top; r <= m.box.bottom; r++) {
      for (let c = m.box.left; c <= m.box.right; c++) {
        const key = cellKey(r, c);
        const v = { ...(m.sheet.validations.get(key) ?? { rule: {}, ignoreBlanks: true }) };
        change(v);
        m.sheet.validations.set(key, v);
      }
    }
  };
  return {
    rule: {
      get: (m) => topLeft(m)?.rule ?? {},
      set: (m, rule: Record<string, unknown>) => {
        const kinds = Object.keys(rule ?? {});
        if (kinds.length !== 1) throw invalid('A data validation rule has exactly one of list, custom, wholeNumber, decimal, date, time, textLength.');
        const list = rule.list as { inCellDropDown?: boolean; source?: unknown } | undefined;
        if (list) {
          if (typeof list.source !== 'string' || list.source === '') throw invalid('list.source must be a non-empty string (a Range object is not emulated).');
          if (list.source.length > LIST_LIMIT) throw invalid(`A list source holds at most ${LIST_LIMIT} characters.`);
          // "=…" is a reference to the cells that hold the values: checked like Excel does, kept as set.
          listSourceRange(list.source, m.sheet);
        }
        const existing = new Set<string>();
        for (let r = m.box.top; r <= m.box.bottom && boxArea(m.box) <= 2_000_000; r++) {
          for (let c = m.box.left; c <= m.box.right; c++) {
            const v = m.sheet.validations.get(cellKey(r, c));
            if (v) existing.add(JSON.stringify(v.rule));
          }
        }
        if (existing.size > 1) throw new MemoryExcelError('InvalidOperation', 'The range has different validation rules; clear() it first.');
        update(m, (v) => (v.rule = rule));
      },
    },
    errorAlert: {
      get: (m) => topLeft(m)?.errorAlert ?? null,
      set: (m, alert: MemoryValidation['errorAlert']) => {
        if (!alert) throw invalid('errorAlert needs an object.');
        oneOf(alert.style, ['Stop', 'Warning', 'Information'], 'errorAlert.style');
        update(m, (v) => (v.errorAlert = alert));
      },
    },
    prompt: {
      get: (m) => topLeft(m)?.prompt ?? null,
      set: (m, prompt: MemoryValidation['prompt']) => {
        // Excel's limits: a longer prompt makes the whole rule invalid.
        if (!prompt || (prompt.message ?? '').length > 255 || (prompt.title ?? '').length > 32) throw invalid('A prompt has a title of at most 32 and a message of at most 255 characters.');
        update(m, (v) => (v.prompt = prompt));
      },
    },
    ignoreBlanks: {
      get: (m) => topLeft(m)?.ignoreBlanks ?? true,
      set: (m, value) => update(m, (v) => (v.ignoreBlanks = bool(value))),
    },
  };
}

class MemoryDataValidation extends MemoryObject<RangeModel> {
  constructor(context: MemoryRequestContext, ref: Ref<RangeModel>) {
    super(context, 'DataValidation', ref, dataValidationProps());
  }

  clear(): void {
    this._queue(({ sheet, box }) => {
      sheet.assertEditable('data validation', box);
      for (const key of [...sheet.validations.keys()]) {
        const r = Math.floor(key / MAX_COLUMNS) + 1;
        const c = (key % MAX_COLUMNS) + 1;
        if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) sheet.validations.delete(key);
      }
    });
  }
}

class MemoryConditionalFormats extends MemoryCollection<RangeModel, MemoryConditionalFormat> {
  constructor(context: MemoryRequestContext, ref: Ref<RangeModel>) {
    super(context, 'ConditionalFormatCollection', ref);
  }

  protected _itemsOf(m: RangeModel): readonly MemoryConditionalFormat[] {
    return m.sheet.conditionalFormats.filter((cf) => intersects(cf.box, m.box));
  }

  protected _itemProxy(cf: MemoryConditionalFormat | null, m: RangeModel | null): MemoryObject<MemoryConditionalFormat> {
    return conditionalFormat(this.context, () => (cf && m?.sheet.conditionalFormats.includes(cf) ? cf : null), m?.sheet ?? null);
  }

  add(type: string): MemoryObject<MemoryConditionalFormat> {
    const kind = oneOf(type, ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'], 'Conditional format type');
    let created: MemoryConditionalFormat | null = null;
    let sheet: MemorySheet | null = null;
    this._queue((m) => {
      m.sheet.assertEditable('conditional formats', m.box, 'allowFormatCells');
      created = { box: m.box, type: kind };
      sheet = m.sheet;
      m.sheet.conditionalFormats.unshift(created); // added at the top priority, as in Office.js
    });
    return conditionalFormat(this.context, () => created, () => sheet);
  }

  clearAll(): void {
    this._queue((m) => {
      m.sheet.assertEditable('conditional formats', m.box, 'allowFormatCells');
      // Approximation: formats that only partly overlap the range are removed whole.
      m.sheet.conditionalFormats = m.sheet.conditionalFormats.filter((cf) => !intersects(cf.box, m.box));
    });
  }
}

/** The sheet of a proxy whose model does not know it (proxies are sealed, so no own fields). */
const sheetOfProxy = new WeakMap<object, Ref<MemorySheet>>();

class MemoryConditionalFormatProxy extends MemoryObject<MemoryConditionalFormat> {
  constructor(context: MemoryRequestContext, ref: Ref<MemoryConditionalFormat>, sheet: Ref<MemorySheet>, props: Props<MemoryConditionalFormat>, navs: Navs<MemoryConditionalFormat>) {
    super(context, 'ConditionalFormat', ref, props, navs);
    sheetOfProxy.set(this, sheet);
  }

  delete(): void {
    this._queue((cf) => {
      const sheet = sheetOfProxy.get(this)!();
      if (!sheet) throw new MemoryExcelError('ItemNotFound', 'The conditional format does not exist.');
      sheet.assertEditable('conditional formats', cf.box, 'allowFormatCells');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((other) => other !== cf);
    });
  }
}

function conditionalFormat(context: MemoryRequestContext, ref: Ref<MemoryConditionalFormat>, sheet: MemorySheet | null | Ref<MemorySheet>): MemoryConditionalFormatProxy {
  const custom = (m: MemoryConditionalFormat) => {
    if (m.type !== 'Custom') throw new MemoryExcelError('InvalidOperation', `A ${m.type} conditional format has no custom rule.`);
    return m;
  };
  const cfProp = (key: 'formula' | 'fill' | 'fontColor', check: (v: unknown) => string): Prop<MemoryConditionalFormat> => ({
    get: (m) => custom(m)[key] ?? null,
    set: (m, value) => {
      custom(m)[key] = check(value);
    },
  });
  const customRule = (r: Ref<MemoryConditionalFormat>, c: MemoryRequestContext, nullable: boolean) =>
    new MemoryObject(
      c,
      'CustomConditionalFormat',
      nullable ? () => (r()?.type === 'Custom' ? r() : null) : r,
      {},
      {
        rule: {
          make: (r2, c2) =>
            new MemoryObject(c2, 'ConditionalFormatRule', r2, {
              formula: cfProp('formula', (v) => {
                if (typeof v !== 'string' || !v.startsWith('=')) throw invalid(`A conditional format formula starts with "=": ${JSON.stringify(v)}`);
                return v;
              }),
            }),
        },
      },
      nullable,
    );
  return new MemoryConditionalFormatProxy(
    context,
    ref,
    typeof sheet === 'function' ? sheet : () => sheet,
    { type: { get: (m) => m.type } },
    {
      customOrNullObject: { since: '1.6', make: (r, c) => customRule(r, c, true) },
      custom: {
        make: (r, c) =>
          new MemoryObject(
            c,
            'CustomConditionalFormat',
            r,
            {},
            {
              rule: {
                make: (r2, c2) =>
                  new MemoryObject(c2, 'ConditionalFormatRule', r2, {
                    formula: cfProp('formula', (v) => {
                      if (typeof v !== 'string' || !v.startsWith('=')) throw invalid(`A conditional format formula starts with "=": ${JSON.stringify(v)}`);
                      return v;
                    }),
                  }),
              },
              format: {
                make: (r2, c2) =>
                  new MemoryObject(
                    c2,
                    'ConditionalRangeFormat',
                    r2,
                    {},
                    {
                      fill: { make: (r3, c3) => new MemoryObject(c3, 'ConditionalRangeFill', r3, { color: cfProp('fill', normalizeColor) }) },
                      font: { make: (r3, c3) => new MemoryObject(c3, 'ConditionalRangeFont', r3, { color: cfProp('fontColor', normalizeColor) }) },
                    },
                  ),
              },
            },
          ),
      },
    },
  );
}

export class MemoryRange extends MemoryObject<RangeModel> {
  constructor(context: MemoryRequestContext, ref: Ref<RangeModel>, nullable = false) {
    super(
      context,
      'Range',
      ref,
      {
        address: { get: (m) => `${quoteSheet(m.sheet.name)}!${rangeAddress(m.box)}` },
        rowIndex: { get: (m) => m.box.top - 1 },
        columnIndex: { get: (m) => m.box.left - 1 },
        rowCount: { get: (m) => m.box.bottom - m.box.top + 1 },
        columnCount: { get: (m) => m.box.right - m.box.left + 1 },
        values: {
          get: (m) => matrix(m.box, (r, c) => peek(m, r, c)?.value ?? ''),
          set: writeInputs,
        },
        formulas: {
          get: (m) => matrix(m.box, (r, c) => peek(m, r, c)?.formula ?? peek(m, r, c)?.value ?? ''),
          set: writeInputs,
        },
        numberFormat: {
          get: (m) => matrix(m.box, (r, c) => peek(m, r, c)?.numberFormat ?? 'General'),
          set: (m, input) => {
            const rows = checkMatrix(m, input, 'numberFormat');
            m.sheet.assertEditable('number formats', m.box, 'allowFormatCells');
            rows.forEach((row, i) =>
              row.forEach((format, j) => {
                if (format === null || format === undefined) return;
                if (typeof format !== 'string') throw invalid(`A number format is a string, not ${JSON.stringify(format)}.`);
                m.sheet.cellAt(m.box.top + i, m.box.left + j).numberFormat = format;
              }),
            );
          },
        },
        hyperlink: {
          since: '1.7',
          get: (m) => peek(m, m.box.top, m.box.left)?.hyperlink ?? null,
          set: (m, link: MemoryCell['hyperlink']) => {
            if (!link || (!link.address && !link.textToDisplay)) throw invalid('A hyperlink needs an address.');
            m.sheet.assertEditable('hyperlinks', m.box, 'allowInsertHyperlinks');
            m.sheet.forEachCell(m.box, (cell) => {
              cell.hyperlink = { ...link };
              const shown = link.textToDisplay ?? link.address ?? null;
              if (shown !== null) {
                cell.value = shown;
                delete cell.formula;
              }
            });
          },
        },
      },
      {
        format: { make: (r, c) => rangeFormat(c, r) },
        dataValidation: { since: '1.8', make: (r, c) => new MemoryDataValidation(c, r) },
        conditionalFormats: { since: '1.6', make: (r, c) => new MemoryConditionalFormats(c, r) },
        worksheet: { make: (r, c) => new MemoryWorksheet(c, () => r()?.sheet ?? null) },
      },
      nullable,
    );
  }

  clear(applyTo: string = 'All'): void {
    const what = oneOf(applyTo, ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'], 'clear applyTo');
    this._queue(({ sheet, box }) => {
      sheet.assertEditable('cells', box);
      const keys = sheet.existingKeys(box);
      const formats = what === 'All' || what === 'Formats';
      for (const key of keys) {
        const cell = sheet.cells.get(key)!;
        if (what === 'All') sheet.cells.delete(key);
        if (what === 'Contents' || what === 'ResetContents') {
          cell.value = null;
          delete cell.formula;
        }
        if (what === 'Formats') {
          cell.format = { locked: true, borders: {} };
          cell.numberFormat = 'General';
        }
        if (what === 'Hyperlinks' || what === 'RemoveHyperlinks') delete cell.hyperlink;
      }
      if (formats) {
        sheet.merges = sheet.merges.filter((m) => !intersects(m, box));
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.box, box));
      }
    });
  }

  merge(across = false): void {
    this._queue(({ sheet, box }) => {
      sheet.assertEditable('merges', box);
      if (sheet.tables.some((t) => intersects(t.box, box))) throw new MemoryExcelError('InvalidOperation', 'Cells in a table cannot be merged.');
      const areas = across ? Array.from({ length: box.bottom - box.top + 1 }, (_, i) => ({ ...box, top: box.top + i, bottom: box.top + i })) : [box];
      for (const area of areas) {
        if (boxArea(area) === 1) continue;
        sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
        sheet.merges.push(area);
        // Excel keeps only the upper-left value of a merged area.
        for (const key of sheet.existingKeys(area)) {
          if (key === cellKey(area.top, area.left)) continue;
          const cell = sheet.cells.get(key)!;
          cell.value = null;
          delete cell.formula;
        }
      }
    });
  }

  unmerge(): void {
    this._queue(({ sheet, box }) => {
      sheet.assertEditable('merges', box);
      sheet.merges = sheet.merges.filter((m) => !intersects(m, box));
    });
  }

  select(): void {
    this._queue(({ sheet, box }) => {
      if (sheet.workbook.activeSheet !== sheet) throw new MemoryExcelError('InvalidSelection', `Cannot select ${rangeAddress(box)}: sheet "${sheet.name}" is not active.`);
      sheet.workbook.selection = { sheet, box };
    });
  }

  /** The used part of this range (ExcelApi 1.4): a null object when nothing in it is used. */
  getUsedRangeOrNullObject(valuesOnly = false): MemoryRange {
    const parent = this._ref;
    return new MemoryRange(
      this.context,
      () => {
        const m = parent();
        if (!m) throw new MemoryExcelError('ItemNotFound', 'getUsedRangeOrNullObject was called on a range that does not exist.');
        const box = this.context._usedBox(m.sheet, valuesOnly, m.box);
        return box ? { sheet: m.sheet, box } : null;
      },
      true,
    );
  }

  /** 0-based, relative to the range, like Office.js. */
  getCell(row: number, column: number): MemoryRange {
    const parent = this._ref;
    return new MemoryRange(this.context, () => {
      const m = parent();
      if (!m) return null;
      return { sheet: m.sheet, box: { top: m.box.top + row, left: m.box.left + column, bottom: m.box.top + row, right: m.box.left + column } };
    });
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---- charts ------------------------------------------------------------------------------------

const CHART_TYPES = [
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100',
  'Line', 'LineMarkers', 'LineStacked', 'Pie', 'Doughnut', 'Area', 'AreaStacked', 'XYScatter', 'Radar', 'RadarMarkers', 'RadarFilled',
] as const; // prettier-ignore

function seriesFromSource(sheet: MemorySheet, box: Box, byRows: boolean): MemorySeries[] {
  // Excel makes no series from blank cells (Excel.ErrorCodes.EmptyChartSeries): the chart is empty.
  if (isBlank(sheet, box)) return [];
  const isText = (r: number, c: number) => typeof sheet.cells.get(cellKey(r, c))?.value === 'string';
  const lines = byRows ? box.bottom - box.top + 1 : box.right - box.left + 1;
  let firstIsCategories = false;
  if (lines > 1) {
    for (let i = byRows ? box.left : box.top; i <= (byRows ? box.right : box.bottom); i++) {
      if (byRows ? isText(box.top, i) : isText(i, box.left)) firstIsCategories = true;
    }
  }
  const line = (i: number): Box => (byRows ? { ...box, top: box.top + i, bottom: box.top + i } : { ...box, left: box.left + i, right: box.left + i });
  const categories = firstIsCategories ? { sheet, box: line(0) } : null;
  const series: MemorySeries[] = [];
  for (let i = firstIsCategories ? 1 : 0; i < lines; i++) series.push({ name: `Series${series.length + 1}`, values: { sheet, box: line(i) }, categories });
  return series;
}

function isBlank(sheet: MemorySheet, box: Box): boolean {
  return sheet.existingKeys(box).every((key) => {
    const cell = sheet.cells.get(key)!;
    return (cell.value === null || cell.value === '') && cell.formula === undefined;
  });
}

function axis(context: MemoryRequestContext, ref: Ref<MemoryChart>, which: 'valueAxis' | 'categoryAxis'): MemoryObject<MemoryChart> {
  const scale = (key: 'minimum' | 'maximum' | 'majorUnit'): Prop<MemoryChart> => ({
    get: (m) => m[which][key] ?? null,
    set: (m, value) => {
      if (which !== 'valueAxis') throw new MemoryExcelError('InvalidOperation', `The category axis has no ${key}.`);
      m[which][key] = num(-1e300, 1e300)(value);
    },
  });
  return new MemoryObject<MemoryChart>(
    context,
    'ChartAxis',
    ref,
    { minimum: scale('minimum'), maximum: scale('maximum'), majorUnit: scale('majorUnit') },
    {
      title: {
        make: (r, c) =>
          new MemoryObject<MemoryChart>(c, 'ChartAxisTitle', r, {
            text: { get: (m) => m[which].title.text, set: (m, v) => (m[which].title = { text: String(v), visible: true }) },
            visible: { get: (m) => m[which].title.visible, set: (m, v) => (m[which].title.visible = bool(v)) },
          }),
      },
    },
  );
}

class MemorySeriesFill extends MemoryObject<MemorySeries> {
  constructor(context: MemoryRequestContext, ref: Ref<MemorySeries>) {
    super(context, 'ChartFill', ref);
  }

  setSolidColor(color: string): void {
    const c = normalizeColor(color);
    this._queue((s) => (s.color = c));
  }

  clear(): void {
    this._queue((s) => delete s.color);
  }
}

class MemoryChartSeries extends MemoryObject<MemorySeries> {
  constructor(context: MemoryRequestContext, ref: Ref<MemorySeries>) {
    super(
      context,
      'ChartSeries',
      ref,
      { name: { get: (s) => s.name, set: (s, v) => (s.name = String(v)) } },
      {
        format: {
          make: (r, c) =>
            new MemoryObject(c, 'ChartSeriesFormat', r, {}, {
              fill: { make: (r2, c2) => new MemorySeriesFill(c2, r2) },
              // A line series is coloured by its line (ChartLineFormat.color), not by a fill.
              line: { make: (r2, c2) => new MemoryObject<MemorySeries>(c2, 'ChartLineFormat', r2, { color: { get: (s) => s.color ?? null, set: (s, v) => (s.color = normalizeColor(v)) } }) },
            }),
        },
      },
    );
  }

  setValues(source: unknown): void {
    this._requireApi('1.7', 'ChartSeries.setValues');
    this._queue((s) => (s.values = rangeArgument(this.context, source, null, 'setValues')));
  }

  setXAxisValues(source: unknown): void {
    this._requireApi('1.7', 'ChartSeries.setXAxisValues');
    this._queue((s) => (s.categories = rangeArgument(this.context, source, null, 'setXAxisValues')));
  }
}

class MemorySeriesCollection extends MemoryCollection<MemoryChart, MemorySeries> {
  constructor(context: MemoryRequestContext, ref: Ref<MemoryChart>) {
    super(context, 'ChartSeriesCollection', ref);
  }

  protected _itemsOf(chart: MemoryChart): readonly MemorySeries[] {
    return chart.series;
  }

  protected _itemProxy(s: MemorySeries | null, chart: MemoryChart | null): MemoryObject<MemorySeries> {
    return new MemoryChartSeries(this.context, () => (s && chart?.series.includes(s) ? s : null));
  }

  getItemAt(index: number): MemoryChartSeries {
    return new MemoryChartSeries(this.context, () => {
      const chart = this._ref();
      if (chart && chart.series.length === 0) throw new MemoryExcelError('EmptyChartSeries', `Chart "${chart.name}" has no series: its source cells were blank.`);
      return chart?.series[index] ?? null;
    });
  }

  add(name?: string, index?: number): MemoryChartSeries {
    this._requireApi('1.7', 'ChartSeriesCollection.add');
    let created: MemorySeries | null = null;
    this._queue((chart) => {
      created = { name: name ?? `Series${chart.series.length + 1}`, values: null, categories: null };
      chart.series.splice(index ?? chart.series.length, 0, created);
    });
    return new MemoryChartSeries(this.context, () => created);
  }
}

class MemoryChartProxy extends MemoryObject<MemoryChart> {
  constructor(context: MemoryRequestContext, ref: Ref<MemoryChart>) {
    super(
      context,
      'Chart',
      ref,
      {
        name: { get: (c) => c.name, set: (c, v) => (c.name = String(v)) },
        chartType: { get: (c) => c.type, set: (c, v) => (c.type = oneOf(v, CHART_TYPES, 'chartType')) },
      },
      {
        title: {
          make: (r, c) =>
            new MemoryObject<MemoryChart>(c, 'ChartTitle', r, {
              text: { get: (m) => m.title.text, set: (m, v) => (m.title = { text: String(v), visible: true }) },
              visible: { get: (m) => m.title.visible, set: (m, v) => (m.title.visible = bool(v)) },
            }),
        },
        legend: {
          make: (r, c) =>
            new MemoryObject<MemoryChart>(c, 'ChartLegend', r, {
              visible: { get: (m) => m.legend.visible, set: (m, v) => (m.legend.visible = bool(v)) },
              position: { get: (m) => m.legend.position, set: (m, v) => (m.legend.position = oneOf(v, ['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom', 'Invalid'], 'legend position')) },
            }),
        },
        axes: {
          make: (r, c) =>
            new MemoryObject<MemoryChart>(c, 'ChartAxes', r, {}, {
              valueAxis: { make: (r2, c2) => axis(c2, r2, 'valueAxis') },
              categoryAxis: { make: (r2, c2) => axis(c2, r2, 'categoryAxis') },
            }),
        },
        series: { make: (r, c) => new MemorySeriesCollection(c, r) },
      },
    );
  }

  setPosition(startCell: unknown, endCell?: unknown): void {
    this._queue((chart) => {
      const start = rangeArgument(this.context, startCell, chart.sheet, 'setPosition');
      const end = endCell === undefined ? undefined : rangeArgument(this.context, endCell, chart.sheet, 'setPosition');
      chart.position = { from: cellAddress(start.box.top, start.box.left), ...(end ? { to: cellAddress(end.box.bottom, end.box.right) } : {}) };
    });
  }

  delete(): void {
    this._queue((chart) => {
      chart.sheet.assertEditable('charts', undefined, 'allowEditObjects');
      chart.sheet.charts = chart.sheet.charts.filter((c) => c !== chart);
    });
  }
}

class MemoryCharts extends MemoryCollection<MemorySheet, MemoryChart> {
  constructor(context: MemoryRequestContext, ref: Ref<MemorySheet>) {
    super(context, 'ChartCollection', ref);
  }

  protected _itemsOf(sheet: MemorySheet): readonly MemoryChart[] {
    return sheet.charts;
  }

  protected _itemProxy(chart: MemoryChart | null, sheet: MemorySheet | null): MemoryObject<MemoryChart> {
    return new MemoryChartProxy(this.context, () => (chart && sheet?.charts.includes(chart) ? chart : null));
  }

  add(type: string, sourceData: unknown, seriesBy: string = 'Auto'): MemoryChartProxy {
    const chartType = oneOf(type, CHART_TYPES, 'Chart type');
    const by = oneOf(seriesBy, ['Auto', 'Columns', 'Rows'], 'seriesBy');
    let created: MemoryChart | null = null;
    this._queue((sheet) => {
      sheet.assertEditable('charts', undefined, 'allowEditObjects');
      const source = rangeArgument(this.context, sourceData, sheet, 'charts.add');
      const rows = source.box.bottom - source.box.top + 1;
      const columns = source.box.right - source.box.left + 1;
      const byRows = by === 'Rows' || (by === 'Auto' && columns > rows);
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      created = {
        name: `Chart ${n}`,
        type: chartType,
        sheet,
        title: { text: '', visible: false },
        position: { from: 'A1' },
        series: seriesFromSource(source.sheet, source.box, byRows),
        valueAxis: { title: { text: '', visible: false } },
        categoryAxis: { title: { text: '', visible: false } },
        legend: { visible: true, position: 'Right' },
      };
      sheet.charts.push(created);
    });
    return new MemoryChartProxy(this.context, () => created);
  }

  getItem(name: string): MemoryChartProxy {
    return new MemoryChartProxy(this.context, () => this._ref()?.charts.find((c) => c.name === name) ?? null);
  }
}

// ---- tables ------------------------------------------------------------------------------------

const TABLE_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

function checkTableName(workbook: MemoryWorkbook, name: unknown, self?: MemoryTable): string {
  // Table names follow the defined-name rules (they share the namespace).
  if (!isValidDefinedName(name)) {
    throw invalid(`"${String(name)}" is not a valid table name.`);
  }
  const other = workbook.findTable(name);
  if (other && other !== self) throw new MemoryExcelError('ItemAlreadyExists', `A table named "${name}" already exists.`);
  // Table names and defined names share one namespace (of any scope: the stricter reading).
  const lower = name.toLowerCase();
  if ([...workbook.names, ...workbook.sheets.flatMap((s) => s.names)].some((n) => n.name.toLowerCase() === lower)) {
    throw new MemoryExcelError('ItemAlreadyExists', `A defined name "${name}" already exists.`);
  }
  return name;
}

class MemoryTableProxy extends MemoryObject<MemoryTable> {
  constructor(context: MemoryRequestContext, ref: Ref<MemoryTable>) {
    super(context, 'Table', ref, {
      name: { get: (t) => t.name, set: (t, v) => (t.name = checkTableName(t.sheet.workbook, v, t)) },
      style: {
        get: (t) => t.style,
        set: (t, v) => {
          if (typeof v !== 'string' || (v !== '' && !TABLE_STYLE.test(v))) throw invalid(`"${String(v)}" is not a built-in table style.`);
          t.sheet.assertEditable('tables', undefined, 'allowFormatCells');
          t.style = v;
        },
      },
      showHeaders: { get: (t) => t.showHeaders },
    }, {
      worksheet: { make: (r, c) => new MemoryWorksheet(c, () => r()?.sheet ?? null) },
    });
  }

  getRange(): MemoryRange {
    return new MemoryRange(this.context, () => {
      const t = this._ref();
      return t ? { sheet: t.sheet, box: t.box } : null;
    });
  }

  /** Removes the table and its cells, as deleting a table in Excel does. */
  delete(): void {
    this._queue((t) => {
      t.sheet.assertEditable('tables', t.box);
      const tables = t.sheet.workbook.tables;
      tables.splice(tables.indexOf(t), 1);
      for (const key of t.sheet.existingKeys(t.box)) t.sheet.cells.delete(key);
    });
  }

  convertToRange(): MemoryRange {
    const range = this.getRange();
    this._queue((t) => {
      const tables = t.sheet.workbook.tables;
      tables.splice(tables.indexOf(t), 1);
    });
    return range;
  }
}

/** Every table of the workbook (Workbook.tables): names and the sheets they are on. */
class MemoryWorkbookTables extends MemoryCollection<MemoryWorkbook, MemoryTable> {
  constructor(context: MemoryRequestContext, ref: Ref<MemoryWorkbook>) {
    super(context, 'TableCollection', ref);
  }

  protected _itemsOf(workbook: MemoryWorkbook): readonly MemoryTable[] {
    return workbook.tables;
  }

  protected _itemProxy(table: MemoryTable | null): MemoryObject<MemoryTable> {
    return new MemoryTableProxy(this.context, () => (table && table.sheet.workbook.tables.includes(table) ? table : null));
  }
}

class MemoryTables extends MemoryCollection<MemorySheet, MemoryTable> {
  constructor(context: MemoryRequestContext, ref: Ref<MemorySheet>) {
    super(context, 'TableCollection', ref);
  }

  protected _itemsOf(sheet: MemorySheet): readonly MemoryTable[] {
    return sheet.tables;
  }

  protected _itemProxy(table: MemoryTable | null): MemoryObject<MemoryTable> {
    return new MemoryTableProxy(this.context, () => (table && table.sheet.workbook.tables.includes(table) ? table : null));
  }

  add(address: unknown, hasHeaders: boolean): MemoryTableProxy {
    let created: MemoryTable | null = null;
    this._queue((sheet) => {
      const { sheet: target, box } = rangeArgument(this.context, address, sheet, 'tables.add');
      if (!hasHeaders) throw notEmulated('tables without a header row');
      target.assertEditable('tables', box);
      const workbook = target.workbook;
      if (workbook.tables.some((t) => t.sheet === target && intersects(t.box, box))) throw new MemoryExcelError('InvalidOperation', 'A table cannot overlap another table.');
      if (target.merges.some((m) => intersects(m, box))) throw new MemoryExcelError('InvalidOperation', 'A table cannot contain merged cells.');
      // Excel makes the header row text and names empty headers Column1, Column2, …
      for (let c = box.left; c <= box.right; c++) {
        const cell = target.cellAt(box.top, c);
        if (cell.value === null) cell.value = `Column${c - box.left + 1}`;
        else if (typeof cell.value !== 'string') cell.value = String(cell.value);
      }
      let n = workbook.tables.length + 1;
      while (workbook.findTable(`Table${n}`)) n++;
      created = { name: `Table${n}`, sheet: target, box, style: 'TableStyleMedium2', showHeaders: true };
      workbook.tables.push(created);
    });
    return new MemoryTableProxy(this.context, () => created);
  }

  getItem(name: string): MemoryTableProxy {
    return new MemoryTableProxy(this.context, () => this._ref()?.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
}

// ---- worksheets --------------------------------------------------------------------------------

const PROTECTION_OPTIONS = [
  'allowAutoFilter', 'allowDeleteColumns', 'allowDeleteRows', 'allowEditObjects', 'allowEditScenarios', 'allowFormatCells',
  'allowFormatColumns', 'allowFormatRows', 'allowInsertColumns', 'allowInsertHyperlinks', 'allowInsertRows', 'allowPivotTables',
  'allowSort', 'selectionMode',
] as const; // prettier-ignore

class MemoryProtection extends MemoryObject<MemorySheet> {
  constructor(context: MemoryRequestContext, ref: Ref<MemorySheet>) {
    super(context, 'WorksheetProtection', ref, {
      protected: { get: (s) => s.protection.protected },
      options: { get: (s) => s.protection.options },
      isPasswordProtected: { since: 'online', get: (s) => s.protection.protected && s.protection.password !== undefined },
    });
  }

  protect(options: Record<string, unknown> = {}, password?: string): void {
    for (const key of Object.keys(options)) oneOf(key, PROTECTION_OPTIONS, 'Protection option');
    this._queue((s) => {
      if (s.protection.protected) throw new MemoryExcelError('InvalidOperation', `Sheet "${s.name}" is already protected.`);
      s.protection = { protected: true, options: { ...options }, ...(password ? { password } : {}) };
    });
  }

  /** Without the password a password-protected sheet stays protected (Excel.ErrorCodes.BadPassword). */
  unprotect(password?: string): void {
    this._queue((s) => {
      if (s.protection.password !== undefined && s.protection.password !== password) {
        throw new MemoryExcelError('BadPassword', `The password to unprotect "${s.name}" is missing or wrong.`);
      }
      s.protection = { protected: false, options: {} };
    });
  }
}

/** Workbook structure protection (ExcelApi 1.7). */
class MemoryWorkbookProtection extends MemoryObject<MemoryWorkbook> {
  constructor(context: MemoryRequestContext, ref: Ref<MemoryWorkbook>) {
    super(context, 'WorkbookProtection', ref, { protected: { get: (w) => w.protection.protected } });
  }

  protect(password?: string): void {
    this._queue((w) => {
      if (w.protection.protected) throw new MemoryExcelError('InvalidOperation', 'The workbook is already protected.');
      w.protection = { protected: true, ...(password ? { password } : {}) };
    });
  }

  unprotect(password?: string): void {
    this._queue((w) => {
      if (w.protection.password !== undefined && w.protection.password !== password) throw new MemoryExcelError('BadPassword', 'The workbook password is missing or wrong.');
      w.protection = { protected: false };
    });
  }
}

/** Structure protection refuses adding, deleting and renaming sheets. */
function assertStructureEditable(workbook: MemoryWorkbook, what: string): void {
  if (workbook.protection.protected) throw new MemoryExcelError('AccessDenied', `The workbook structure is protected: cannot ${what}.`);
}

// ---- defined names -----------------------------------------------------------------------------

interface NamesModel {
  readonly workbook: MemoryWorkbook;
  /** null: workbook scope */
  readonly sheet: MemorySheet | null;
  readonly list: MemoryName[];
}

interface NamedItemModel {
  readonly item: MemoryName;
  readonly owner: NamesModel;
}

/** What NamedItem.value and .type report for a name's formula (constants; anything else as a reference). */
function nameValue(formula: string): { value: unknown; type: string } {
  const text = /^="((?:[^"]|"")*)"$/.exec(formula);
  if (text) return { value: text[1].replace(/""/g, '"'), type: 'String' };
  const number = /^=([+-]?\d+(?:\.\d+)?)$/.exec(formula);
  if (number) return { value: Number(number[1]), type: Number.isInteger(Number(number[1])) ? 'Integer' : 'Double' };
  if (/^=(TRUE|FALSE)$/i.test(formula)) return { value: /TRUE/i.test(formula), type: 'Boolean' };
  return { value: formula.slice(1), type: 'Range' };
}

class MemoryNamedItem extends MemoryObject<NamedItemModel> {
  constructor(context: MemoryRequestContext, ref: Ref<NamedItemModel>, nullable = false) {
    super(
      context,
      'NamedItem',
      ref,
      {
        name: { get: (m) => m.item.name },
        formula: { since: '1.7', get: (m) => m.item.formula },
        value: { get: (m) => nameValue(m.item.formula).value },
        type: { get: (m) => nameValue(m.item.formula).type },
        scope: { since: '1.4', get: (m) => (m.owner.sheet ? 'Worksheet' : 'Workbook') },
        comment: { since: '1.4', get: (m) => m.item.comment },
        visible: { get: (m) => m.item.visible, set: (m, v) => (m.item.visible = bool(v)) },
      },
      {},
      nullable,
    );
  }

  delete(): void {
    this._requireApi('1.4', 'NamedItem.delete');
    this._queue((m) => m.owner.list.splice(m.owner.list.indexOf(m.item), 1));
  }
}

/** Workbook.names (workbook scope) or Worksheet.names (that sheet's scope, ExcelApi 1.4). */
class MemoryNames extends MemoryCollection<NamesModel, MemoryName> {
  constructor(context: MemoryRequestContext, ref: Ref<NamesModel>) {
    super(context, 'NamedItemCollection', ref);
  }

  protected _itemsOf(m: NamesModel): readonly MemoryName[] {
    return m.list;
  }

  protected _itemProxy(item: MemoryName | null, m: NamesModel | null): MemoryObject<MemoryName> {
    // The item proxy's model pairs the name with its scope (to delete it); the collection lists names.
    return new MemoryNamedItem(this.context, () => (item && m && m.list.includes(item) ? { item, owner: m } : null)) as unknown as MemoryObject<MemoryName>;
  }

  add(name: string, reference: unknown, comment = ''): MemoryNamedItem {
    this._requireApi('1.4', 'NamedItemCollection.add');
    let created: NamedItemModel | null = null;
    this._queue((m) => {
      let formula: string;
      if (typeof reference === 'string') {
        if (!reference.startsWith('=')) throw invalid(`A name refers to a formula starting with "=" or to a Range, not ${JSON.stringify(reference)}.`);
        formula = reference;
      } else {
        const range = rangeArgument(this.context, reference, m.sheet, 'names.add');
        formula = `=${quoteSheet(range.sheet.name)}!${rangeAddress(range.box).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      }
      assertNameFree(m.workbook, name, m.list);
      const item: MemoryName = { name, formula, visible: true, comment };
      m.list.push(item);
      created = { item, owner: m };
    });
    return new MemoryNamedItem(this.context, () => created);
  }

  getItemOrNullObject(name: string): MemoryNamedItem {
    return new MemoryNamedItem(
      this.context,
      () => {
        const m = this._ref();
        const item = m?.list.find((n) => n.name.toLowerCase() === name.toLowerCase());
        return m && item ? { item, owner: m } : null;
      },
      true,
    );
  }
}

// ---- shapes (pictures, drawn shapes; ExcelApi 1.9) ---------------------------------------------

class MemoryShapes extends MemoryCollection<MemorySheet, MemoryShape> {
  constructor(context: MemoryRequestContext, ref: Ref<MemorySheet>) {
    super(context, 'ShapeCollection', ref);
  }

  protected _itemsOf(sheet: MemorySheet): readonly MemoryShape[] {
    return sheet.shapes;
  }

  protected _itemProxy(shape: MemoryShape | null, sheet: MemorySheet | null): MemoryObject<MemoryShape> {
    return new MemoryShapeProxy(this.context, () => (shape && sheet?.shapes.includes(shape) ? shape : null), sheet);
  }
}

class MemoryShapeProxy extends MemoryObject<MemoryShape> {
  constructor(context: MemoryRequestContext, ref: Ref<MemoryShape>, sheet: MemorySheet | null) {
    super(context, 'Shape', ref, { name: { get: (s) => s.name }, type: { get: (s) => s.type } });
    sheetOfProxy.set(this, () => sheet);
  }

  delete(): void {
    this._queue((shape) => {
      const sheet = sheetOfProxy.get(this)!()!;
      sheet.assertEditable('shapes', undefined, 'allowEditObjects');
      sheet.shapes.splice(sheet.shapes.indexOf(shape), 1);
    });
  }
}

class MemoryFreezePanes extends MemoryObject<MemorySheet> {
  constructor(context: MemoryRequestContext, ref: Ref<MemorySheet>) {
    super(context, 'WorksheetFreezePanes', ref);
  }

  freezeRows(count = 1): void {
    this._queue((s) => (s.freeze = { rows: num(0, MAX_ROWS)(count), columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this._queue((s) => (s.freeze = { rows: 0, columns: num(0, MAX_COLUMNS)(count) }));
  }

  /** The given range is the frozen top-left pane. */
  freezeAt(frozenRange: unknown): void {
    this._queue((s) => {
      const { box } = rangeArgument(this.context, frozenRange, s, 'freezeAt');
      s.freeze = { rows: box.bottom, columns: box.right };
    });
  }

  unfreeze(): void {
    this._queue((s) => (s.freeze = null));
  }
}

export class MemoryWorksheet extends MemoryObject<MemorySheet> {
  constructor(context: MemoryRequestContext, ref: Ref<MemorySheet>, nullable = false) {
    super(
      context,
      'Worksheet',
      ref,
      {
        name: {
          get: (s) => s.name,
          set: (s, v) => {
            if (String(v) === s.name) return;
            assertStructureEditable(s.workbook, `rename "${s.name}"`);
            const other = s.workbook.findSheet(String(v));
            if (other && other !== s) throw new MemoryExcelError('ItemAlreadyExists', `A sheet named "${String(v)}" already exists.`);
            s.name = String(v);
          },
        },
        position: { get: (s) => s.workbook.sheets.indexOf(s) },
        tabColor: { since: '1.7', get: (s) => s.tabColor, set: (s, v) => (s.tabColor = v === '' ? '' : normalizeColor(v)) },
        showGridlines: { since: '1.8', get: (s) => s.showGridlines, set: (s, v) => (s.showGridlines = bool(v)) },
      },
      {
        protection: { since: '1.2', make: (r, c) => new MemoryProtection(c, r) },
        freezePanes: { since: '1.7', make: (r, c) => new MemoryFreezePanes(c, r) },
        charts: { make: (r, c) => new MemoryCharts(c, r) },
        tables: { make: (r, c) => new MemoryTables(c, r) },
        shapes: { since: '1.9', make: (r, c) => new MemoryShapes(c, r) },
        names: {
          since: '1.4',
          make: (r, c) =>
            new MemoryNames(c, () => {
              const sheet = r();
              return sheet ? { workbook: sheet.workbook, sheet, list: sheet.names } : null;
            }),
        },
        pageLayout: {
          since: '1.9',
          make: (r, c) =>
            new MemoryObject<MemorySheet>(c, 'PageLayout', r, {
              orientation: { get: (s) => s.pageLayout.orientation, set: (s, v) => (s.pageLayout.orientation = oneOf(v, ['Portrait', 'Landscape'], 'orientation')) },
              zoom: {
                get: (s) => s.pageLayout.zoom,
                set: (s, zoom: Record<string, unknown>) => {
                  for (const key of Object.keys(zoom ?? {})) oneOf(key, ['scale', 'horizontalFitToPages', 'verticalFitToPages'], 'zoom option');
                  if (zoom.scale !== undefined && (zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined)) {
                    throw invalid('zoom takes either scale or fit-to-pages, not both.');
                  }
                  s.pageLayout.zoom = { ...zoom } as MemorySheet['pageLayout']['zoom'];
                },
              },
            }),
        },
      },
      nullable,
    );
  }

  getRange(address?: string): MemoryRange {
    return new MemoryRange(this.context, rangeRef(this._ref, address));
  }

  /** 0-based, like Office.js. */
  getCell(row: number, column: number): MemoryRange {
    return this.getRange(cellAddress(row + 1, column + 1));
  }

  getUsedRange(valuesOnly = false): MemoryRange {
    return new MemoryRange(this.context, () => {
      const sheet = this._ref();
      if (!sheet) return null;
      return { sheet, box: sheet.usedBox(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): MemoryRange {
    const sheetRef = this._ref;
    return new MemoryRange(
      this.context,
      () => {
        const sheet = sheetRef();
        // We do not count on the host propagating null objects: a missing sheet is an error.
        if (!sheet) throw new MemoryExcelError('ItemNotFound', 'getUsedRangeOrNullObject was called on a worksheet that does not exist.');
        const box = this.context._usedBox(sheet, valuesOnly);
        return box ? { sheet, box } : null;
      },
      true,
    );
  }

  activate(): void {
    this._queue((s) => {
      s.workbook.activeSheet = s;
      s.workbook.selection = { sheet: s, box: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  delete(): void {
    this._queue((s) => {
      assertStructureEditable(s.workbook, `delete "${s.name}"`);
      s.workbook.deleteSheet(s);
    });
  }
}

class MemoryWorksheets extends MemoryCollection<MemoryWorkbook, MemorySheet> {
  constructor(context: MemoryRequestContext, ref: Ref<MemoryWorkbook>) {
    super(context, 'WorksheetCollection', ref);
  }

  protected _itemsOf(wb: MemoryWorkbook): readonly MemorySheet[] {
    return wb.sheets;
  }

  protected _itemProxy(sheet: MemorySheet | null): MemoryObject<MemorySheet> {
    return new MemoryWorksheet(this.context, () => (sheet && sheet.workbook.sheets.includes(sheet) ? sheet : null));
  }

  getItem(name: string): MemoryWorksheet {
    return new MemoryWorksheet(this.context, () => this._ref()?.findSheet(name) ?? null);
  }

  getItemOrNullObject(name: string): MemoryWorksheet {
    return new MemoryWorksheet(this.context, () => this._ref()?.findSheet(name) ?? null, true);
  }

  getActiveWorksheet(): MemoryWorksheet {
    return new MemoryWorksheet(this.context, () => this._ref()?.activeSheet ?? null);
  }

  add(name?: string): MemoryWorksheet {
    let created: MemorySheet | null = null;
    this._queue((wb) => {
      assertStructureEditable(wb, `add a sheet "${name ?? ''}"`);
      created = wb.addSheet(name);
    });
    return new MemoryWorksheet(this.context, () => (created && created.workbook.sheets.includes(created) ? created : null));
  }
}

// ---- context and run ---------------------------------------------------------------------------

type MemoryWorkbookProxy = MemoryObject<MemoryWorkbook> & {
  worksheets: MemoryWorksheets;
  names: MemoryNames;
  tables: MemoryWorkbookTables;
  protection: MemoryWorkbookProtection;
};

/** Requirement sets a memory Excel claims: ExcelApi up to `apiVersion`, ExcelApiOnline 1.1 when `online`. */
export function memoryRequirements(apiVersion: string, online: boolean): { isSetSupported(name: string, minVersion?: string): boolean } {
  return {
    isSetSupported: (name, minVersion = '1.1') =>
      (name === 'ExcelApi' && versionAtLeast(apiVersion, minVersion)) || (name === 'ExcelApiOnline' && online && versionAtLeast('1.1', minVersion)),
  };
}

export class MemoryRequestContext {
  /** Round trips so far: every sync(), and the final flush of run(). */
  syncCount = 0;
  /** Number of queued actions each sync ran, for tests that look at batching. */
  readonly batchSizes: number[] = [];
  readonly apiVersion: string;
  readonly online: boolean;
  /** Stands in for Office.context.requirements, which does not exist outside Office. */
  readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  readonly workbook: MemoryWorkbookProxy;
  readonly _model: MemoryWorkbook;
  /** True while a sync runs its batch. */
  _running = false;
  /** Used ranges found since the last write: a nullable range is resolved twice (its null state, then its load). */
  readonly _usedMemo = new Map<string, Box | null>();
  private _queue: (() => void)[] = [];
  private _closed = false;
  private readonly _faults: FaultInjection;

  constructor(model: MemoryWorkbook, apiVersion: string, online = false, faults: FaultInjection = { actionsRun: 0 }) {
    this._model = model;
    this.apiVersion = apiVersion;
    this.online = online;
    this._faults = faults;
    this.requirements = memoryRequirements(apiVersion, online);
    this.workbook = new MemoryObject<MemoryWorkbook>(this, 'Workbook', () => model, {}, {
      worksheets: { make: (r, c) => new MemoryWorksheets(c, r) },
      tables: { make: (r, c) => new MemoryWorkbookTables(c, r) },
      names: {
        make: (r, c) =>
          new MemoryNames(c, () => {
            const wb = r();
            return wb ? { workbook: wb, sheet: null, list: wb.names } : null;
          }),
      },
      protection: { since: '1.7', make: (r, c) => new MemoryWorkbookProtection(c, r) },
    }) as MemoryWorkbookProxy;
  }

  get pendingActions(): number {
    return this._queue.length;
  }

  _usedBox(sheet: MemorySheet, valuesOnly: boolean, within?: Box): Box | null {
    const key = `${this._model.sheets.indexOf(sheet)}|${valuesOnly}|${within ? rangeAddress(within) : ''}`;
    if (!this._usedMemo.has(key)) this._usedMemo.set(key, sheet.usedBox(valuesOnly, within));
    return this._usedMemo.get(key)!;
  }

  _enqueue(action: () => void): void {
    if (this._closed) throw new MemoryExcelError('InvalidObjectPath', 'This request context was used after its run() finished.');
    this._queue.push(action);
  }

  /**
   * Runs the queued batch in order. On an error the rest of the batch is dropped and what ran
   * before it stays applied: Excel does not roll a batch back (OfficeExtension.Error.traceMessages).
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this._closed) throw new MemoryExcelError('InvalidObjectPath', 'This request context was used after its run() finished.');
    this.syncCount++;
    const batch = this._queue;
    this._queue = [];
    this.batchSizes.push(batch.length);
    await Promise.resolve(); // a round trip is never synchronous
    this._running = true;
    this._usedMemo.clear(); // the workbook may have changed between syncs (a test's fixtures)
    try {
      for (const action of batch) {
        this._faults.actionsRun++;
        if (this._faults.failAt === this._faults.actionsRun) {
          throw new MemoryExcelError('GeneralException', `Injected failure at action ${this._faults.actionsRun}.`);
        }
        action();
      }
    } finally {
      this._running = false;
    }
    return passThroughValue as T;
  }

  _close(): void {
    this._closed = true;
    this._queue = [];
  }
}

/** Fault injection for tests: the action numbered `failAt` (counted over all syncs, from 1) fails. */
export interface FaultInjection {
  actionsRun: number;
  failAt?: number;
}

export interface MemoryExcelOptions {
  /** Start from this workbook (default: an empty workbook with one sheet "Blad1"). */
  readonly workbook?: MemoryWorkbook;
  /** Highest ExcelApi requirement set to claim (default 1.9, the manifest's); newer APIs fail with ApiNotFound. */
  readonly apiVersion?: string;
  /** Also claim ExcelApiOnline 1.1 (Excel on the web), e.g. WorksheetProtection.isPasswordProtected. */
  readonly online?: boolean;
}

type RunOptions = { readonly delayForCellEdit?: boolean };

export class MemoryExcel {
  readonly workbook: MemoryWorkbook;
  readonly apiVersion: string;
  readonly online: boolean;
  /** Every context created by run() or createContext(), in order. */
  readonly contexts: MemoryRequestContext[] = [];
  /** Stands in for Office.context.requirements of the host. */
  readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  /** Set `failAt` to make that action (counted over every sync from now on) fail. */
  readonly faults: FaultInjection = { actionsRun: 0 };
  private _cellEdit: { waiting: (() => void)[] } | null = null;

  constructor(options: MemoryExcelOptions = {}) {
    this.workbook = options.workbook ?? new MemoryWorkbook();
    this.apiVersion = options.apiVersion ?? '1.9';
    this.online = options.online ?? false;
    this.requirements = memoryRequirements(this.apiVersion, this.online);
  }

  /** The user starts typing in a cell: batches fail with InvalidOperationInCellEditMode, or wait (delayForCellEdit). */
  enterCellEdit(): void {
    this._cellEdit ??= { waiting: [] };
  }

  /** The user presses Enter: batches that waited run. */
  exitCellEdit(): void {
    const waiting = this._cellEdit?.waiting ?? [];
    this._cellEdit = null;
    for (const resume of waiting) resume();
  }

  /** Like Excel.run, with or without RunOptions: a fresh context, the batch, then a flush of anything still queued. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  async run<T>(first: RunOptions | ((context: Excel.RequestContext) => Promise<T>), second?: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options: RunOptions = typeof first === 'function' ? {} : first;
    const batch = typeof first === 'function' ? first : second!;
    if (this._cellEdit) {
      // "Delay execution while cell is being edited": with delayForCellEdit (ExcelApi 1.11) the batch
      // waits until the user leaves the cell; without it, it fails.
      if (!(options.delayForCellEdit && this.requirements.isSetSupported('ExcelApi', '1.11'))) {
        throw new MemoryExcelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      await new Promise<void>((resume) => this._cellEdit!.waiting.push(resume));
    }
    const context = this.newContext();
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pendingActions > 0) await context.sync();
      return result;
    } finally {
      context._close();
    }
  }

  /** A context outside run(), for calling adapter functions directly in tests. */
  createContext(): Excel.RequestContext {
    return this.newContext() as unknown as Excel.RequestContext;
  }

  /** Round trips over all contexts. */
  get syncCount(): number {
    return this.contexts.reduce((n, c) => n + c.syncCount, 0);
  }

  private newContext(): MemoryRequestContext {
    const context = new MemoryRequestContext(this.workbook, this.apiVersion, this.online, this.faults);
    this.contexts.push(context);
    return context;
  }
}

/** The memory context behind an Excel.RequestContext made by a MemoryExcel (for sync counts). */
export function memoryContext(context: Excel.RequestContext): MemoryRequestContext {
  if (!(context instanceof MemoryRequestContext)) throw new Error('Not a memory Excel context.');
  return context;
}

export function createMemoryExcel(options?: MemoryExcelOptions): MemoryExcel {
  return new MemoryExcel(options);
}

export { MemoryWorkbook, MemoryExcelError };
