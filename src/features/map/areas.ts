/** Pure geometry helpers of the map: area codes and names, polygons and rings per level, bounds, labels. */
import { bbox as turfBbox, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** Administrative levels the map can colour, coarse to fine. */
export const AREA_LEVELS = ['kota', 'kecamatan', 'kelurahan', 'rw'] as const;
/** One administrative level. */
export type AreaLevel = (typeof AREA_LEVELS)[number];
/** A bounding box `[west, south, east, north]` in degrees. */
export type BBox = [number, number, number, number];
/** A lon/lat position in degrees. */
export type LonLat = [number, number];

/** The `<level>_code` property of a feature, or null when missing or not a non-empty string. */
export function featureCode(feature: Feature, level: AreaLevel): string | null {
  const value: unknown = feature.properties?.[`${level}_code`];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Display name of a feature: `<level>_name`, or `RW 003` from `rw_number` for RWs; falls back to the code. */
export function featureName(feature: Feature, level: AreaLevel): string {
  const props = feature.properties ?? {};
  if (level === 'rw') {
    const n: unknown = props['rw_number'];
    const num = typeof n === 'number' ? n : typeof n === 'string' ? Number(n) : NaN;
    if (Number.isInteger(num) && num >= 0) return `RW ${String(num).padStart(3, '0')}`;
  } else {
    const name: unknown = props[`${level}_name`];
    if (typeof name === 'string' && name !== '') return name;
  }
  return featureCode(feature, level) ?? '';
}

/** True when `code` lies inside `parent` (`${parent}.` prefix); every code is inside a null parent. */
export function isInParent(code: string, parent: string | null): boolean {
  return parent === null || code.startsWith(`${parent}.`);
}

/** One polygon part of an area: outer ring first, then holes, in lon/lat degrees. */
export interface AreaPolygon {
  readonly code: string;
  readonly polygon: LonLat[][];
}

/** One ring of an area's boundary, as a path in lon/lat degrees. */
export interface AreaRing {
  readonly code: string;
  readonly path: LonLat[];
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (geometry === null) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

function toLonLat(p: Position): LonLat {
  return [p[0] ?? 0, p[1] ?? 0];
}

/** Splits every (multi)polygon feature with a code of `level` into single polygons; other geometries are skipped. */
export function toAreaPolygons(fc: FeatureCollection, level: AreaLevel): AreaPolygon[] {
  const out: AreaPolygon[] = [];
  for (const f of fc.features) {
    const code = featureCode(f, level);
    if (code === null) continue;
    for (const polygon of polygonsOf(f.geometry)) {
      if (polygon.length > 0) out.push({ code, polygon: polygon.map((ring) => ring.map(toLonLat)) });
    }
  }
  return out;
}

/** Every ring (outer and holes) of every area of `level`, for outlines. */
export function toAreaRings(fc: FeatureCollection, level: AreaLevel): AreaRing[] {
  return toAreaPolygons(fc, level).flatMap(({ code, polygon }) => polygon.map((path) => ({ code, path })));
}

/** Bounding box of the area `code` of `level` in `fc` (all its features), or null when absent. */
export function boundsOf(fc: FeatureCollection, code: string, level: AreaLevel): BBox | null {
  const features = fc.features.filter((f) => f.geometry !== null && featureCode(f, level) === code);
  if (features.length === 0) return null;
  const [w, s, e, n] = turfBbox({ type: 'FeatureCollection', features });
  return [w, s, e, n];
}

/** Bounding box of a whole collection, or null when it has no geometry. */
export function boundsOfAll(fc: FeatureCollection): BBox | null {
  const features = fc.features.filter((f) => f.geometry !== null);
  if (features.length === 0) return null;
  const [w, s, e, n] = turfBbox({ type: 'FeatureCollection', features });
  return [w, s, e, n];
}

/** Where an area's name goes, with the size of the area for deciding whether the name fits. */
export interface LabelAnchor {
  readonly code: string;
  readonly name: string;
  readonly level: AreaLevel;
  readonly position: LonLat;
  /** Width and height of the area's bounding box, degrees. */
  readonly width: number;
  readonly height: number;
}

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i];
    const q = ring[j];
    if (p && q) a += ((q[0] ?? 0) - (p[0] ?? 0)) * ((q[1] ?? 0) + (p[1] ?? 0));
  }
  return Math.abs(a / 2);
}

