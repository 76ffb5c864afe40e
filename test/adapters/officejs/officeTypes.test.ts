/**
 * The adapter's calls must be valid Office.js, not just what the memory Excel accepts: type-check the
 * adapter against @types/office-js (jest's ts-jest only transpiles), plus a probe that Excel itself and
 * the memory Excel both fit run.ts's ExcelRunner.
 */
import * as path from 'path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '../../..');
const adapter = path.join(root, 'src/adapters/officejs');
const probe = path.join(__dirname, '__officeTypesProbe__.ts');
const probeText = `
import type { ExcelRunner } from '../../../src/adapters/officejs/run';
import { createMemoryExcel } from '../../../src/adapters/officejs/memory/memoryExcel';
export const office: ExcelRunner = Excel;
export const memory: ExcelRunner = createMemoryExcel();
`;

it('type-checks src/adapters/officejs against @types/office-js', () => {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const files = ['applyPlan.ts', 'loadWorkbook.ts', 'readGrid.ts', 'run.ts', 'cells.ts', 'memory/memoryExcel.ts'].map((f) => path.join(adapter, f));
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === probe ? probeText : readFile(file));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  const program = ts.createProgram([...files, probe], { ...options, noEmit: true }, host);
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || d.file.fileName.startsWith(adapter) || path.resolve(d.file.fileName) === probe)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(problems).toEqual([]);
}, 60_000);
