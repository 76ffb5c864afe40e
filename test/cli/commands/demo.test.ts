import { runCli } from '../../helpers/cli';

describe('infosak demo', () => {
  it('exits 0 and prints the Exempelkommun summary in Swedish', async () => {
    const r = await runCli(['demo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    const text = r.stdout.join('\n');
    expect(text).toContain('Exempelkommun');
    expect(text).toMatch(/Nivå \d|Under nivå 1/);
    expect(text).toContain('Resultattal');
  });
});
