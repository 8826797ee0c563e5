/**
 * deck.gl layers of the intervention overlays, drawn above the choropleth and its outlines and
 * below the selection and labels: proportional symbols at area label points, outlines over a
 * white halo, and a hatch at the opposite angle of the suppressed-area hatch. Not pickable, so
 * hover and click still reach the areas underneath.
 */
import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { MapOverlay, OverlayHatch, OverlayOutline, OverlaySymbol } from '../../state/overlays';
import type { AreaPolygon, AreaRing, LonLat } from './areas';
import { HatchLayer } from './hatch-layer';
import type { MapGeometry, Rgba } from './layers';

export type { MapOverlay } from '../../state/overlays';

/** Symbol outline colour (dark, thin: reads on light and dark fills). */
export const SYMBOL_STROKE: Rgba = [40, 40, 40, 230];
/** Halo under overlay outlines. */
export const OUTLINE_HALO: Rgba = [255, 255, 255, 230];

interface PlacedSymbol extends OverlaySymbol {
  readonly position: LonLat;
}

interface StyledRing {
  readonly path: LonLat[];
  readonly color: Rgba;
  readonly width: number;
}

interface StyledPolygon {
  readonly polygon: LonLat[][];
  readonly color: Rgba;
}

/** Area label points per level, by code (the symbol centres; computed once per geometry). */
export function anchorIndex(geometry: MapGeometry): Map<string, LonLat> {
  const out = new Map<string, LonLat>();
  for (const anchors of Object.values(geometry.anchors)) {
    for (const a of anchors) out.set(a.code, a.position);
  }
  return out;
}

function placeSymbols(items: readonly OverlaySymbol[], anchors: ReadonlyMap<string, LonLat>): PlacedSymbol[] {
  const out: PlacedSymbol[] = [];
  for (const s of items) {
    const position = anchors.get(s.code);
    if (position) out.push({ ...s, position });
  }
  return out;
}

function styleRings(items: readonly OverlayOutline[], rings: readonly AreaRing[]): StyledRing[] {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const out: StyledRing[] = [];
  // Keep the items' order (thick first) by walking them, not the rings.
  const ringsByCode = new Map<string, AreaRing[]>();
  for (const r of rings) {
    if (!byCode.has(r.code)) continue;
    const list = ringsByCode.get(r.code) ?? [];
    list.push(r);
    ringsByCode.set(r.code, list);
  }
  for (const item of items) {
    for (const r of ringsByCode.get(item.code) ?? []) out.push({ path: r.path, color: item.color, width: item.width });
  }
  return out;
}

function stylePolygons(items: readonly OverlayHatch[], polygons: readonly AreaPolygon[]): StyledPolygon[] {
  const byCode = new Map(items.map((i) => [i.code, i.color]));
  const out: StyledPolygon[] = [];
  for (const p of polygons) {
    const color = byCode.get(p.code);
    if (color) out.push({ polygon: p.polygon, color });
  }
  return out;
}

/** The hatch of suppressed areas, mirrored (stripes at −45°), so the two patterns never read alike. */
export class CounterHatchLayer<D> extends HatchLayer<D> {
  static override layerName = 'CounterHatchLayer';

  override getShaders(type: 'top' | 'side'): unknown {
    const shaders = super.getShaders(type) as { inject?: Record<string, string> };
    const inject = { ...shaders.inject };
    const body = inject['fs:DECKGL_FILTER_COLOR'];
    if (body) inject['fs:DECKGL_FILTER_COLOR'] = body.replace('gl_FragCoord.x + gl_FragCoord.y', 'gl_FragCoord.x - gl_FragCoord.y + 100000.0');
    return { ...shaders, inject };
  }
}

/** Derived geometry an overlay list needs: label points by code (memoize per geometry). */
export interface OverlayGeometry {
  readonly geometry: MapGeometry;
  readonly anchors: ReadonlyMap<string, LonLat>;
}

/** An overlay with its items placed on the geometry (memoize on overlays and geometry). */
export type PreparedOverlay =
  | { readonly kind: 'symbols'; readonly id: string; readonly key: string; readonly opacity: number; readonly data: readonly PlacedSymbol[] }
  | { readonly kind: 'outlines'; readonly id: string; readonly key: string; readonly opacity: number; readonly data: readonly StyledRing[] }
  | { readonly kind: 'hatch'; readonly id: string; readonly key: string; readonly opacity: number; readonly data: readonly StyledPolygon[] };

/** Places every overlay's items: symbols at label points, outlines on rings, hatches on polygons. */
export function prepareOverlays(overlays: readonly MapOverlay[], g: OverlayGeometry): PreparedOverlay[] {
  return overlays.map((o): PreparedOverlay => {
    const base = { id: `overlay-${o.id}`, key: o.key, opacity: o.opacity };
    if (o.kind === 'symbols') return { ...base, kind: 'symbols', data: placeSymbols(o.items, g.anchors) };
    if (o.kind === 'outlines') return { ...base, kind: 'outlines', data: styleRings(o.items, g.geometry.rings[o.level]) };
    return { ...base, kind: 'hatch', data: stylePolygons(o.items, g.geometry.polygons[o.level]) };
  });
}

/** deck.gl layers of prepared overlays, in list order (the first drawn lowest). Ids are `overlay-<id>…`. */
export function buildOverlayLayers(prepared: readonly PreparedOverlay[]): Layer[] {
  const layers: Layer[] = [];
  for (const o of prepared) {
    const { id } = o;
    if (o.kind === 'symbols') {
      layers.push(
        new ScatterplotLayer<PlacedSymbol>({
          id,
          data: o.data,
          getPosition: (d) => d.position,
          getRadius: (d) => d.radius,
          getFillColor: (d) => d.color,
          getLineColor: SYMBOL_STROKE,
          radiusUnits: 'pixels',
          lineWidthUnits: 'pixels',
          getLineWidth: 1,
          stroked: true,
          filled: true,
          opacity: o.opacity,
          updateTriggers: { getRadius: o.key, getFillColor: o.key },
        }),
      );
    } else if (o.kind === 'outlines') {
      layers.push(
        new PathLayer<StyledRing>({
          id: `${id}-halo`,
          data: o.data,
          getPath: (d) => d.path,
          getColor: OUTLINE_HALO,
          getWidth: (d) => d.width + 2,
          widthUnits: 'pixels',
          jointRounded: true,
          opacity: o.opacity,
          updateTriggers: { getWidth: o.key },
        }),
        new PathLayer<StyledRing>({
          id,
          data: o.data,
          getPath: (d) => d.path,
          getColor: (d) => d.color,
          getWidth: (d) => d.width,
          widthUnits: 'pixels',
          jointRounded: true,
          opacity: o.opacity,
          updateTriggers: { getColor: o.key, getWidth: o.key },
        }),
      );
    } else {
      layers.push(
        new CounterHatchLayer<StyledPolygon>({
          id,
          data: o.data,
          getPolygon: (d) => d.polygon,
          getFillColor: (d) => d.color,
          opacity: o.opacity,
          updateTriggers: { getFillColor: o.key },
        }),
      );
    }
  }
  return layers;
}
