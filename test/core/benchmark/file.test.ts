/**
 * The benchmark file's shape is checked by hand (no zod at run time, issue 14): it must accept and
 * refuse exactly what schemas/benchmark.schema.json does, on a well-formed file and broken copies.
 */
import Ajv2020 from 'ajv/dist/2020';
import { benchmarkFileProblems, parseBenchmarkFile } from '../../../src/core/benchmark/file';
import { buildBenchmark } from '../../../src/core/benchmark/groups';
import { memberRecord } from '../../../src/core/benchmark/member';
import { findCatalog } from '../../../src/core/catalog/registry';
import { score } from '../../../src/core/scoring/score';
import { benchmarkFile } from '../../../src/cli/format/benchmarkJson';
import schema from '../../../schemas/benchmark.schema.json';
import { syntheticAnswers } from '../../../scripts/benchmark/members';
import { CATALOG_ID } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const members = Array.from({ length: 8 }, (_, i) => memberRecord(score(catalog, syntheticAnswers(catalog, i, 11, 'myndighet')), 'myndighet', `m${i}`));
const good = JSON.parse(JSON.stringify(benchmarkFile(buildBenchmark(catalog, members), '2026-04-01', 'Test')));
const shown = good.groups.findIndex((g: any) => !g.refused);
const refused = good.groups.findIndex((g: any) => g.refused);

type Edit = [string, (f: any) => void];
const edits: Edit[] = [
  ['nothing', () => undefined],
  ['a $schema link', (f) => (f.$schema = 'https://example.org/benchmark.schema.json')],
  ['another format', (f) => (f.format = 'annat')],
  ['version 2', (f) => (f.version = 2)],
  ['an empty catalog id', (f) => (f.catalog = '')],
  ['a date without dashes', (f) => (f.date = '20260401')],
  ['source missing', (f) => delete f.source],
  ['negative members', (f) => (f.members = -1)],
  ['fractional members', (f) => (f.members = 1.5)],
  ['an unknown field', (f) => (f.extra = 1)],
  ['groups not a list', (f) => (f.groups = {})],
  ['an unknown group', (f) => (f.groups[shown].id = 'typland')],
  ['a group field unknown', (f) => (f.groups[shown].note = 'x')],
  ['a shown group without spread', (f) => (f.groups[shown].spread = null)],
  ['a refused group with answers', (f) => (f.groups[refused].answers = {})],
  ['a refused group without reason', (f) => delete f.groups[refused].reason],
  ['an answer key that is not a number', (f) => (f.groups[shown].answers.x = { selected: ['a'], certainty: 'säker' })],
  ['an answer with no ticks', (f) => (f.groups[shown].answers['1'] = { selected: [], certainty: 'säker' })],
  ['an upper-case option', (f) => (f.groups[shown].answers['1'] = { selected: ['A'], certainty: 'säker' })],
  ['a certainty in English', (f) => (f.groups[shown].answers['1'].certainty = 'certain')],
  ['level 5', (f) => (f.groups[shown].result.level = 5)],
  ['a level key 5 in the spread', (f) => (f.groups[shown].spread.levels['5'] = 0)],
  ['a percentile missing', (f) => delete f.groups[shown].spread.totalPoints.p90],
  ['an area without points', (f) => delete f.groups[shown].result.areas[0].points],
];

describe('benchmarkFileProblems agrees with schemas/benchmark.schema.json', () => {
  it.each(edits)('%s', (_, edit) => {
    const copy = structuredClone(good);
    edit(copy);
    const schemaOk = validate(copy) as boolean;
    const problems = benchmarkFileProblems(copy);
    expect({ schemaOk, handOk: problems.length === 0 }).toEqual({ schemaOk, handOk: schemaOk });
  });

  it('names the place of each problem', () => {
    const copy = structuredClone(good);
    copy.groups[shown].result.level = 5;
    expect(benchmarkFileProblems(copy)).toEqual([`groups.${shown}.result.level: förväntade en nivå 0–4`]);
    expect(parseBenchmarkFile([], findCatalog)).toMatchObject({ kind: 'invalid', problem: { code: 'benchmark-file-shape', params: { problems: '(roten): förväntade ett objekt' } } });
  });
});
