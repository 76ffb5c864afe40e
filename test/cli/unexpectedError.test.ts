/** An error nobody expected is one line on stderr and exit 2; --debug adds the stack. */
import { run, unexpectedError } from '../../src/cli/main';

jest.mock('../../src/cli/commands/demo', () => ({
  demoCommand: async () => {
    const error = new TypeError('x is not a function\nsecond line');
    throw error;
  },
}));

async function capture(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) });
  return { code, stdout, stderr };
}

describe('unexpected errors', () => {
  it('are one line without a stack, exit 2', async () => {
    const r = await capture(['demo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual(['infosak: oväntat fel: x is not a function second line']);
  });

  it('with --debug, the stack follows the line', async () => {
    const r = await capture(['demo', '--debug']);
    expect(r.code).toBe(2);
    const lines = r.stderr.join('\n').split('\n');
    expect(lines[0]).toBe('infosak: oväntat fel: x is not a function second line');
    expect(lines.slice(1).join('\n')).toMatch(/^TypeError: x is not a function[\s\S]*\n\s+at /);
  });

  it('anything thrown is worded: a string, an error without a message', () => {
    expect(unexpectedError('boom', false)).toBe('infosak: oväntat fel: boom');
    expect(unexpectedError(new RangeError(''), false)).toBe('infosak: oväntat fel: RangeError');
  });
});

describe('main() in a real process', () => {
  it('an error thrown outside any command (a late callback) is still one line and exit 2', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const script = "require('./src/cli/main').main(['--help']); setTimeout(() => { throw new Error('sent\\nlate'); }, 20);";
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: `${__dirname}/../..`, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('infosak: oväntat fel: sent late\n');
  });
});