function polygonArea(polygon: Position[][]): number {
  return polygon.reduce((sum, ring, i) => sum + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0);
}

/**
 * A point for the area's name: the centre of mass when it falls inside the area; for a scattered
 * multipolygon with no dominant part (an island group) the centre of the group even if it is at sea;
 * otherwise a point inside the largest part.
 */
export function labelPosition(feature: Feature<Polygon | MultiPolygon>): LonLat {
  const center = centerOfMass(feature).geometry.coordinates;
  const c: LonLat = [center[0] ?? 0, center[1] ?? 0];
  if (booleanPointInPolygon(c, feature)) return c;
  const parts = polygonsOf(feature.geometry);
  const areas = parts.map(polygonArea);
  const total = areas.reduce((a, b) => a + b, 0);
  const largest = areas.indexOf(Math.max(...areas));
  const part = parts[largest];
  if (parts.length > 1 && total > 0 && (areas[largest] ?? 0) < 0.6 * total) return c;
  if (part) {
    const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: part } };
    const pc = centerOfMass(poly).geometry.coordinates;
    const p: LonLat = [pc[0] ?? 0, pc[1] ?? 0];
    if (booleanPointInPolygon(p, poly)) return p;
    const inside = pointOnFeature(poly).geometry.coordinates;
    return [inside[0] ?? 0, inside[1] ?? 0];
  }
  return c;
}

/** One label anchor per area of `level` (features of the same code are merged). */
export function labelAnchors(fc: FeatureCollection, level: AreaLevel): LabelAnchor[] {
  const byCode = new Map<string, { name: string; parts: Position[][][] }>();
  for (const f of fc.features) {
    const code = featureCode(f, level);
    if (code === null) continue;
    const entry = byCode.get(code) ?? { name: featureName(f, level), parts: [] };
    entry.parts.push(...polygonsOf(f.geometry));
    byCode.set(code, entry);
  }
  const out: LabelAnchor[] = [];
  for (const [code, { name, parts }] of byCode) {
    if (parts.length === 0) continue;
    const feature: Feature<MultiPolygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: parts },
    };
    const [w, s, e, n] = turfBbox(feature);
    out.push({ code, name, level, position: labelPosition(feature), width: e - w, height: n - s });
  }
  return out;
}

/** Screen pixels per degree of longitude at a MapLibre zoom (512-px world at zoom 0). */
export function pixelsPerDegree(zoom: number): number {
  return (512 * 2 ** zoom) / 360;
}

/** Label font size in CSS pixels per level. */
export const LABEL_SIZE: Record<AreaLevel, number> = { kota: 15, kecamatan: 13, kelurahan: 12, rw: 11 };

/** Rough width of `text` in pixels at font size `size` (DejaVu/Noto Sans glyphs average about 0.62 em). */
export function textWidthPx(text: string, size: number): number {
  return text.length * size * 0.62;
}

/** Most area labels drawn at once (largest areas first), to keep the map readable. */
export const MAX_AREA_LABELS = 250;

/** What `selectLabels` decides from. */
export interface LabelQuery {
  readonly kota: readonly LabelAnchor[];
  /** Anchors of the coloured level (ignored when the level is kota). */
  readonly areas: readonly LabelAnchor[];
  readonly level: AreaLevel;
  readonly parent: string | null;
  readonly zoom: number;
}

/**
 * Default labels: every kota name, plus the names of the coloured level's areas inside `parent`
 * whose on-screen box at `zoom` is wide enough for the name, largest first, skipping any that would
 * overlap a label already placed (at most MAX_AREA_LABELS).
 */
