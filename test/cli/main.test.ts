import { parseArgs, UsageError } from '../../src/cli/args';
import { runCli } from '../helpers/cli';

describe('run', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.join('\n')).toContain('infosak score --answers');
  });

  it('an unknown command exits 2 with one line on stderr', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toEqual([]);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toContain('frobnicate');
    expect(r.stderr[0]).not.toContain('\n');
  });

  it('a valued option without a value exits 2', async () => {
    const r = await runCli(['score', '--answers']);
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
  });
});

describe('parseArgs', () => {
  it('separates command, positionals, flags and valued options', () => {
    const a = parseArgs(['score', 'x', '--answers', 'f.json', '--json', '-o', 'out', '--catalog=c1'], ['answers', 'output', 'catalog']);
    expect(a.command).toBe('score');
    expect(a.positionals).toEqual(['x']);
    expect([...a.flags]).toEqual(['json']);
    expect(a.options.get('answers')).toBe('f.json');
    expect(a.options.get('output')).toBe('out');
    expect(a.options.get('catalog')).toBe('c1');
  });

  it('throws UsageError for a valued option at the end', () => {
    expect(() => parseArgs(['score', '--answers'], ['answers'])).toThrow(UsageError);
  });
});
