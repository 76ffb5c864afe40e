import { parseArgs, UsageError, type ParsedArgs } from './args';
import { benchmarkCommand } from './commands/benchmark';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { compareCommand, snapshotCommand } from './commands/history';
import { scoreCommand } from './commands/score';
import { fillCommand, readCommand, templateCommand } from './commands/workbook';
import { EXIT_FATAL, FatalError } from './io';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

type Command = (args: ParsedArgs, out: Output) => Promise<number>;

const commands: Record<string, Command> = {
  score: scoreCommand,
  demo: demoCommand,
  template: templateCommand,
  fill: fillCommand,
  read: readCommand,
  snapshot: snapshotCommand,
  compare: compareCommand,
  export: exportCommand,
  benchmark: benchmarkCommand,
};

const VALUED = ['answers', 'output', 'catalog', 'out-dir', 'date', 'format', 'save', 'source', 'benchmark', 'group', 'target'];

export const USAGE = `infosak – Infosäkkollen från kommandoraden

  infosak demo                                   bygg och beräkna exempelarbetsboken demo/exempelkommun.xlsx
  infosak score --answers <svar.json> [--json]   beräkna nivå och resultat från en svarsfil
  infosak template [--catalog id] <ut.xlsx>      skapa ett tomt frågeformulär (standard infosakkollen-2023-v1;
                                                 itsakkollen-2023-msbfs2020-7-v1 för It-säkkollen)
  infosak fill --answers <svar.json> <in.xlsx> -o <ut.xlsx>
                                                 för in svar i en arbetsbok
  infosak read <in.xlsx> [--json]                läs svaren (och felen, med blad och cell)
  infosak score <in.xlsx> (-o <ut.xlsx> | --in-place) [--json]
                                                 beräkna och skriv resultatbladen
        [--benchmark <benchmark.json> [--group grupp]] [--target nivå|grupp|föreskrift|nästa]
                                                 jämför med en grupp (bladet Benchmark) och välj ett mål
                                                 som Nästa nivå och Handlingsplan följer (sparas i arbetsboken)
        [--strict-evidence]                      räkna säkra svar utan underlag som osäkra, som inställningen
                                                 Säker kräver underlag på bladet Start gör (den ändras inte);
                                                 gäller även score --answers
  infosak snapshot <in.xlsx> (--in-place | -o <ut.xlsx>) [--date ÅÅÅÅ-MM-DD]
                                                 spara mätningen i bladet Historik (samma datum ersätts)
  infosak compare <tidigare> <senare> [--json] [-o <ut.xlsx>]
                                                 jämför två mätningar: svarsfil, arbetsbok (aktuella svar)
                                                 eller arbetsbok.xlsx#ÅÅÅÅ-MM-DD (sparad mätning)
  infosak export <in.xlsx> --format json|csv -o <fil>
                                                 exportera svar och resultat för rapportering (JSON, eller CSV för Excel)
  infosak benchmark <filer och mappar…> [--json] [-o <benchmark.xlsx>] [--save <benchmark.json>]
                    [--catalog id] [--source text] [--date ÅÅÅÅ-MM-DD]
                                                 typorganisationer (typkommun, typregion, typmyndighet,
                                                 typförvaltning, 30 bästa) av många organisationers svar

Slutkoder: 0 beräknat utan fel, 3 beräknat men vissa svar hade fel (räknas som obesvarade),
2 inget kunde beräknas (oläslig fil, ogiltig JSON, okänd katalog; för compare även olika
kataloger eller ett datum utan sparad mätning). benchmark: 3 när någon fil hoppades över, 2 när ingen
fil kunde användas; score med --benchmark/--target: 2 för en oläslig benchmarkfil, en grupp som inte
redovisas eller ett okänt mål.
It-säkkollen (egen tolkning efter MSBFS 2020:7): template, fill, read och score; katalogen läses från
bladet Start. Jämförelse, historik, export och benchmark finns än så länge bara för Infosäkkollen.
--debug skriver ut hela felet (med stackspår) vid oväntade fel.`;

/** An unexpected error as one line; with --debug, its stack too. */
export function unexpectedError(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = `infosak: oväntat fel: ${message.replace(/\s*\n\s*/g, ' ').trim() || (error as Error)?.name || 'okänt fel'}`;
  return debug && error instanceof Error && error.stack ? `${line}\n${error.stack}` : line;
}

/** Runs one command and returns its exit code; the only place that knows about exit codes and argv. */
export async function run(argv: readonly string[], out: Output): Promise<number> {
  try {
    const args = parseArgs(argv, VALUED);
    if (!args.command || args.flags.has('help') || args.command === 'help') {
      out.stdout(USAGE);
      return args.command || args.flags.has('help') ? 0 : EXIT_FATAL;
    }
    const command = commands[args.command];
    if (!command) throw new UsageError(`okänt kommando "${args.command}"`);
    return await command(args, out);
  } catch (e) {
    if (e instanceof FatalError || e instanceof UsageError) {
      out.stderr(`infosak: ${e.message}`);
      return EXIT_FATAL;
    }
    out.stderr(unexpectedError(e, argv.includes('--debug')));
    return EXIT_FATAL;
  }
}

export function main(argv: readonly string[]): void {
  // Whatever escapes run() (an error thrown in a callback, a rejected promise nobody awaited) is
  // still one line and exit 2, never Node's stack dump.
  const fatal = (error: unknown) => {
    process.stderr.write(unexpectedError(error, argv.includes('--debug')) + '\n');
    process.exit(EXIT_FATAL);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  void run(argv, {
    stdout: (t) => process.stdout.write(t + '\n'),
    stderr: (t) => process.stderr.write(t + '\n'),
  }).then((code) => {
    process.exitCode = code;
  }, fatal);
}