export function selectLabels(q: LabelQuery): LabelAnchor[] {
  if (q.level === 'kota') return [...q.kota];
  const ppd = pixelsPerDegree(q.zoom);
  const size = LABEL_SIZE[q.level];
  const fits = q.areas.filter(
    (a) =>
      isInParent(a.code, q.parent) &&
      a.width * ppd >= 0.9 * textWidthPx(a.name, size) &&
      a.height * ppd >= 1.6 * size,
  );
  fits.sort((a, b) => b.width * b.height - a.width * a.height || a.code.localeCompare(b.code));
  return [...q.kota, ...declutter(fits, q.kota, q.zoom)];
}

/** Web Mercator position in screen pixels of a world `512 * 2^zoom` pixels wide. */
export function projectPx([lon, lat]: LonLat, zoom: number): [number, number] {
  const world = 512 * 2 ** zoom;
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * world, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * world];
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function labelBox(a: LabelAnchor, zoom: number): Box {
  const [x, y] = projectPx(a.position, zoom);
  const size = LABEL_SIZE[a.level];
  const hw = textWidthPx(a.name, size) / 2 + 3;
  const hh = size * 0.7;
  return { x0: x - hw, y0: y - hh, x1: x + hw, y1: y + hh };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Greedy placement in the given order: a label is kept when its estimated screen box overlaps no
 * fixed label and no label kept before it; at most MAX_AREA_LABELS are kept.
 */
export function declutter(
  candidates: readonly LabelAnchor[],
  fixed: readonly LabelAnchor[],
  zoom: number,
): LabelAnchor[] {
  const taken = fixed.map((a) => labelBox(a, zoom));
  const kept: LabelAnchor[] = [];
  for (const a of candidates) {
    if (kept.length >= MAX_AREA_LABELS) break;
    const box = labelBox(a, zoom);
    if (taken.some((t) => overlaps(t, box))) continue;
    taken.push(box);
    kept.push(a);
  }
  return kept;
}

/** Resolves explicit `{code, name, level}` labels to anchors; codes without an anchor are dropped. */
export function labelsFromOverride(
  labels: readonly { code: string; name: string; level: AreaLevel }[],
  anchors: Readonly<Record<AreaLevel, readonly LabelAnchor[]>>,
): LabelAnchor[] {
  const index = new Map<string, LabelAnchor>();
  for (const level of AREA_LEVELS) for (const a of anchors[level]) index.set(`${level}|${a.code}`, a);
  const out: LabelAnchor[] = [];
  for (const l of labels) {
    const a = index.get(`${l.level}|${l.code}`);
    if (a) out.push({ ...a, name: l.name });
  }
  return out;
}

/** A stable string for a set of codes (sorted), to use in deck.gl `updateTriggers`. */
export function setKey(codes: ReadonlySet<string> | undefined): string {
  return codes ? [...codes].sort().join(',') : '';
}

/** The level of a Kemendagri-style dotted code by its number of dots (31.71 → kota … 31.71.01.1001.003 → rw), or null. */
export function levelOfCode(code: string): AreaLevel | null {
  const dots = code.split('.').length - 1;
  return AREA_LEVELS[dots - 1] ?? null;
}

/** Rings of the given codes, each looked up at the level its shape implies (else at `fallback`). */
export function ringsOfCodes(
  rings: Readonly<Record<AreaLevel, readonly AreaRing[]>>,
  codes: ReadonlySet<string>,
  fallback: AreaLevel,
): AreaRing[] {
  if (codes.size === 0) return [];
  const wanted = new Map<AreaLevel, Set<string>>();
  for (const code of codes) {
    const level = levelOfCode(code) ?? fallback;
    const set = wanted.get(level) ?? new Set<string>();
    set.add(code);
    wanted.set(level, set);
  }
  const out: AreaRing[] = [];
  for (const [level, set] of wanted) for (const r of rings[level]) if (set.has(r.code)) out.push(r);
  return out;
}

/** Characters for the label font atlas: printable ASCII plus every character of `names`, sorted, unique. */
export function labelCharset(names: Iterable<string>): string {
  const chars = new Set<string>();
  for (let c = 32; c < 127; c++) chars.add(String.fromCharCode(c));
  for (const name of names) for (const ch of name) chars.add(ch);
  return [...chars].sort().join('');
}
