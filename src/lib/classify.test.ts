import { describe, expect, it } from 'vitest';
import { createRng } from '../../scripts/generate/rng';
import {
  classOf,
  classify,
  countPerClass,
  goodnessOfVarianceFit,
  isBreaksError,
  jenksClassMaxima,
  manualBreaks,
  withinClassSquares,
  type Breaks,
} from './classify';

/** Exhaustive minimum within-class sum of squares over all cuts of the sorted distinct values into k groups. */
function bruteForceMinSquares(values: readonly number[], k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[0] === v) last.push(v);
    else groups.push([v]);
  }
  const ssd = (xs: number[]): number => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, b) => a + (b - m) ** 2, 0);
  };
  let best = Infinity;
  const rec = (start: number, left: number, acc: number): void => {
    if (left === 1) {
      best = Math.min(best, acc + ssd(groups.slice(start).flat()));
      return;
    }
    for (let end = start + 1; end <= groups.length - left + 1; end++) {
      rec(end, left - 1, acc + ssd(groups.slice(start, end).flat()));
    }
  };
  rec(0, Math.min(k, groups.length), 0);
  return best;
}

const bounds = (b: Breaks): readonly number[] => b.breaks;

describe('jenks', () => {
  it('matches the published ckmeans example (Wang & Song 2011, as documented by simple-statistics)', () => {
    // [-1, 2, -1, 2, 4, 5, 6, -1, 2, -1] in 3 groups is [[-1 ×4], [2 ×3], [4, 5, 6]].
    const values = [-1, 2, -1, 2, 4, 5, 6, -1, 2, -1];
    const b = classify(values, 'jenks', 3);
    expect(bounds(b)).toEqual([-1, -1, 2, 6]);
    expect(countPerClass(values, b).counts).toEqual([4, 3, 3]);
  });

  it('finds the obvious breaks of the Vitalnet worked example (0–1, 16–18, 24–29)', () => {
    const low = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
    const mid = [16, 16, 16, 17, 17, 17, 17, 18, 18, 18];
    const high = [24, 25, 27, 28, 29];
    const b = classify([...high, ...low, ...mid], 'jenks', 3);
    expect(bounds(b)).toEqual([0, 1, 18, 29]);
    expect(countPerClass([...low, ...mid, ...high], b).counts).toEqual([15, 10, 5]);
  });

  it('gives the SDAM/SDCM of the four-county example: [4, 5, 9, 10] in 2 classes', () => {
    expect(jenksClassMaxima([4, 5, 9, 10], [1, 1, 1, 1], 2)).toEqual([5, 10]);
    const b: Breaks = { method: 'jenks', k: 2, breaks: [4, 5, 10] };
    expect(withinClassSquares([4, 5, 9, 10], b)).toBeCloseTo(1, 12);
    expect(goodnessOfVarianceFit([4, 5, 9, 10], b)).toBeCloseTo(1 - 1 / 26, 12);
  });

  it('equals the brute-force optimum on 300 seeded random small arrays', () => {
    const rng = createRng(20240301);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rng() * 12);
      const spread = rng() < 0.5 ? 10 : 1000;
      const values = Array.from({ length: n }, () => Math.round(rng() * spread) / 10);
      const k = 3 + Math.floor(rng() * 3);
      const b = classify(values, 'jenks', k);
      const expected = bruteForceMinSquares(values, k);
      expect(withinClassSquares(values, b)).toBeCloseTo(expected, 9);
    }
  });

  it('equals a plain unpruned O(k·n²) DP on seeded arrays of 200–400 values', () => {
    const plainDp = (values: number[], k: number): number => {
      const xs = [...values].sort((a, b) => a - b);
      const n = xs.length;
      const ssd = (a: number, b: number): number => {
        let sum = 0;
        for (let i = a; i < b; i++) sum += xs[i]!;
        const mean = sum / (b - a);
        let t = 0;
        for (let i = a; i < b; i++) t += (xs[i]! - mean) ** 2;
        return t;
      };
      // cost table of every contiguous run, then the textbook recurrence
      const cost: number[][] = [];
      for (let a = 0; a < n; a++) {
        cost[a] = [];
        let sum = 0;
        let sq = 0;
        for (let b = a + 1; b <= n; b++) {
          sum += xs[b - 1]!;
          sq += xs[b - 1]! ** 2;
          cost[a]![b] = Math.max(0, sq - (sum * sum) / (b - a));
        }
      }
      let prev = Array.from({ length: n + 1 }, (_, i) => (i === 0 ? 0 : ssd(0, i)));
      for (let j = 2; j <= k; j++) {
        const cur = Array<number>(n + 1).fill(Infinity);
        for (let i = j; i <= n; i++)
          for (let m = j - 1; m < i; m++) cur[i] = Math.min(cur[i]!, prev[m]! + cost[m]![i]!);
        prev = cur;
      }
      return prev[n]!;
    };
    const rng = createRng(31);
    for (let trial = 0; trial < 6; trial++) {
      // distinct continuous values, so the plain DP over raw values is the same problem
      const values = Array.from({ length: 200 + Math.floor(rng() * 200) }, () => rng() ** 2 * 100);
      for (const k of [3, 5, 7]) {
        const got = withinClassSquares(values, classify(values, 'jenks', k));
        expect(got).toBeCloseTo(plainDp(values, k), 8);
      }
    }
  });

  it('equals the brute force for 2 classes through the weighted DP', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 100; trial++) {
      const values = Array.from({ length: 2 + Math.floor(rng() * 10) }, () =>
        Math.floor(rng() * 50),
      );
      const sorted = [...new Set(values)].sort((a, b) => a - b);
      if (sorted.length < 3) continue;
      const weights = sorted.map((v) => values.filter((x) => x === v).length);
      const maxima = jenksClassMaxima(sorted, weights, 2);
      const b: Breaks = { method: 'jenks', k: 2, breaks: [sorted[0]!, ...maxima] };
      expect(withinClassSquares(values, b)).toBeCloseTo(bruteForceMinSquares(values, 2), 9);
    }
  });

  it('samples large inputs deterministically and still separates well-spaced clusters', () => {
    const rng = createRng(42);
    const values: number[] = [];
    for (const centre of [10, 50, 90])
      for (let i = 0; i < 4000; i++) values.push(centre + (rng() - 0.5) * 8);
    const a = classify(values, 'jenks', 3);
    const b = classify([...values].reverse(), 'jenks', 3);
    expect(a.breaks).toEqual(b.breaks);
    expect(a.breaks[0]).toBe(Math.min(...values));
    expect(a.breaks[3]).toBe(Math.max(...values));
    expect(countPerClass(values, a).counts).toEqual([4000, 4000, 4000]);
  });

  it('is never worse than quantile or equal interval on skewed data', () => {
    const rng = createRng(99);
    const values = Array.from({ length: 2000 }, () => Math.exp(rng() * 4));
    for (const k of [3, 5, 7]) {
      const j = withinClassSquares(values, classify(values, 'jenks', k));
      expect(j).toBeLessThanOrEqual(
        withinClassSquares(values, classify(values, 'quantile', k)) + 1e-9,
      );
      expect(j).toBeLessThanOrEqual(
        withinClassSquares(values, classify(values, 'equal', k)) + 1e-9,
      );
    }
  });
});

