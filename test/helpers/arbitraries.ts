import fc from 'fast-check';
import type { ZeroMode } from './answers';

const forty = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: 40, maxLength: 40 });

/**
 * Random point profiles of the real catalog around a base level, with a random share of dips
 * below it and of osäker / missing certainties, so that every overall level occurs.
 */
export const profileArb = fc
  .record({
    base: fc.integer({ min: 0, max: 5 }),
    dipRate: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 25 })),
    uncertainRate: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 40 })),
    r: forty(fc.integer({ min: 0, max: 99 })),
    c: forty(fc.integer({ min: 0, max: 99 })),
    zeros: forty(fc.constantFrom<ZeroMode>('n', 'unanswered', 'y', 'u')),
    widen: forty(fc.boolean()),
  })
  .map(({ base, dipRate, uncertainRate, r, c, zeros, widen }) => ({
    points: r.map((x) => Math.max(0, Math.min(5, base + (x < dipRate ? -(1 + (x % 3)) : x >= 90 ? 1 : 0)))),
    certainties: c.map((x): string | undefined => (x < uncertainRate ? (x % 2 ? 'osäker' : undefined) : 'säker')),
    zeros,
    widen,
  }));
