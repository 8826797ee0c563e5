/**
 * From area values to map colours: classification (or locked breaks), the palette oriented by the
 * indicator's direction, one RGBA per area, and the legend's counts and lists. Pure.
 */
import type { Indicator } from '../query/catalogue';
import { classOf, classify, isBreaksError, manualBreaks, type Breaks } from '../lib/classify';
import { classColors, hexToRgb } from '../lib/palettes';
import type { AreaValue } from './use-map-values';
import type { View } from './view-state';

/** RGBA 0–255. */
export type Rgba = [number, number, number, number];

/** Everything the map and the legend need for one picture. */
export interface Choropleth {
  readonly breaks: Breaks;
  /** Hex colour per class (class 0 first). */
  readonly colors: readonly string[];
  readonly counts: readonly number[];
  readonly fill: ReadonlyMap<string, Rgba>;
  readonly suppressed: readonly { code: string; name: string }[];
  readonly noData: readonly { code: string; name: string }[];
  /** Changes exactly when `fill` does. */
  readonly fillKey: string;
  /** A message when manual breaks were invalid and computed ones were used instead. */
  readonly breaksError: string | null;
}

// Opaque, so the map shows exactly the legend's colours (checked pixel by pixel in the e2e tests).
const FILL_ALPHA = 255;

/** Builds the choropleth of `rows` for the view's classification settings. */
export function buildChoropleth(
  rows: readonly AreaValue[],
  provinceValues: readonly (number | null)[] | null,
  view: Pick<View, 'method' | 'classes' | 'lock'>,
  ind: Indicator,
): Choropleth {
  const values = rows.map((r) => r.value);
  let breaks: Breaks;
  let breaksError: string | null = null;
  if (typeof view.lock === 'object') {
    const manual = manualBreaks(view.lock.manual);
    if (isBreaksError(manual)) {
      breaksError = manual.message;
      breaks = classify(values, view.method, view.classes);
    } else {
      breaks = { ...manual, locked: 'manual' };
    }
  } else if (view.lock === 'province' && provinceValues) {
    breaks = { ...classify(provinceValues, view.method, view.classes), locked: 'province' };
  } else {
    breaks = classify(values, view.method, view.classes);
  }
  const colors = classColors(ind.palette, breaks.k, ind.higherIsWorse);
  const rgba = colors.map((hex): Rgba => [...hexToRgb(hex), FILL_ALPHA]);
  const fill = new Map<string, Rgba>();
  const counts = new Array<number>(breaks.k).fill(0);
  const suppressed: { code: string; name: string }[] = [];
  const noData: { code: string; name: string }[] = [];
  for (const r of rows) {
    if (r.suppressed) {
      suppressed.push({ code: r.code, name: r.name });
      continue;
    }
    const c = classOf(r.value, breaks);
    // Values outside locked breaks take the nearest end class, so a colour keeps its meaning.
    const cls = c ?? (r.value === null ? null : r.value < (breaks.breaks[0] ?? 0) ? 0 : breaks.k - 1);
    const color = cls === null ? undefined : rgba[cls];
    if (color && cls !== null) {
      fill.set(r.code, color);
      counts[cls]!++;
    } else noData.push({ code: r.code, name: r.name });
  }
  const fillKey = `${breaks.method}|${breaks.breaks.join(',')}|${colors.join(',')}|${rows
    .map((r) => `${r.code}:${r.value ?? (r.suppressed ? 's' : 'n')}`)
    .join(';')}`;
  return {
    breaks,
    colors,
    counts,
    fill,
    suppressed,
    noData,
    fillKey: hashKey(fillKey),
    breaksError,
  };
}

/** A short stable hash (FNV-1a) of a long key string. */
function hashKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(36)}-${text.length}`;
}
