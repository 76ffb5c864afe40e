import { parseArgs, UsageError, type ParsedArgs } from './args';
import { demoCommand } from './commands/demo';
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
};

const VALUED = ['answers', 'output', 'catalog', 'out-dir'];

export const USAGE = `infosak – Infosäkkollen från kommandoraden

  infosak demo                                   bygg och beräkna exempelarbetsboken demo/exempelkommun.xlsx
  infosak score --answers <svar.json> [--json]   beräkna nivå och resultat från en svarsfil
  infosak template <ut.xlsx>                     skapa ett tomt frågeformulär
  infosak fill --answers <svar.json> <in.xlsx> -o <ut.xlsx>
                                                 för in svar i en arbetsbok
  infosak read <in.xlsx> [--json]                läs svaren (och felen, med blad och cell)
  infosak score <in.xlsx> (-o <ut.xlsx> | --in-place) [--json]
                                                 beräkna och skriv resultatbladen

Slutkoder: 0 beräknat utan fel, 3 beräknat men vissa svar hade fel (räknas som obesvarade),
2 inget kunde beräknas (oläslig fil, ogiltig JSON, okänd katalog).`;

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
    out.stderr(`infosak: oväntat fel: ${(e as Error).stack ?? e}`);
    return EXIT_FATAL;
  }
}

export function main(argv: readonly string[]): void {
  void run(argv, {
    stdout: (t) => process.stdout.write(t + '\n'),
    stderr: (t) => process.stderr.write(t + '\n'),
  }).then((code) => {
    process.exitCode = code;
  });
}
