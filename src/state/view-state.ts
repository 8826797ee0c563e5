/** The whole view the user asked for, as one typed object, with its defaults and validators. */
import { KUMUH_LEVELS, type KumuhLevel } from '../db/contracts';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../lib/classify';
import type { Lang } from '../lib/i18n';
import { PROGRAM_IDS, type ProgramId } from '../query/programs';

/** Map levels the user can view (the province is the root, shown by parent = null). */
export const VIEW_LEVELS = ['kota', 'kecamatan', 'kelurahan', 'rw'] as const;
/** A map level. */
export type ViewLevel = (typeof VIEW_LEVELS)[number];

/** Class breaks: computed from the areas on screen, locked to the province's, or manual bounds. */
export type Lock = 'none' | 'province' | { readonly manual: readonly number[] };

/** KTP DKI (Jakarta ID card) filter on households. */
export type KtpFilter = 'all' | 'yes' | 'no';

/** Household and area filters; null / empty / 'all' means no filter. */
export interface Filters {
  readonly kota: string | null;
  readonly kecamatan: string | null;
  /** Slum grades to keep, in KUMUH_LEVELS order; empty = all. */
  readonly kumuh: readonly KumuhLevel[];
  readonly ktp: KtpFilter;
}

/** Map camera: degrees and MapLibre zoom. */
export interface Viewport {
  readonly lon: number;
  readonly lat: number;
  readonly zoom: number;
}

/** Intervention overlay layers of the map (issue 4). */
export const OVERLAY_IDS = [
  'upgrading',
  'kb',
  'pmt_balita',
  'pmt_lansia',
  'cards',
  'gap',
  'leakage',
  'convergence',
  'validation',
] as const;
/** An overlay layer id. */
export type OverlayId = (typeof OVERLAY_IDS)[number];

/** The social-card programs the `cards` overlay can show. */
export const CARD_PROGRAMS = ['kjp_plus', 'kaj', 'klj', 'kpdj'] as const;
/** A social-card program. */
export type CardProgram = (typeof CARD_PROGRAMS)[number];

/** A visible overlay layer and its opacity in percent (10–100, default 100). */
export interface OverlayLayer {
  readonly id: OverlayId;
  readonly opacity: number;
}

/** Bivariate mode: a need indicator (x) against one program's coverage (y). */
export interface BivariateChoice {
  /** Catalogue id of a need indicator. */
  readonly need: string;
  readonly program: ProgramId;
}

/** The overlays the user asked for. */
export interface Overlays {
  /** Visible layers, drawn in list order (the last on top). */
  readonly layers: readonly OverlayLayer[];
  /** Settlement upgrading counted up to this budget year; null = all years. */
  readonly upgradingYear: number | null;
  /** Program of the social-card overlay. */
  readonly card: CardProgram;
  /** Program of the gap and leakage overlays. */
  readonly gapProgram: ProgramId;
  /** Bivariate colouring of the map instead of the choropleth; null = off. */
  readonly bivariate: BivariateChoice | null;
}

/** No overlays: KJP Plus for cards, KB for gap and leakage, all years, bivariate off. */
export const DEFAULT_OVERLAYS: Overlays = {
  layers: [],
  upgradingYear: null,
  card: 'kjp_plus',
  gapProgram: 'kb',
  bivariate: null,
};

/** Default overlay opacity, percent. */
export const DEFAULT_OVERLAY_OPACITY = 100;
/** Lowest overlay opacity the view keeps, percent. */
export const MIN_OVERLAY_OPACITY = 10;

/** Type guard for an overlay id. */
export function isOverlayId(x: unknown): x is OverlayId {
  return typeof x === 'string' && (OVERLAY_IDS as readonly string[]).includes(x);
}

/** Type guard for a social-card program. */
export function isCardProgram(x: unknown): x is CardProgram {
  return typeof x === 'string' && (CARD_PROGRAMS as readonly string[]).includes(x);
}

/** Type guard for a program id. */
export function isProgramId(x: unknown): x is ProgramId {
  return typeof x === 'string' && (PROGRAM_IDS as readonly string[]).includes(x);
}

/** Field-by-field equality of two overlay settings. */
export function sameOverlays(a: Overlays, b: Overlays): boolean {
  return (
    a.layers.length === b.layers.length &&
    a.layers.every((l, i) => l.id === b.layers[i]?.id && l.opacity === b.layers[i]?.opacity) &&
    a.upgradingYear === b.upgradingYear &&
    a.card === b.card &&
    a.gapProgram === b.gapProgram &&
    (a.bivariate === null || b.bivariate === null
      ? a.bivariate === b.bivariate
      : a.bivariate.need === b.bivariate.need && a.bivariate.program === b.bivariate.program)
  );
}

/** Everything the URL stores. */
export interface View {
  readonly level: ViewLevel;
  /** Code of the area drilled into; null = the province. */
  readonly parent: string | null;
  /** Indicator catalogue id. */
  readonly indicator: string;
  readonly method: ClassMethod;
  /** Requested class count, 3–7. */
  readonly classes: number;
  readonly lock: Lock;
  readonly filters: Filters;
  /** Code of the selected area, any level. */
  readonly selected: string | null;
  /** Poverty-line period id, 'YYYY-MM'. */
  readonly period: string;
  /** Minimum cell size in households. */
  readonly minCell: number;
  /** null = fit the current parent. */
  readonly viewport: Viewport | null;
  readonly lang: Lang;
  /** 'offline' (no basemap) or a MapLibre style URL. */
  readonly basemap: string;
  /** Intervention overlays and bivariate mode. */
  readonly overlays: Overlays;
}

