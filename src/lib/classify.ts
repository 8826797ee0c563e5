/** Classification of numeric values into 3–7 map classes: quantile, equal interval, Fisher–Jenks. */

/** Automatic classification methods. */
export const CLASS_METHODS = ['quantile', 'equal', 'jenks'] as const;
/** An automatic classification method. */
export type ClassMethod = (typeof CLASS_METHODS)[number];

/** Fewest classes a user may ask for. */
export const MIN_CLASSES = 3;
/** Most classes a user may ask for (sequential palettes stop at 7). */
export const MAX_CLASSES = 7;

/** Above this many distinct values Jenks runs on an evenly spaced order-statistic sample of this size. */
export const JENKS_MAX_VALUES = 3000;

/** Where the breaks came from when they are not computed from the values on screen. */
export type BreaksLock = 'province' | 'manual';

/**
 * Class bounds. `breaks` has k+1 entries: breaks[0] is the minimum, breaks[k] the maximum, and class i
 * holds values in (breaks[i], breaks[i+1]] (class 0 also holds breaks[0]). breaks[1..k] strictly
 * increase; breaks[0] may equal breaks[1] when the first class holds only the minimum.
 * `k` is the real class count (it can be below the requested one; 0 when there are no values).
 */
export interface Breaks {
  readonly method: ClassMethod | 'manual';
  readonly k: number;
  readonly breaks: readonly number[];
  readonly locked?: BreaksLock;
}

/** A user error from manual breaks: what is wrong, in words fit for a message. */
export interface BreaksError {
  readonly error: 'too_few' | 'too_many' | 'not_finite' | 'not_ascending';
  readonly message: string;
}

function finiteSorted(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

function clampK(k: number): number {
  if (!Number.isInteger(k)) throw new Error(`class count must be an integer, got ${k}`);
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, k));
}

/**
 * Drops bounds that would make empty duplicate classes; keeps breaks[0] == breaks[1] (a class that
 * holds only the minimum) and forces the last bound to the maximum.
 */
function collapse(bounds: readonly number[], max: number): number[] {
  const first = bounds[0];
  if (first === undefined) return [];
  const out = [first];
  for (let i = 1; i < bounds.length; i++) {
    const b = Math.min(bounds[i] ?? max, max);
    const prev = out[out.length - 1] ?? first;
    if (out.length === 1 ? b >= prev : b > prev) out.push(b);
  }
  if (out.length === 1) out.push(first);
  out[out.length - 1] = max;
  return out;
}

function distinct(sorted: readonly number[]): { values: number[]; weights: number[] } {
  const values: number[] = [];
  const weights: number[] = [];
  for (const v of sorted) {
    if (values.length > 0 && values[values.length - 1] === v) weights[weights.length - 1]! += 1;
    else {
      values.push(v);
      weights.push(1);
    }
  }
  return { values, weights };
}

function quantileBounds(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  const bounds = [sorted[0]!];
  for (let j = 1; j <= k; j++) bounds.push(sorted[Math.max(0, Math.ceil((j * n) / k) - 1)]!);
  return bounds;
}

function equalBounds(min: number, max: number, k: number): number[] {
  const bounds: number[] = [];
  for (let j = 0; j <= k; j++) bounds.push(j === k ? max : min + ((max - min) * j) / k);
  return bounds;
}

/**
 * Fisher's exact optimal partition of sorted distinct values (with counts as weights) into k
 * contiguous classes minimising the within-class sum of squared deviations. O(k·n²) time.
 * Returns the class maxima (k values).
 */
