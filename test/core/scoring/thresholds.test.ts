import { pointsRequired, uncertainAllowed } from '../../../src/core/scoring/thresholds';

describe('Kn = ceil(Fn · (n + 0.5)) (MODEL.md)', () => {
  it.each([
    [15, 1, 23],
    [27, 2, 68],
    [37, 3, 130],
    [40, 4, 180],
  ])('F=%i, n=%i → %i', (f, n, k) => {
    expect(pointsRequired(f, n)).toBe(k);
  });

  it('rounds up half points and keeps whole ones (area thresholds)', () => {
    expect(pointsRequired(1, 1)).toBe(2); // 1.5
    expect(pointsRequired(2, 1)).toBe(3);
    expect(pointsRequired(2, 2)).toBe(5);
    expect(pointsRequired(3, 3)).toBe(11); // 10.5
    expect(pointsRequired(5, 4)).toBe(23); // 22.5
    expect(pointsRequired(4, 4)).toBe(18);
  });
});

describe('floor(Un · Fn) osäker answers allowed (MODEL.md)', () => {
  it.each([
    [15, 0.5, 7],
    [27, 0.3, 8],
    [37, 0.15, 5],
    [40, 0.05, 2],
  ])('F=%i, U=%d → %i', (f, u, allowed) => {
    expect(uncertainAllowed(f, u)).toBe(allowed);
  });

  it('is exact at whole products despite binary fractions', () => {
    expect(uncertainAllowed(20, 0.15)).toBe(3);
    expect(uncertainAllowed(10, 0.3)).toBe(3);
    expect(uncertainAllowed(100, 0.07)).toBe(7);
    expect(uncertainAllowed(0, 0.5)).toBe(0);
  });
});
