import type { CellStyle } from './types';

/** The product's few styles, named by role so every sheet looks the same. */
export const COLORS = { navy: '1F4E79', blue: 'DDEBF7', grey: 'F2F2F2', midGrey: '808080', green: 'C6EFCE', yellow: 'FFEB9C', red: 'FFC7CE', answer: 'FFF9E5' };
export const S = {
  title: { bold: true, fontSize: 16, fontColor: COLORS.navy, wrap: false } as CellStyle,
  subtitle: { bold: true, fontSize: 12, fontColor: COLORS.navy, wrap: false } as CellStyle,
  header: { bold: true, fill: COLORS.navy, fontColor: 'FFFFFF', wrap: true, vAlign: 'middle' } as CellStyle,
  label: { bold: true } as CellStyle,
  note: { italic: true, fontColor: '595959', wrap: true } as CellStyle,
  id: { fontColor: COLORS.midGrey, fontSize: 8 } as CellStyle,
  wrap: { wrap: true, vAlign: 'top' } as CellStyle,
  question: { bold: true, fill: COLORS.blue, wrap: true, vAlign: 'top' } as CellStyle,
  answer: { locked: false, fill: COLORS.answer, border: 'thin', hAlign: 'center' } as CellStyle,
  answerText: { locked: false, fill: COLORS.answer, border: 'thin', wrap: true, vAlign: 'top' } as CellStyle,
  big: { bold: true, fontSize: 20, fontColor: COLORS.navy, wrap: false } as CellStyle,
};