describe('quantile and equal interval', () => {
  it('splits 1..10 into five classes of two', () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const b = classify(values, 'quantile', 5);
    expect(bounds(b)).toEqual([1, 2, 4, 6, 8, 10]);
    expect(countPerClass(values, b).counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('collapses duplicate quantile breaks and reports the real class count', () => {
    const values = [...Array<number>(60).fill(0), ...Array.from({ length: 40 }, (_, i) => i + 1)];
    const b = classify(values, 'quantile', 5);
    expect(b.k).toBe(3);
    expect(bounds(b)).toEqual([0, 0, 20, 40]);
    expect(countPerClass(values, b).counts).toEqual([60, 20, 20]);
  });

  it('cuts the range into equal steps', () => {
    const values = [0, 3, 10, 7, 1];
    const b = classify(values, 'equal', 5);
    expect(bounds(b)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(countPerClass(values, b).counts).toEqual([2, 1, 0, 1, 1]);
  });
});

describe('edge cases', () => {
  it('ignores nulls and non-finite values', () => {
    const b = classify([null, 1, 2, NaN, 3, 4, 5, 6, null, Infinity], 'quantile', 3);
    expect(bounds(b)).toEqual([1, 2, 4, 6]);
    expect(countPerClass([null, 1, 6, NaN], b)).toEqual({ counts: [1, 0, 1], noData: 2 });
  });

  it('gives k = 0 and no breaks for no values', () => {
    for (const m of ['quantile', 'equal', 'jenks'] as const) {
      const b = classify([null, null], m, 5);
      expect(b).toEqual({ method: m, k: 0, breaks: [] });
      expect(classOf(1, b)).toBeNull();
      expect(countPerClass([1, null], b)).toEqual({ counts: [], noData: 2 });
    }
  });

  it('gives one class when all values are equal', () => {
    for (const m of ['quantile', 'equal', 'jenks'] as const) {
      const b = classify([0.25, 0.25, 0.25], m, 5);
      expect(b.k).toBe(1);
      expect(bounds(b)).toEqual([0.25, 0.25]);
      expect(classOf(0.25, b)).toBe(0);
    }
  });

  it('gives one class per distinct value when there are fewer distinct values than k', () => {
    const values = [1, 1, 2, 2, 3];
    for (const m of ['quantile', 'jenks'] as const) {
      const b = classify(values, m, 5);
      expect(b.k).toBe(3);
      expect(bounds(b)).toEqual([1, 1, 2, 3]);
      expect(countPerClass(values, b).counts).toEqual([2, 2, 1]);
    }
    const e = classify(values, 'equal', 5);
    expect(e.k).toBe(3);
    expect(countPerClass(values, e).counts).toEqual([2, 2, 1]);
  });

  it('clamps the class count to 3–7 and rejects non-integers', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    expect(classify(values, 'quantile', 1).k).toBe(3);
    expect(classify(values, 'quantile', 12).k).toBe(7);
    expect(() => classify(values, 'quantile', 4.5)).toThrow(/integer/);
  });

  it('puts values outside the breaks into the end classes (locked breaks)', () => {
    const b: Breaks = { method: 'quantile', k: 3, breaks: [0, 1, 2, 3], locked: 'province' };
    expect(classOf(-5, b)).toBe(0);
    expect(classOf(0, b)).toBe(0);
    expect(classOf(1, b)).toBe(0);
    expect(classOf(1.0001, b)).toBe(1);
    expect(classOf(3, b)).toBe(2);
    expect(classOf(99, b)).toBe(2);
    expect(classOf(null, b)).toBeNull();
    expect(classOf(NaN, b)).toBeNull();
  });
});

describe('manualBreaks', () => {
  it('accepts 4–8 strictly ascending bounds and marks them locked', () => {
    const b = manualBreaks([0, 0.01, 0.02, 0.05]);
    expect(b).toEqual({ method: 'manual', k: 3, breaks: [0, 0.01, 0.02, 0.05], locked: 'manual' });
  });

  it('returns a clear error value for bad input', () => {
    const cases: [number[], string][] = [
      [[0, 1, 2], 'too_few'],
      [[0, 1, 2, 3, 4, 5, 6, 7, 8], 'too_many'],
      [[0, 1, NaN, 3], 'not_finite'],
      [[0, 2, 1, 3], 'not_ascending'],
      [[0, 1, 1, 3], 'not_ascending'],
    ];
    for (const [input, code] of cases) {
      const r = manualBreaks(input);
      expect(isBreaksError(r)).toBe(true);
      if (isBreaksError(r)) {
        expect(r.error).toBe(code);
        expect(r.message.length).toBeGreaterThan(10);
      }
    }
    const r = manualBreaks([0, 2, 1, 3]);
    expect(isBreaksError(r) && r.message).toMatch(/bound 3 \(1\) is not above bound 2 \(2\)/);
  });
});
