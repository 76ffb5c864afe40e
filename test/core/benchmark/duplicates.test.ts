/** The same organisation twice: the latest answer set counts (issue 11). */
import { latestPerOrganisation, organisationKey } from '../../../src/core/benchmark/duplicates';

const item = (source: string, key: string | undefined, date?: string, modified = 0) => ({ source, key, date, modified });

describe('organisationKey', () => {
  it('organisation number first (digits only), else type and name in any case and spacing', () => {
    expect(organisationKey({ orgNumber: '212000-0142', name: 'A' })).toBe(organisationKey({ orgNumber: '2120000142', name: 'B' }));
    expect(organisationKey({ name: '  Exempel  kommun ', type: 'kommun' })).toBe(organisationKey({ name: 'exempel kommun', type: 'kommun' }));
    expect(organisationKey({ name: 'Exempel', type: 'kommun' })).not.toBe(organisationKey({ name: 'Exempel', type: 'region' }));
    expect(organisationKey({ type: 'kommun' })).toBeUndefined();
    expect(organisationKey(undefined)).toBeUndefined();
  });
});

describe('latestPerOrganisation', () => {
  it('keeps the latest period end and says which one was kept instead', () => {
    const older = item('2024.json', 'k', '2024-12-31');
    const newer = item('2025.json', 'k', '2025-12-31');
    const other = item('annan.json', 'x', '2020-01-01');
    const { kept, dropped } = latestPerOrganisation([newer, older, other]);
    expect(kept).toEqual([newer, other]);
    expect(dropped).toEqual([{ item: older, instead: newer }]);
  });

  it('an unknown date is the earliest; equal dates: the file changed last; then the path', () => {
    expect(latestPerOrganisation([item('a', 'k', '2025-01-01'), item('b', 'k')]).kept.map((i) => i.source)).toEqual(['a']);
    expect(latestPerOrganisation([item('a', 'k', '2025-01-01', 20), item('b', 'k', '2025-01-01', 10)]).kept.map((i) => i.source)).toEqual(['a']);
    expect(latestPerOrganisation([item('b', 'k', undefined, 5), item('a', 'k', undefined, 5)]).kept.map((i) => i.source)).toEqual(['b']);
  });

  it('sets without name or number are never taken for duplicates', () => {
    expect(latestPerOrganisation([item('a', undefined), item('b', undefined)]).kept).toHaveLength(2);
  });
});
