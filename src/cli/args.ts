/** A small argv parser: positionals, --flag and --name value. No domain logic here (STYLE 8). */
export interface ParsedArgs {
  readonly command: string | undefined;
  readonly positionals: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly options: ReadonlyMap<string, string>;
}

export class UsageError extends Error {}

/** `--strict-evidence` (issue 13): säker answers without underlag count as osäker; the workbook's own setting is not changed. */
export const STRICT_EVIDENCE = 'strict-evidence';

export function parseArgs(argv: readonly string[], valued: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-') && a !== '-') {
      const [name, inline] = a.replace(/^--?/, '').split(/=(.*)/s, 2);
      const key = name === 'o' ? 'output' : name;
      if (valued.includes(key)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${key} needs a value`);
        options.set(key, value);
      } else flags.add(key);
    } else positionals.push(a);
  }
  return { command: positionals[0], positionals: positionals.slice(1), flags, options };
}