export function jenksClassMaxima(
  values: readonly number[],
  weights: readonly number[],
  k: number,
): number[] {
  const n = values.length;
  if (k >= n) return [...values];
  // Centre the values so the prefix sums of squares lose less precision.
  let total = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    total += values[i]! * weights[i]!;
    count += weights[i]!;
  }
  const mean = total / count;
  const w = new Float64Array(n + 1);
  const s = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const x = values[i]! - mean;
    const wi = weights[i]!;
    w[i + 1] = w[i]! + wi;
    s[i + 1] = s[i]! + wi * x;
    s2[i + 1] = s2[i]! + wi * x * x;
  }
  // cost of class holding values[a..b-1]
  const cost = (a: number, b: number): number => {
    const ww = w[b]! - w[a]!;
    const ss = s[b]! - s[a]!;
    return Math.max(0, s2[b]! - s2[a]! - (ss * ss) / ww);
  };
  // prev[i] = best cost of the first i values in j-1 classes; cur for j classes
  let prev = new Float64Array(n + 1);
  let cur = new Float64Array(n + 1);
  const from: Int32Array[] = [];
  for (let i = 1; i <= n; i++) prev[i] = cost(0, i);
  for (let j = 2; j <= k; j++) {
    const arg = new Int32Array(n + 1);
    cur.fill(Infinity);
    for (let i = j; i <= n; i++) {
      let best = Infinity;
      let bestM = j - 1;
      // Walk the last class's start downwards: its cost only grows as it takes more values, so once
      // that cost alone reaches the best total no earlier start can win (exact pruning).
      const wi = w[i]!;
      const si = s[i]!;
      const s2i = s2[i]!;
      for (let m = i - 1; m >= j - 1; m--) {
        const ww = wi - w[m]!;
        const ss = si - s[m]!;
        const last = s2i - s2[m]! - (ss * ss) / ww;
        if (last >= best) break;
        const c = prev[m]! + last;
        if (c <= best) {
          best = c;
          bestM = m;
        }
      }
      cur[i] = best;
      arg[i] = bestM;
    }
    from[j] = arg;
    [prev, cur] = [cur, prev];
  }
  const maxima: number[] = new Array<number>(k);
  let end = n;
  for (let j = k; j >= 1; j--) {
    maxima[j - 1] = values[end - 1]!;
    if (j > 1) end = from[j]![end]!;
  }
  return maxima;
}

function jenksBounds(sorted: readonly number[], k: number): number[] {
  const full = distinct(sorted);
  if (full.values.length <= JENKS_MAX_VALUES) {
    return [sorted[0]!, ...jenksClassMaxima(full.values, full.weights, k)];
  }
  // Evenly spaced order statistics: deterministic, keeps min and max and the shape of the distribution.
  const n = sorted.length;
  const m = JENKS_MAX_VALUES;
  const sample = distinct(
    Array.from({ length: m }, (_, i) => sorted[Math.round((i * (n - 1)) / (m - 1))]!),
  );
  const maxima = jenksClassMaxima(sample.values, sample.weights, k);
  // Values skipped by the sample that fall between a class maximum and the next sampled value go to
  // the nearer side: each inner break becomes the largest value at or below that gap's midpoint.
  const out = [sorted[0]!];
  for (let j = 0; j < maxima.length - 1; j++) {
    const top = maxima[j]!;
    const next = sample.values[sample.values.indexOf(top) + 1] ?? top;
    out.push(largestAtMost(sorted, (top + next) / 2));
  }
  out.push(sorted[n - 1]!);
  return out;
}

function largestAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return sorted[lo]!;
}

/**
 * Classifies values (nulls and non-finite values ignored) into k classes, k clamped to 3–7.
 * Fewer distinct values than k gives one class per distinct value; all-equal values give one class;
 * no values give k = 0 and empty breaks.
 */
export function classify(
  values: readonly (number | null)[],
  method: ClassMethod,
  k: number,
): Breaks {
  const want = clampK(k);
  const sorted = finiteSorted(values);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined) return { method, k: 0, breaks: [] };
  const unique = distinct(sorted).values;
  const kk = Math.min(want, unique.length);
  let bounds: number[];
  if (kk <= 1) bounds = [min, max];
  else if (unique.length <= kk && method !== 'equal') bounds = [min, ...unique];
  else if (method === 'quantile') bounds = quantileBounds(sorted, kk);
  else if (method === 'equal') bounds = equalBounds(min, max, kk);
  else bounds = jenksBounds(sorted, kk);
  const breaks = collapse(bounds, max);
  return { method, k: breaks.length - 1, breaks };
}

