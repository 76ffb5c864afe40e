import { formatHundredths, levelOf, rnd } from '../../../src/core/stammer/rounding';

describe('rnd(p, q) = ⌊(2p + q) / (2q)⌋ (ITSAK.md §4)', () => {
  it('gives the unit cases of ITSAK.md §7', () => {
    expect(rnd(1600, 6)).toBe(267);
    expect(rnd(1700, 6)).toBe(283);
    expect(rnd(2396, 8)).toBe(300);
    expect(rnd(2404, 8)).toBe(301);
  });

  it('rounds a half up, never to even, and exact quotients stay', () => {
    expect(rnd(5, 2)).toBe(3); // 2.5
    expect(rnd(7, 2)).toBe(4); // 3.5: half-even would give 4 too, 2.5 shows the difference
    expect(rnd(2999, 10)).toBe(300); // 299.9
    expect(rnd(2994, 10)).toBe(299); // 299.4
    expect(rnd(1200, 4)).toBe(300);
    expect(rnd(0, 3)).toBe(0);
  });

  it('refuses what the rule is not defined for', () => {
    expect(() => rnd(1, 0)).toThrow(RangeError);
    expect(() => rnd(-1, 2)).toThrow(RangeError);
    expect(() => rnd(1.5, 2)).toThrow(RangeError);
  });
});

describe('L(h) = ⌊h / 100⌋: a threshold, not the nearest level', () => {
  it.each([
    [100, 1],
    [199, 1],
    [200, 2],
    [299, 2],
    [300, 3],
    [399, 3],
    [400, 4],
  ])('L(%i) = %i', (h, level) => expect(levelOf(h)).toBe(level));
});

describe('shown values', () => {
  it('have two decimals and a decimal comma', () => {
    expect(formatHundredths(283)).toBe('2,83');
    expect(formatHundredths(300)).toBe('3,00');
    expect(formatHundredths(207)).toBe('2,07');
    expect(formatHundredths(400)).toBe('4,00');
    expect(formatHundredths(110)).toBe('1,10');
  });
});
