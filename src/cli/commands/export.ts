import { score } from '../../core/scoring/score';
import { localToday } from '../../workbook/compute';
import { exportCsv, exportJson } from '../../workbook/export';
import { readWorkbook } from '../../workbook/read';
import { describeIssue } from '../../i18n';
import { UsageError, type ParsedArgs } from '../args';
import { EXIT_INPUT_ERRORS, EXIT_OK, FatalError } from '../io';
import type { Output } from '../main';
import { gridOfWorkbook, readBytes, writeBytes } from './workbook';

/** `infosak export <workbook.xlsx> --format json|csv -o <file>` */
export async function exportCommand(args: ParsedArgs, out: Output): Promise<number> {
  const input = args.positionals[0];
  const format = args.options.get('format');
  const target = args.options.get('output');
  if (!input || !target || (format !== 'json' && format !== 'csv')) throw new UsageError('export needs <in.xlsx> --format json|csv -o <file>');
  const read = readWorkbook(await gridOfWorkbook(input, readBytes(input)));
  if (read.kind === 'foreign') throw new FatalError(`${input}: ${describeIssue(read.issue)}`);
  const result = score(read.catalog, read.answers);
  const text = format === 'json' ? exportJson(read.catalog, read.answers, result, localToday()) : exportCsv(read.catalog, read.answers, result);
  writeBytes(target, new TextEncoder().encode(text));
  out.stdout(`Exporterade ${read.catalog.questions.length} frågor (${format.toUpperCase()}) till ${target}`);
  const errors = read.issues.filter((i) => i.severity === 'error');
  for (const i of errors) out.stdout(`  Fel: ${describeIssue(i)}`);
  return errors.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}
