/**
 * From overlay query rows to what the map draws and the legends show: proportional symbols,
 * upgrading outlines, convergence hatching and the bivariate fill. Pure; colours and class
 * bounds are fixed per overlay so a legend keeps its meaning across areas and levels.
 */
import type { KumuhLevel } from '../db/contracts/areas';
import type { UPGRADING_STAGES, UPGRADING_STATUS } from '../db/contracts/upgrading';
import { classColors, bivariateColor, hexToRgb, type PaletteId } from '../lib/palettes';
import { PROGRAMS, type ProgramId } from '../query/programs';
import type { Rgba } from './choropleth';
import type { OverlayId, Overlays, ViewLevel } from './view-state';

/** One area's row of a symbol overlay: size (units) and colour value (fraction). */
export interface SymbolRow {
  readonly code: string;
  readonly name: string;
  /** Units (households or persons) that set the symbol's area; null when suppressed. */
  readonly size: number | null;
  /** Fraction that sets the colour; null when suppressed or without a denominator. */
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** The latest settlement-upgrading step of an RW up to the chosen year. */
export interface UpgradingStep {
  readonly code: string;
  readonly kumuh: KumuhLevel;
  readonly stage: (typeof UPGRADING_STAGES)[number] | null;
  readonly status: (typeof UPGRADING_STATUS)[number] | null;
  readonly year: number | null;
}

/** One area of the bivariate map (classes null unless both values are shown). */
export interface BivariateRow {
  readonly code: string;
  readonly name: string;
  readonly need: number | null;
  readonly coverage: number | null;
  readonly suppressed: boolean;
  readonly needClass: number | null;
  readonly coverageClass: number | null;
  /** 1, 2, … among high-need, low-coverage areas; null otherwise. */
  readonly hnlcRank: number | null;
}

/** The bivariate answer: rows plus the tercile bounds of each axis (null when no area has both). */
export interface BivariateData {
  readonly rows: readonly BivariateRow[];
  readonly needBounds: readonly [number, number] | null;
  readonly coverageBounds: readonly [number, number] | null;
}

/** A program combination of desil-1 households (programs null = the merged "other" row). */
export interface CombinationRow {
  readonly programs: readonly ProgramId[] | null;
  readonly households: number | null;
  readonly suppressed: boolean;
}

/** Everything the overlay queries returned for one request. */
export interface OverlayData {
  /** Identifies the request (changes exactly when the rows do). */
  readonly key: string;
  readonly level: ViewLevel;
  /** Rows per symbol or hatch overlay that is on. */
  readonly areas: Partial<Record<OverlayId, readonly SymbolRow[]>>;
  readonly upgrading: readonly UpgradingStep[] | null;
  /** Budget years in settlement_upgrading, ascending. */
  readonly years: readonly number[];
  readonly bivariate: BivariateData | null;
  /** Desil-1 program combinations under the selected area (or the view's area); convergence on. */
  readonly combinations: readonly CombinationRow[] | null;
}

/** A proportional symbol at an area's label point. */
export interface OverlaySymbol {
  readonly code: string;
  /** CSS px */
  readonly radius: number;
  readonly color: Rgba;
}

/** An area outline. */
export interface OverlayOutline {
  readonly code: string;
  readonly color: Rgba;
  /** CSS px */
  readonly width: number;
}

/** A hatched area. */
export interface OverlayHatch {
  readonly code: string;
  readonly color: Rgba;
}

/** One overlay as the map draws it, above the choropleth; `key` changes exactly when items do. */
export type MapOverlay =
  | { readonly kind: 'symbols'; readonly id: OverlayId; readonly level: ViewLevel; readonly opacity: number; readonly key: string; readonly items: readonly OverlaySymbol[] }
  | { readonly kind: 'outlines'; readonly id: OverlayId; readonly level: ViewLevel; readonly opacity: number; readonly key: string; readonly items: readonly OverlayOutline[] }
  | { readonly kind: 'hatch'; readonly id: OverlayId; readonly level: ViewLevel; readonly opacity: number; readonly key: string; readonly items: readonly OverlayHatch[] };

/** A colour class of a legend: [lo, hi] and its colour. */
export interface LegendClass {
  readonly lo: number;
  readonly hi: number;
  readonly hex: string;
  /** Areas in the class. */
  readonly count: number;
}

/** Upgrading categories, in legend order. */
export const UPGRADING_CATEGORIES = ['none', 'planned', 'cap', 'cip', 'done'] as const;
/** An upgrading category: no step yet, planned, CAP under way or done, CIP under way, CIP done. */
export type UpgradingCategory = (typeof UPGRADING_CATEGORIES)[number];

/** The legend of one overlay. */
export type OverlayLegend =
  | {
      readonly kind: 'symbols';
      readonly id: OverlayId;
      /** Catalogue id whose label names the colour. */
      readonly indicatorId: string;
      /** What a unit of the symbol size is. */
      readonly sizeUnit: 'households' | 'persons';
      /** Which part sets the size: eligible, not reached, leaked or registry households. */
      readonly sizeOf: 'eligible' | 'gap' | 'leak' | 'registry';
      readonly classes: readonly LegendClass[];
      /** Reference circles: value (units) and radius (px), largest first. */
      readonly sizes: readonly { readonly value: number; readonly radius: number }[];
      readonly shown: number;
      readonly suppressed: number;
      /** True when the program has no leakage (KB). */
      readonly notApplicable: boolean;
    }
  | {
      readonly kind: 'outlines';
      readonly id: OverlayId;
      readonly year: number | null;
      readonly categories: readonly { readonly category: UpgradingCategory; readonly hex: string; readonly count: number }[];
      readonly grades: readonly { readonly grade: KumuhLevel; readonly width: number }[];
    }
  | {
      readonly kind: 'hatch';
      readonly id: OverlayId;
      readonly indicatorId: string;
      readonly classes: readonly LegendClass[];
      readonly shown: number;
      readonly suppressed: number;
    };

interface SymbolSpec {
  readonly indicatorId: string;
  readonly part: 'num' | 'den';
  readonly sizeOf: 'eligible' | 'gap' | 'leak' | 'registry';
  readonly sizeUnit: 'households' | 'persons';
  readonly palette: PaletteId;
  readonly bounds: readonly number[];
}

const FRACTION_BOUNDS = [0, 0.2, 0.4, 0.6, 0.8, 1] as const;
/** Leakage is rare: finer classes at the low end. */
const LEAKAGE_BOUNDS = [0, 0.01, 0.02, 0.05, 0.1, 1] as const;
/** Desil-1 households reached by no program: hatched from 15 %, three shades. */
const CONVERGENCE_BOUNDS = [0.15, 0.25, 0.35, 1] as const;
const CONVERGENCE_HEX = ['#d8b4d8', '#b0589f', '#6a0d63'] as const;

const programUnit = (id: ProgramId): 'households' | 'persons' =>
  PROGRAMS.find((p) => p.id === id)?.unit ?? 'persons';
const hasLeakage = (id: ProgramId): boolean => PROGRAMS.find((p) => p.id === id)?.leakage ?? false;

/** The catalogue query behind a symbol or hatch overlay: indicator, which part sizes the symbol. */
export function overlaySpec(id: OverlayId, o: Overlays): SymbolSpec | null {
  const coverage = (p: ProgramId): SymbolSpec => ({
    indicatorId: `${p}_coverage`,
    part: 'den',
    sizeOf: 'eligible',
    sizeUnit: programUnit(p),
    palette: 'YlGnBu',
    bounds: FRACTION_BOUNDS,
  });
  switch (id) {
    case 'kb':
    case 'pmt_balita':
    case 'pmt_lansia':
      return coverage(id);
    case 'cards':
      return coverage(o.card);
    case 'gap':
      return {
        indicatorId: `${o.gapProgram}_gap_rate`,
        part: 'num',
        sizeOf: 'gap',
        sizeUnit: programUnit(o.gapProgram),
        palette: 'viridis',
        bounds: FRACTION_BOUNDS,
      };
    case 'leakage':
      if (!hasLeakage(o.gapProgram)) return null;
      return {
        indicatorId: `${o.gapProgram}_leakage_rate`,
        part: 'num',
        sizeOf: 'leak',
        sizeUnit: programUnit(o.gapProgram),
        palette: 'Purples',
        bounds: LEAKAGE_BOUNDS,
      };
    case 'validation':
      return {
        indicatorId: 'validation_progress',
        part: 'den',
        sizeOf: 'registry',
        sizeUnit: 'households',
        palette: 'cividis',
        bounds: FRACTION_BOUNDS,
      };
    case 'convergence':
      return {
        indicatorId: 'desil1_unreached_share',
        part: 'num',
        sizeOf: 'registry',
        sizeUnit: 'households',
        palette: 'Purples',
        bounds: CONVERGENCE_BOUNDS,
      };
    case 'upgrading':
      return null;
  }
}

/** Whether an overlay has nothing to show for the chosen program (leakage of KB). */
export function overlayNotApplicable(id: OverlayId, o: Overlays): boolean {
  return id === 'leakage' && !hasLeakage(o.gapProgram);
}

/** Largest symbol radius per level, CSS px (symbols shrink as areas get smaller). */
export const MAX_RADIUS: Readonly<Record<ViewLevel, number>> = { kota: 30, kecamatan: 20, kelurahan: 13, rw: 8 };
/** Smallest radius drawn, CSS px. */
export const MIN_RADIUS = 1.5;

/** Radius of a symbol of `size` units when `max` units get `maxRadius` px: area ∝ size. */
export function symbolRadius(size: number, max: number, maxRadius: number): number {
  if (!(size > 0) || !(max > 0)) return 0;
  return Math.max(MIN_RADIUS, maxRadius * Math.sqrt(Math.min(size, max) / max));
}

/** Class of a value among fixed bounds [b0, b1, …, bk]: i with b_i ≤ v ≤ b_{i+1} (lower class on a tie); null below b0. */
export function fixedClass(value: number, bounds: readonly number[]): number | null {
  if (value < (bounds[0] ?? 0)) return null;
  for (let i = 1; i < bounds.length; i++) if (value <= bounds[i]!) return i - 1;
  return bounds.length - 2;
}

const rgba = (hex: string, a = 255): Rgba => [...hexToRgb(hex), a];

/** Hex colours of a symbol overlay's classes, light (low) to dark (high). */
export function overlayColors(spec: { palette: PaletteId; bounds: readonly number[] }): readonly string[] {
  return classColors(spec.palette, spec.bounds.length - 1, true);
}

/** A nice round number ≤ x (1, 2, 5 × 10^n), for legend reference circles. */
export function niceFloor(x: number): number {
  if (!(x > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [5, 2, 1]) if (m * p <= x) return m * p;
  return p;
}

/** The upgrading category of a step. */
export function upgradingCategory(step: Pick<UpgradingStep, 'stage' | 'status'>): UpgradingCategory {
  if (step.stage === null || step.status === null) return 'none';
  if (step.status === 'rencana') return 'planned';
  if (step.stage === 'cap') return 'cap';
  return step.status === 'selesai' ? 'done' : 'cip';
}

/** Outline colour per upgrading category (dark, distinct hues, drawn over a white halo). */
export const UPGRADING_HEX: Readonly<Record<UpgradingCategory, string>> = {
  none: '#1a1a1a',
  planned: '#762a83',
  cap: '#e66101',
  cip: '#2166ac',
  done: '#1b7837',
};

/** Outline width per slum grade, CSS px (heavier slums, thicker lines). */
export const GRADE_WIDTH: Readonly<Record<KumuhLevel, number>> = {
  tidak: 1.5,
  sangat_ringan: 1.5,
  ringan: 2.5,
  sedang: 3.5,
  berat: 4.5,
};

/** What {@link buildOverlayPicture} returns: map layers bottom to top and one legend per layer. */
export interface OverlayPicture {
  readonly layers: readonly MapOverlay[];
  readonly legends: readonly OverlayLegend[];
}

function symbolOverlay(id: OverlayId, rows: readonly SymbolRow[], spec: SymbolSpec, level: ViewLevel, opacity: number, key: string): { layer: MapOverlay; legend: OverlayLegend } {
  const colors = overlayColors(spec);
  const max = rows.reduce((m, r) => Math.max(m, r.size ?? 0), 0);
  const maxR = MAX_RADIUS[level];
  const counts = new Array<number>(colors.length).fill(0);
  const items: OverlaySymbol[] = [];
  let shown = 0;
  let suppressed = 0;
  for (const r of rows) {
    if (r.suppressed) {
      suppressed++;
      continue;
    }
    if (r.size === null || r.value === null) continue;
    const cls = fixedClass(r.value, spec.bounds);
    const radius = symbolRadius(r.size, max, maxR);
    if (cls === null || radius === 0) continue;
    counts[cls]!++;
    shown++;
    items.push({ code: r.code, radius, color: rgba(colors[cls]!) });
  }
  // Larger symbols first, so small ones stay visible on top.
  items.sort((a, b) => b.radius - a.radius || (a.code < b.code ? -1 : 1));
  const ref = niceFloor(max);
  const sizes = ref > 0 ? [ref, niceFloor(ref / 4)].filter((v, i, a) => v > 0 && a.indexOf(v) === i).map((value) => ({ value, radius: symbolRadius(value, max, maxR) })) : [];
  return {
    layer: { kind: 'symbols', id, level, opacity, key, items },
    legend: {
      kind: 'symbols',
      id,
      indicatorId: spec.indicatorId,
      sizeUnit: spec.sizeUnit,
      sizeOf: spec.sizeOf,
      classes: colors.map((hex, i) => ({ lo: spec.bounds[i]!, hi: spec.bounds[i + 1]!, hex, count: counts[i]! })),
      sizes,
      shown,
      suppressed,
      notApplicable: false,
    },
  };
}

function hatchOverlay(id: OverlayId, rows: readonly SymbolRow[], spec: SymbolSpec, level: ViewLevel, opacity: number, key: string): { layer: MapOverlay; legend: OverlayLegend } {
  const counts = [0, 0, 0];
  const items: OverlayHatch[] = [];
  let suppressed = 0;
  let shown = 0;
  for (const r of rows) {
    if (r.suppressed) {
      suppressed++;
      continue;
    }
    if (r.value === null) continue;
    shown++;
    const cls = fixedClass(r.value, spec.bounds);
    if (cls === null) continue;
    counts[cls]!++;
    items.push({ code: r.code, color: rgba(CONVERGENCE_HEX[cls]!) });
  }
  return {
    layer: { kind: 'hatch', id, level, opacity, key, items },
    legend: {
      kind: 'hatch',
      id,
      indicatorId: spec.indicatorId,
      classes: CONVERGENCE_HEX.map((hex, i) => ({ lo: spec.bounds[i]!, hi: spec.bounds[i + 1]!, hex, count: counts[i]! })),
      shown,
      suppressed,
    },
  };
}

function upgradingOverlay(steps: readonly UpgradingStep[], year: number | null, opacity: number, key: string): { layer: MapOverlay; legend: OverlayLegend } {
  const counts = new Map<UpgradingCategory, number>();
  const items = steps.map((s): OverlayOutline => {
    const cat = upgradingCategory(s);
    counts.set(cat, (counts.get(cat) ?? 0) + 1);
    return { code: s.code, color: rgba(UPGRADING_HEX[cat]), width: GRADE_WIDTH[s.kumuh] };
  });
  // Thick (heavy-slum) outlines first, so thin ones on top stay visible.
  items.sort((a, b) => b.width - a.width || (a.code < b.code ? -1 : 1));
  return {
    layer: { kind: 'outlines', id: 'upgrading', level: 'rw', opacity, key, items },
    legend: {
      kind: 'outlines',
      id: 'upgrading',
      year,
      categories: UPGRADING_CATEGORIES.map((category) => ({ category, hex: UPGRADING_HEX[category], count: counts.get(category) ?? 0 })),
      grades: (['sangat_ringan', 'ringan', 'sedang', 'berat'] as const).map((grade) => ({ grade, width: GRADE_WIDTH[grade] })),
    },
  };
}

/** Builds the map layers and legends of the visible overlays, in the view's order (bottom first). */
export function buildOverlayPicture(data: OverlayData | null, overlays: Overlays): OverlayPicture {
  const layers: MapOverlay[] = [];
  const legends: OverlayLegend[] = [];
  if (!data) return { layers, legends };
  for (const layer of overlays.layers) {
    const opacity = layer.opacity / 100;
    const key = `${data.key}|${layer.id}`;
    let built: { layer: MapOverlay; legend: OverlayLegend } | null = null;
    if (overlayNotApplicable(layer.id, overlays)) {
      legends.push({
        kind: 'symbols',
        id: layer.id,
        indicatorId: `${overlays.gapProgram}_gap_rate`,
        sizeUnit: programUnit(overlays.gapProgram),
        sizeOf: 'leak',
        classes: [],
        sizes: [],
        shown: 0,
        suppressed: 0,
        notApplicable: true,
      });
    } else if (layer.id === 'upgrading') {
      if (data.upgrading) built = upgradingOverlay(data.upgrading, overlays.upgradingYear, opacity, key);
    } else {
      const spec = overlaySpec(layer.id, overlays);
      const rows = data.areas[layer.id];
      if (spec && rows) {
        built =
          layer.id === 'convergence'
            ? hatchOverlay(layer.id, rows, spec, data.level, opacity, key)
            : symbolOverlay(layer.id, rows, spec, data.level, opacity, key);
      }
    }
    if (built) {
      layers.push(built.layer);
      legends.push(built.legend);
    }
  }
  return { layers, legends };
}

/** The bivariate colouring: fill per classed area, suppressed codes, and counts per cell [y][x]. */
export interface BivariatePicture {
  readonly fill: ReadonlyMap<string, Rgba>;
  readonly fillKey: string;
  readonly suppressed: ReadonlySet<string>;
  /** Areas per cell, counts[coverageClass][needClass]. */
  readonly counts: readonly (readonly number[])[];
  /** High-need, low-coverage areas in the SQL's rank order. */
  readonly hnlc: readonly BivariateRow[];
  readonly noData: number;
}

/** Colours the map by need class (x, towards red) and coverage class (y, towards blue). */
export function buildBivariatePicture(data: BivariateData, key: string): BivariatePicture {
  const fill = new Map<string, Rgba>();
  const suppressed = new Set<string>();
  const counts = [0, 1, 2].map(() => [0, 0, 0]);
  let noData = 0;
  for (const r of data.rows) {
    if (r.needClass !== null && r.coverageClass !== null) {
      fill.set(r.code, rgba(bivariateColor(r.needClass, r.coverageClass)));
      counts[r.coverageClass]![r.needClass]!++;
    } else if (r.suppressed) suppressed.add(r.code);
    else noData++;
  }
  const hnlc = data.rows
    .filter((r) => r.hnlcRank !== null)
    .sort((a, b) => (a.hnlcRank ?? 0) - (b.hnlcRank ?? 0));
  return { fill, fillKey: `biv|${key}`, suppressed, counts, hnlc, noData };
}
