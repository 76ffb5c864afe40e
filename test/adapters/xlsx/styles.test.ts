/** StyleSheet.overlayXf: a cell's existing format with only the plan's properties changed. */
import { StyleSheet, minimalStylesXml } from '../../../src/adapters/xlsx/styles';
import { resolveFormat } from './sheetXmlProbe';

function userStyles(): { sheet: StyleSheet; user: number } {
  const sheet = new StyleSheet(minimalStylesXml());
  // A user's format: bold red 14 pt text, yellow fill, thin border all round, a money format, wrapped, unlocked.
  const user = sheet.xfFor({ bold: true, fontColor: 'C00000', fontSize: 14, fill: 'FFFF00', border: 'thin', numberFormat: '#,##0 "kr"', wrap: true, hAlign: 'right', locked: false });
  return { sheet: new StyleSheet(sheet.toXml()), user };
}

describe('StyleSheet.overlayXf', () => {
  it('changes only the properties the style names', () => {
    const { sheet, user } = userStyles();
    const index = sheet.overlayXf(user, { italic: true, fontColor: '595959' });
    expect(index).not.toBe(user);
    expect(resolveFormat(sheet.toXml(), index)).toMatchObject({
      bold: true,
      italic: true,
      fontColor: 'FF595959',
      fontSize: '14',
      fill: 'FFFFFF00',
      numberFormat: '#,##0 "kr"',
      wrap: true,
      horizontal: 'right',
      locked: false,
      border: { left: 'thin', right: 'thin', top: 'thin', bottom: 'thin' },
    });
  });

  it('turns properties off as well as on', () => {
    const { sheet, user } = userStyles();
    const index = sheet.overlayXf(user, { bold: false, wrap: false, locked: true, numberFormat: 'General' });
    expect(resolveFormat(sheet.toXml(), index)).toMatchObject({ bold: false, wrap: false, locked: true, numberFormat: 'General', horizontal: 'right', fill: 'FFFFFF00' });
  });

  it("'bottom' sets the bottom border and keeps the other sides", () => {
    const sheet = new StyleSheet(minimalStylesXml());
    const left = sheet.overlayXf(0, { border: 'bottom' });
    expect(resolveFormat(sheet.toXml(), left).border).toEqual({ left: undefined, right: undefined, top: undefined, bottom: 'thin' });
    const { sheet: other, user } = userStyles();
    expect(resolveFormat(other.toXml(), other.overlayXf(user, { border: 'bottom' })).border).toEqual({ left: 'thin', right: 'thin', top: 'thin', bottom: 'thin' });
  });

  it('returns the same index when nothing changes, and reuses a format it made before', () => {
    const { sheet, user } = userStyles();
    expect(sheet.overlayXf(user, { bold: true, fill: 'FFFF00' })).toBe(user);
    expect(sheet.overlayXf(user, {})).toBe(user);
    const once = sheet.overlayXf(user, { italic: true });
    const xml = sheet.toXml();
    // A fresh sheet over the written styles finds the format again instead of adding one.
    const again = new StyleSheet(xml);
    expect(again.overlayXf(user, { italic: true })).toBe(once);
    expect(again.overlayXf(once, { italic: true })).toBe(once);
    expect(again.changed).toBe(false);
  });

  it('keeps the existing formats at their indexes', () => {
    const { sheet, user } = userStyles();
    const before = sheet.toXml().match(/<cellXfs[\s\S]*?<\/cellXfs>/)![0].match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
    sheet.overlayXf(user, { fill: '00FF00' });
    const after = sheet.toXml().match(/<cellXfs[\s\S]*?<\/cellXfs>/)![0].match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });

  it('knows which formats show dates', () => {
    const sheet = new StyleSheet(minimalStylesXml());
    expect(sheet.isDateXf(sheet.xfFor({ numberFormat: 'd mmm yyyy' }))).toBe(true);
    expect(sheet.isDateXf(sheet.xfFor({ numberFormat: '#,##0 "dagar"' }))).toBe(false);
    expect(sheet.isDateXf(0)).toBe(false);
    expect(sheet.isDateXf(99)).toBe(false);
  });
});
