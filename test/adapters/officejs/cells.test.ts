import { cellInput, color, isDateFormat, isoToSerial, readCell, serialToIso, supportsApi, supportsExcelApi, textInput } from '../../../src/adapters/officejs/cells';

describe('dates', () => {
  it('converts between YYYY-MM-DD and Excel serials, across the 1900 leap-year bug', () => {
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-02-28')).toBe(59);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('2024-03-15')).toBe(45366);
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '1999-12-31', '2024-02-29', '2030-07-01']) expect(serialToIso(isoToSerial(iso))).toBe(iso);
    expect(serialToIso(45366.75)).toBe('2024-03-15');
    expect(() => isoToSerial('2024-02-30')).toThrow('not a YYYY-MM-DD date');
  });

  it('reads serials of the 1904 date system four years and a day later', () => {
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(45366 - 1462, true)).toBe('2024-03-15');
  });

  it('tells date formats from others', () => {
    for (const f of ['yyyy-mm-dd', 'd/m/yyyy', 'mmm yy', '[$-41D]d mmmm yyyy', 'dd"."mm', 'yyyy-mm-dd hh:mm']) expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '@', '0', '0.00%', 'h:mm', '[h]:mm:ss', 'mm:ss', '"d"0', '[Red]0.0', undefined]) expect(isDateFormat(f)).toBe(false);
  });
});

describe('cell inputs', () => {
  it('keeps text that Excel would parse as text', () => {
    expect(textInput('1.1')).toBe("'1.1");
    expect(textInput('- punkt')).toBe("'- punkt");
    expect(textInput('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(textInput('2024-01-01')).toBe("'2024-01-01");
    expect(textInput('TRUE')).toBe("'TRUE");
    expect(textInput('Styrning')).toBe('Styrning');
  });

  it('maps plan cells to Office.js inputs: null leaves the cell alone, "" clears its value', () => {
    // "Blank and null values in Excel add-ins": null in a 2-D array keeps the cell, '' clears it.
    expect(cellInput(undefined)).toBeNull();
    expect(cellInput(null)).toBeNull();
    expect(cellInput('')).toBe('');
    expect(cellInput(3)).toBe(3);
    expect(cellInput(false)).toBe(false);
    expect(cellInput({ formula: 'A1+1' })).toBe('=A1+1');
    expect(cellInput({ formula: '=A1+1', result: 2 })).toBe('=A1+1');
    expect(cellInput({ link: 'https://x.se', text: 'x' })).toBe('x');
    expect(cellInput({ date: '2024-03-15' })).toBe(45366);
    expect(() => cellInput(Infinity)).toThrow();
  });

  it('reads cells', () => {
    expect(readCell('', 'General')).toBeNull();
    expect(readCell(45366, 'yyyy-mm-dd')).toBe('2024-03-15');
    expect(readCell(3, 'General')).toBe(3);
    expect(readCell('#N/A', 'General')).toBe('#N/A');
  });

  it('keeps a number that is no date Excel can show as a number, even under a date format', () => {
    expect(readCell(0, 'yyyy-mm-dd')).toBe(0);
    expect(readCell(20270115, 'yyyy-mm-dd')).toBe(20270115);
    expect(readCell(2958465, 'yyyy-mm-dd')).toBe('9999-12-31');
  });

  it('checks colours', () => {
    expect(color('1f4e79')).toBe('#1F4E79');
    expect(() => color('blue')).toThrow('RRGGBB');
  });
});

describe('supportsExcelApi', () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => delete g.Office);

  it('asks Office.context.requirements, or assumes yes without Office', () => {
    const context = {} as Excel.RequestContext;
    expect(supportsExcelApi(context, '1.9')).toBe(true);
    g.Office = { context: { requirements: { isSetSupported: (_: string, v: string) => v <= '1.8' } } };
    expect(supportsExcelApi(context, '1.8')).toBe(true);
    expect(supportsExcelApi(context, '1.9')).toBe(false);
  });

  it('assumes no for other requirement sets without Office, and asks the context first', () => {
    expect(supportsApi(null, 'ExcelApiOnline', '1.1')).toBe(false);
    const context = { requirements: { isSetSupported: (name: string) => name === 'ExcelApiOnline' } } as unknown as Excel.RequestContext;
    expect(supportsApi(context, 'ExcelApiOnline', '1.1')).toBe(true);
  });
});
