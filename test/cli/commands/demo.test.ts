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

  it('types in the example goals and estimates as the CISO would: the path is costed, the målgraf has goals', async () => {
    const r = await runCli(['demo']);
    const text = r.stdout.join('\n').replace(/[\u00a0\u202f]/g, ' ');
    // Five of the seven path activities are estimated in src/examples/exempelkommun.goals.json.
    expect(text).toContain('Kostnad enligt handlingsplanen: Att nå nivå 3: 7 åtgärder, uppskattat 385 000 kr och 520 timmar; 2 aktiviteter saknar kostnad');
  });
});
