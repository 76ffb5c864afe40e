/** A1 addresses (src/workbook/plan/address.ts): parseCell reads its letters without a string iterator (issue 14), as columnNumber does. */
import { cellAddress, columnName, columnNumber, parseCell, parseRange } from '../../src/workbook/plan/address';

describe('parseCell', () => {
  it('gives columnNumber of every one to three letters, in either case', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const names: string[] = [];
    for (const a of letters) {
      names.push(a);
      for (const b of letters) {
        names.push(a + b);
        for (const c of 'AaMmZz') names.push(a + b + c);
      }
    }
    const differ = names.filter((name) => parseCell(`${name}7`).column !== columnNumber(name));
    expect(differ).toEqual([]);
  });

  it('reads what cellAddress writes, with $ and spaces', () => {
    for (const [row, column] of [[1, 1], [7, 26], [12, 27], [1048576, 16384]]) {
      expect(parseCell(cellAddress(row, column))).toEqual({ row, column });
      expect(parseCell(` $${columnName(column)}$${row} `)).toEqual({ row, column });
    }
    expect(parseRange('C5:A1')).toEqual({ top: 1, left: 1, bottom: 5, right: 3 });
    expect(() => parseCell('A')).toThrow('Not a cell address: A');
  });
});
