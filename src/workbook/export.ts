/**
 * Export for reporting (issue 13): what an organisation hands on to MCF or its own reporting, made
 * from the answers and the result. Pure text; the CLI writes it to a file, the pane offers it as a
 * download. Nothing is ever sent anywhere.
 */
import type { AnswerSet } from '../core/answers/types';
import type { Catalog } from '../core/catalog/types';
import type { ScoreResult } from '../core/scoring/score';

/** The answers contract (re-scoring it gives the same result) with the organisation, the result summary and the export date. */
export function exportJson(catalog: Catalog, answers: AnswerSet, result: ScoreResult, exportDate: string): string {
  const document = {
    catalog: catalog.id,
    organisation: answers.organisation ?? {},
    answers: answers.answers,
    validation: answers.validation ?? {},
    exportDate,
    result: {
      level: result.level,
      totalPoints: result.totalPoints,
      maxPoints: result.maxPoints,
      measures: result.measures,
      answered: result.answeredCount,
      uncertain: result.uncertainCount,
      areas: result.areas.map((a) => ({ id: a.id, name: a.name.sv, level: a.level, points: a.points, maxPoints: a.maxPoints })),
      regulationIndicated: result.regulationIndicated,
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A CSV field for Swedish Excel: ';' separated, quoted when it holds a separator, a quote or a line break. */
function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per question: number, area, level, selected options, certainty, points, comment,
 * evidence. UTF-8 with a byte-order mark and ';' so Swedish Excel opens it without an import
 * dialog; CRLF line ends as Excel writes CSV.
 */
export function exportCsv(catalog: Catalog, answers: AnswerSet, result: ScoreResult): string {
  const header = ['Fråga', 'Arbetsområde', 'Nivå', 'Valda alternativ', 'Säkerhet', 'Poäng', 'Kommentar', 'Underlag'];
  const rows = result.questions.map((q) => {
    const entry = answers.answers[String(q.number)];
    const area = catalog.area(q.area);
    return [
      q.number,
      area ? `${area.id} ${area.name.sv}` : q.area,
      q.level,
      q.inputError ? '' : q.selected.join(','),
      q.certainty ?? '',
      q.points,
      entry?.comment ?? '',
      entry?.evidence ?? '',
    ];
  });
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}
