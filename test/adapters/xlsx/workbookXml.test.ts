/** withOwnerMarks: the product's hidden, sheet-scoped mark in xl/workbook.xml, in schema order. */
import { withOwnerMarks } from '../../../src/adapters/xlsx/workbookXml';
import { parseStrict } from './fixtures';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const SHEETS = '<sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/></sheets>';
const MARK = (id: number, value: string) => `<definedName name="Infosakkollen_blad" localSheetId="${id}" hidden="1">${value}</definedName>`;

describe('withOwnerMarks', () => {
  it('puts <definedNames> after <sheets> and before calcPr', () => {
    const xml = `<workbook ${NS}><bookViews><workbookView><extLst/></workbookView></bookViews>${SHEETS}<calcPr calcId="1"/><extLst/></workbook>`;
    expect(withOwnerMarks(xml, 'Infosakkollen_blad', [{ localSheetId: 1, value: 'B' }])).toBe(
      `<workbook ${NS}><bookViews><workbookView><extLst/></workbookView></bookViews>${SHEETS}<definedNames>${MARK(1, '"B"')}</definedNames><calcPr calcId="1"/><extLst/></workbook>`,
    );
  });

  it('puts it before a later element, or at the end, when there is no calcPr', () => {
    const withPivot = `<workbook ${NS}>${SHEETS}<pivotCaches/></workbook>`;
    expect(withOwnerMarks(withPivot, 'Infosakkollen_blad', [{ localSheetId: 0, value: 'A' }])).toContain(`</sheets><definedNames>${MARK(0, '"A"')}</definedNames><pivotCaches/>`);
    const bare = `<workbook ${NS}>${SHEETS}</workbook>`;
    expect(withOwnerMarks(bare, 'Infosakkollen_blad', [{ localSheetId: 0, value: 'A' }])).toBe(`<workbook ${NS}>${SHEETS}<definedNames>${MARK(0, '"A"')}</definedNames></workbook>`);
  });

  it('adds to existing names, fills an empty <definedNames/>, and uses the prefix the file uses', () => {
    const existing = `<workbook ${NS}>${SHEETS}<definedNames><definedName name="x">A!$A$1</definedName></definedNames></workbook>`;
    expect(withOwnerMarks(existing, 'Infosakkollen_blad', [{ localSheetId: 0, value: 'A' }])).toContain(`<definedNames><definedName name="x">A!$A$1</definedName>${MARK(0, '"A"')}</definedNames>`);
    const empty = `<workbook ${NS}>${SHEETS}<definedNames/></workbook>`;
    expect(withOwnerMarks(empty, 'Infosakkollen_blad', [{ localSheetId: 0, value: 'A' }])).toContain(`<definedNames>${MARK(0, '"A"')}</definedNames>`);
    const prefixed = '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheets><x:sheet name="A" sheetId="1"/></x:sheets></x:workbook>';
    const out = withOwnerMarks(prefixed, 'Infosakkollen_blad', [{ localSheetId: 0, value: 'A' }]);
    expect(out).toContain('</x:sheets><x:definedNames><x:definedName name="Infosakkollen_blad" localSheetId="0" hidden="1">"A"</x:definedName></x:definedNames>');
    parseStrict(out, 'workbook');
  });

  it('adds a mark only where the sheet has none (names compare case-insensitively)', () => {
    const xml = `<workbook ${NS}>${SHEETS}<definedNames><definedName name="INFOSAKKOLLEN_BLAD" localSheetId="0" hidden="1">"Annat"</definedName></definedNames></workbook>`;
    const out = withOwnerMarks(xml, 'Infosakkollen_blad', [
      { localSheetId: 0, value: 'A' },
      { localSheetId: 1, value: 'B' },
      { localSheetId: 1, value: 'B' },
    ]);
    expect(out.match(/<definedName /g)).toHaveLength(2);
    expect(out).toContain(MARK(1, '"B"'));
    expect(withOwnerMarks(out, 'Infosakkollen_blad', [{ localSheetId: 1, value: 'B' }])).toBe(out);
  });

  it('escapes the value as a formula string in XML', () => {
    const out = withOwnerMarks(`<workbook ${NS}>${SHEETS}</workbook>`, 'Infosakkollen_blad', [{ localSheetId: 0, value: 'R&D "x" <1>' }]);
    const name = parseStrict(out, 'workbook').getElementsByTagName('definedName')[0];
    expect(name.textContent).toBe('"R&D ""x"" <1>"');
  });
});
