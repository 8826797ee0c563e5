/** deck.gl layer descriptions of the map: cheap to rebuild each render, stable ids, colours via updateTriggers. */
import type { Layer } from '@deck.gl/core';
import { PathLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { FeatureCollection } from 'geojson';
import {
  AREA_LEVELS,
  LABEL_SIZE,
  isInParent,
  labelAnchors,
  toAreaPolygons,
  toAreaRings,
  type AreaLevel,
  type AreaPolygon,
  type AreaRing,
  type LabelAnchor,
} from './areas';
import { HatchLayer } from './hatch-layer';

/** An RGBA colour, channels 0–255. */
export type Rgba = [number, number, number, number];

/** The four boundary files as loaded (GeoJSON FeatureCollections). */
export interface MapBoundaries {
  kota: FeatureCollection;
  kecamatan: FeatureCollection;
  kelurahan: FeatureCollection;
  rw: FeatureCollection;
}

/** Sea (map background), CSS colour. */
export const SEA_HEX = '#cfe2ee';
/** Land under the choropleth (kota polygons). */
export const LAND_RGBA: Rgba = [246, 244, 238, 255];
/** Areas with no value in `fill` (same grey as the legend's no-data swatch). */
export const NO_DATA_RGBA: Rgba = [189, 189, 189, 255];
/** Suppressed areas, under the hatch (same as the legend's suppressed swatch). */
export const SUPPRESSED_RGBA: Rgba = [224, 224, 224, 255];
/** Hatch stripes over suppressed areas. */
export const HATCH_RGBA: Rgba = [115, 115, 115, 255];
/** Areas of the coloured level outside the drilled-into parent: a pale veil over the land. */
export const OUTSIDE_RGBA: Rgba = [238, 236, 230, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

/** Geometry derived once per boundaries object: polygons, rings and label anchors per level. */
export interface MapGeometry {
  readonly polygons: Readonly<Record<AreaLevel, readonly AreaPolygon[]>>;
  readonly rings: Readonly<Record<AreaLevel, readonly AreaRing[]>>;
  readonly anchors: Readonly<Record<AreaLevel, readonly LabelAnchor[]>>;
}

function perLevel<T>(make: (level: AreaLevel) => T): Record<AreaLevel, T> {
  return { kota: make('kota'), kecamatan: make('kecamatan'), kelurahan: make('kelurahan'), rw: make('rw') };
}

/** Derives polygons, rings and label anchors of every level (run once per boundaries). */
export function createMapGeometry(b: MapBoundaries): MapGeometry {
  return {
    polygons: perLevel((l) => toAreaPolygons(b[l], l)),
    rings: perLevel((l) => toAreaRings(b[l], l)),
    anchors: perLevel((l) => labelAnchors(b[l], l)),
  };
}

/** What decides an area's fill. */
export interface FillState {
  readonly parent: string | null;
  readonly fill: ReadonlyMap<string, Rgba>;
  readonly suppressed: ReadonlySet<string>;
}

/** Fill of one area: outside the parent dimmed, suppressed grey, coloured from `fill`, else no-data grey. */
export function fillColorOf(code: string, s: FillState): Rgba {
  if (!isInParent(code, s.parent)) return OUTSIDE_RGBA;
  if (s.suppressed.has(code)) return SUPPRESSED_RGBA;
  return s.fill.get(code) ?? NO_DATA_RGBA;
}

/** Hatch colour of one area: stripes only on suppressed areas inside the parent. */
export function hatchColorOf(code: string, s: FillState): Rgba {
  return isInParent(code, s.parent) && s.suppressed.has(code) ? HATCH_RGBA : TRANSPARENT;
}

/** Which outline layers are drawn for a level and zoom. */
export function outlineVisibility(level: AreaLevel, zoom: number): Record<AreaLevel, boolean> {
  const depth = AREA_LEVELS.indexOf(level);
  return {
    kota: true,
    kecamatan: depth >= 1 || zoom >= 11,
    kelurahan: depth >= 2,
    rw: depth >= 3,
  };
}

interface OutlineStyle {
  readonly color: Rgba;
  readonly width: number;
}

/** Outline colour and width (CSS px) per level, given the coloured level. */
export function outlineStyle(outline: AreaLevel, level: AreaLevel): OutlineStyle {
  switch (outline) {
    case 'kota':
      return { color: [45, 45, 45, 235], width: 2 };
    case 'kecamatan':
      return { color: [70, 70, 70, 190], width: 1.2 };
    case 'kelurahan':
      return level === 'kelurahan' ? { color: [255, 255, 255, 220], width: 0.8 } : { color: [80, 80, 80, 150], width: 0.8 };
    case 'rw':
      return { color: [255, 255, 255, 190], width: 0.5 };
  }
}

/** Everything the layer list is built from. */
export interface LayerInput {
  readonly geometry: MapGeometry;
  readonly level: AreaLevel;
  readonly parent: string | null;
  readonly fill: ReadonlyMap<string, Rgba>;
  /** Changes exactly when `fill` changes. */
  readonly fillKey: string;
  readonly suppressed: ReadonlySet<string>;
  /** Changes exactly when `suppressed` changes (see setKey). */
  readonly suppressedKey: string;
  /** Rings of highlighted areas (memoized by the caller so the array only changes with the set). */
  readonly highlightedRings: readonly AreaRing[];
  readonly selectedRings: readonly AreaRing[];
  readonly labels: readonly LabelAnchor[];
  /** Glyphs of the label font atlas (see labelCharset); a fixed string keeps the atlas from being rebuilt. */
  readonly charset: string;
  /** Current MapLibre zoom. */
  readonly zoom: number;
  /** True when an online basemap is drawn under the layers (land hidden, fills translucent). */
  readonly basemap: boolean;
  /** Overlay layers drawn above the outlines and below highlight, selection and labels. */
  readonly overlays?: readonly Layer[];
}

/** Id of the pickable fill layer of a level. */
export function choroplethId(level: AreaLevel): string {
  return `choropleth-${level}`;
}

const LABEL_FONT = '"Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif';

function ringPath(d: AreaRing): AreaRing['path'] {
  return d.path;
}

function polygonOf(d: AreaPolygon): AreaPolygon['polygon'] {
  return d.polygon;
}

/**
 * The map's deck.gl layers, bottom to top: land, one choropleth and one hatch per level (only the
 * coloured level visible, so switching level never re-tessellates), outlines, overlays, selection,
 * labels.
 */
export function buildLayers(input: LayerInput): Layer[] {
  const { geometry, level } = input;
  const state: FillState = { parent: input.parent, fill: input.fill, suppressed: input.suppressed };
  const outlines = outlineVisibility(level, input.zoom);
  const layers: Layer[] = [
    new SolidPolygonLayer<AreaPolygon>({
      id: 'land',
      data: geometry.polygons.kota,
      getPolygon: polygonOf,
      getFillColor: LAND_RGBA,
      visible: !input.basemap,
    }),
  ];
  for (const l of AREA_LEVELS) {
    const active = l === level;
    // Inactive levels keep a constant trigger so their colours are not recomputed in vain.
    const trigger = active ? [input.parent, input.fillKey, input.suppressedKey] : ['inactive'];
    layers.push(
      new SolidPolygonLayer<AreaPolygon>({
        id: choroplethId(l),
        data: geometry.polygons[l],
        getPolygon: polygonOf,
        getFillColor: (d) => fillColorOf(d.code, state),
        updateTriggers: { getFillColor: trigger },
        opacity: input.basemap ? 0.78 : 1,
        visible: active,
        pickable: active,
      }),
      new HatchLayer<AreaPolygon>({
        id: `hatch-${l}`,
        data: geometry.polygons[l],
        getPolygon: polygonOf,
        getFillColor: (d) => hatchColorOf(d.code, state),
        updateTriggers: { getFillColor: active ? [input.parent, input.suppressedKey] : ['inactive'] },
        visible: active && input.suppressed.size > 0,
      }),
    );
  }
  for (const l of ['rw', 'kelurahan', 'kecamatan', 'kota'] as const) {
    const style = outlineStyle(l, level);
    layers.push(
      new PathLayer<AreaRing>({
        id: `outline-${l}`,
        data: geometry.rings[l],
        getPath: ringPath,
        getColor: style.color,
        getWidth: style.width,
        widthUnits: 'pixels',
        updateTriggers: { getColor: level, getWidth: level },
        visible: outlines[l],
      }),
    );
  }
  layers.push(...(input.overlays ?? []));
  layers.push(
    new PathLayer<AreaRing>({
      id: 'highlight',
      data: input.highlightedRings,
      getPath: ringPath,
      getColor: [25, 25, 25, 255],
      getWidth: 2.5,
      widthUnits: 'pixels',
      jointRounded: true,
    }),
    new PathLayer<AreaRing>({
      id: 'selected-halo',
      data: input.selectedRings,
      getPath: ringPath,
      getColor: [255, 255, 255, 235],
      getWidth: 7,
      widthUnits: 'pixels',
      jointRounded: true,
    }),
    new PathLayer<AreaRing>({
      id: 'selected',
      data: input.selectedRings,
      getPath: ringPath,
      getColor: [0, 0, 0, 255],
      getWidth: 3.5,
      widthUnits: 'pixels',
      jointRounded: true,
    }),
  );
  const kotaLabels = input.labels.filter((a) => a.level === 'kota');
  const areaLabels = input.labels.filter((a) => a.level !== 'kota');
  const text = {
    getPosition: (d: LabelAnchor) => d.position,
    getText: (d: LabelAnchor) => d.name,
    getSize: (d: LabelAnchor) => LABEL_SIZE[d.level],
    getColor: [25, 25, 25, 255] as Rgba,
    fontFamily: LABEL_FONT,
    characterSet: input.charset,
    fontSettings: { sdf: true, fontSize: 48, buffer: 10, radius: 12 },
    outlineWidth: 8,
    outlineColor: [255, 255, 255, 235] as Rgba,
    getTextAnchor: 'middle' as const,
    getAlignmentBaseline: 'center' as const,
  };
  layers.push(
    new TextLayer<LabelAnchor>({ id: 'labels-areas', data: areaLabels, ...text, fontWeight: 'normal' }),
    new TextLayer<LabelAnchor>({ id: 'labels-kota', data: kotaLabels, ...text, fontWeight: 'bold' }),
  );
  return layers;
}