/** The class index (0-based) of a value, or null for null/non-finite values or empty breaks; values outside the range go to the end classes. */
export function classOf(value: number | null | undefined, breaks: Breaks): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || breaks.k < 1) return null;
  const b = breaks.breaks;
  let lo = 0;
  let hi = breaks.k - 1;
  // first class i with value <= b[i+1]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= b[mid + 1]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Counts of values per class (length k); nulls are counted in `noData`. */
export function countPerClass(
  values: readonly (number | null)[],
  breaks: Breaks,
): { counts: number[]; noData: number } {
  const counts = new Array<number>(breaks.k).fill(0);
  let noData = 0;
  for (const v of values) {
    const c = classOf(v, breaks);
    if (c === null) noData++;
    else counts[c]!++;
  }
  return { counts, noData };
}

/** Validates user bounds (k+1 finite, strictly ascending numbers, k 3–7) into locked manual breaks, or a user error. */
export function manualBreaks(bounds: readonly number[]): Breaks | BreaksError {
  const k = bounds.length - 1;
  if (k < MIN_CLASSES)
    return {
      error: 'too_few',
      message: `Manual breaks need ${MIN_CLASSES + 1} to ${MAX_CLASSES + 1} bounds (${MIN_CLASSES}–${MAX_CLASSES} classes); got ${bounds.length}.`,
    };
  if (k > MAX_CLASSES)
    return {
      error: 'too_many',
      message: `Manual breaks need ${MIN_CLASSES + 1} to ${MAX_CLASSES + 1} bounds (${MIN_CLASSES}–${MAX_CLASSES} classes); got ${bounds.length}.`,
    };
  const bad = bounds.findIndex((b) => !Number.isFinite(b));
  if (bad >= 0) return { error: 'not_finite', message: `Bound ${bad + 1} is not a finite number.` };
  for (let i = 1; i < bounds.length; i++) {
    if (!(bounds[i]! > bounds[i - 1]!))
      return {
        error: 'not_ascending',
        message: `Bounds must strictly ascend: bound ${i + 1} (${bounds[i]}) is not above bound ${i} (${bounds[i - 1]}).`,
      };
  }
  return { method: 'manual', k, breaks: [...bounds], locked: 'manual' };
}

/** Type guard: manualBreaks returned an error. */
export function isBreaksError(x: Breaks | BreaksError): x is BreaksError {
  return 'error' in x;
}

/** Within-class sum of squared deviations of the values under these breaks (lower is a tighter fit). */
export function withinClassSquares(values: readonly (number | null)[], breaks: Breaks): number {
  const sums = new Array<number>(breaks.k).fill(0);
  const sq = new Array<number>(breaks.k).fill(0);
  const n = new Array<number>(breaks.k).fill(0);
  for (const v of values) {
    const c = classOf(v, breaks);
    if (c === null || v === null) continue;
    sums[c]! += v;
    sq[c]! += v * v;
    n[c]!++;
  }
  let total = 0;
  for (let c = 0; c < breaks.k; c++) if (n[c]! > 0) total += sq[c]! - (sums[c]! * sums[c]!) / n[c]!;
  return Math.max(0, total);
}

/** Goodness of variance fit (0–1; 1 = classes explain all variance); 1 when all values are equal. */
export function goodnessOfVarianceFit(values: readonly (number | null)[], breaks: Breaks): number {
  const xs = finiteSorted(values);
  if (xs.length === 0) return 1;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sdam = xs.reduce((a, b) => a + (b - mean) * (b - mean), 0);
  if (sdam === 0) return 1;
  return 1 - withinClassSquares(values, breaks) / sdam;
}