/** The default view: Jakarta's kota, extreme-poverty rate, 5 quantile classes, March 2024, Indonesian. */
export const DEFAULT_VIEW: View = {
  level: 'kota',
  parent: null,
  indicator: 'extreme_poverty_rate',
  method: 'quantile',
  classes: 5,
  lock: 'none',
  filters: { kota: null, kecamatan: null, kumuh: [], ktp: 'all' },
  selected: null,
  period: '2024-03',
  minCell: 10,
  viewport: null,
  lang: 'id',
  basemap: 'offline',
  overlays: DEFAULT_OVERLAYS,
};

/** Smallest minimum cell size the URL may set (households); below it small counts re-identify people. */
export const MIN_CELL_FLOOR = 5;
/** Largest minimum cell size the URL may set (households). */
export const MIN_CELL_CEILING = 1000;

/** Levels by depth of their code: 1 = kota (31.71) … 4 = RW (31.71.01.1001.003). */
const CODE_PATTERNS: Record<ViewLevel, RegExp> = {
  kota: /^\d{2}\.\d{2}$/,
  kecamatan: /^\d{2}\.\d{2}\.\d{2}$/,
  kelurahan: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
  rw: /^\d{2}\.\d{2}\.\d{2}\.\d{4}\.\d{3}$/,
};

/** The level of a Kemendagri-style area code (kota '31.71' … RW '31.71.01.1001.003'), or null if malformed. */
export function codeLevel(code: string): ViewLevel | null {
  for (const level of VIEW_LEVELS) if (CODE_PATTERNS[level].test(code)) return level;
  return null;
}

/** Whether a string is an area code of the given level (or of any level when omitted). */
export function isAreaCode(code: unknown, level?: ViewLevel): code is string {
  if (typeof code !== 'string') return false;
  return level ? CODE_PATTERNS[level].test(code) : codeLevel(code) !== null;
}

/** Depth of a level below the province: kota 1 … rw 4. */
export function levelDepth(level: ViewLevel): number {
  return VIEW_LEVELS.indexOf(level) + 1;
}

/** The level one step below, or null under RW. */
export function childLevel(level: ViewLevel): ViewLevel | null {
  return VIEW_LEVELS[VIEW_LEVELS.indexOf(level) + 1] ?? null;
}

/** Whether `code` lies within (or is) `ancestor`, by code prefix. */
export function isWithin(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

/** Type guard for a map level. */
export function isViewLevel(x: unknown): x is ViewLevel {
  return typeof x === 'string' && (VIEW_LEVELS as readonly string[]).includes(x);
}

/** Type guard for a classification method. */
export function isClassMethod(x: unknown): x is ClassMethod {
  return typeof x === 'string' && (CLASS_METHODS as readonly string[]).includes(x);
}

/** Type guard for a slum grade. */
export function isKumuhLevel(x: unknown): x is KumuhLevel {
  return typeof x === 'string' && (KUMUH_LEVELS as readonly string[]).includes(x);
}

/** Whether a class count is allowed (integer 3–7). */
export function isClassCount(x: number): boolean {
  return Number.isInteger(x) && x >= MIN_CLASSES && x <= MAX_CLASSES;
}

/** Slum grades deduplicated in canonical order. */
export function canonicalKumuh(levels: readonly KumuhLevel[]): KumuhLevel[] {
  return KUMUH_LEVELS.filter((k) => levels.includes(k));
}

/** Viewport rounded to what the URL keeps: 5 decimals of a degree (about 1 m) and 2 of zoom. */
export function roundViewport(v: Viewport): Viewport {
  const r = (x: number, d: number): number => Number(x.toFixed(d));
  return { lon: r(v.lon, 5), lat: r(v.lat, 5), zoom: r(v.zoom, 2) };
}

function sameLock(a: Lock, b: Lock): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.manual.length === b.manual.length && a.manual.every((x, i) => x === b.manual[i]);
}

function sameViewport(a: Viewport | null, b: Viewport | null): boolean {
  if (a === null || b === null) return a === b;
  return a.lon === b.lon && a.lat === b.lat && a.zoom === b.zoom;
}

/** Field-by-field equality of two views, ignoring the viewport when `ignoreViewport` is set. */
export function sameView(a: View, b: View, ignoreViewport = false): boolean {
  return (
    a.level === b.level &&
    a.parent === b.parent &&
    a.indicator === b.indicator &&
    a.method === b.method &&
    a.classes === b.classes &&
    sameLock(a.lock, b.lock) &&
    a.filters.kota === b.filters.kota &&
    a.filters.kecamatan === b.filters.kecamatan &&
    a.filters.ktp === b.filters.ktp &&
    a.filters.kumuh.length === b.filters.kumuh.length &&
    a.filters.kumuh.every((k, i) => k === b.filters.kumuh[i]) &&
    a.selected === b.selected &&
    a.period === b.period &&
    a.minCell === b.minCell &&
    a.lang === b.lang &&
    a.basemap === b.basemap &&
    sameOverlays(a.overlays, b.overlays) &&
    (ignoreViewport || sameViewport(a.viewport, b.viewport))
  );
}
