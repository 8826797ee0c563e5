import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createMapGeometry, buildLayers, type MapBoundaries } from './layers';
import { labelCharset } from './areas';
import { anchorIndex, buildOverlayLayers, prepareOverlays, type MapOverlay } from './overlay-layers';

const square = (x: number, y: number): number[][][] => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];
const fc = (prop: string, codes: string[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: codes.map((code, i) => ({ type: 'Feature', properties: { [prop]: code, rw_number: i + 1 }, geometry: { type: 'Polygon', coordinates: square(i * 2, 0) } })),
});
const boundaries: MapBoundaries = {
  kota: fc('kota_code', ['31.71']),
  kecamatan: fc('kecamatan_code', ['31.71.01']),
  kelurahan: fc('kelurahan_code', ['31.71.01.1001', '31.71.01.1002']),
  rw: fc('rw_code', ['31.71.01.1001.001', '31.71.01.1001.002']),
};
const geometry = createMapGeometry(boundaries);
const g = { geometry, anchors: anchorIndex(geometry) };

const overlays: MapOverlay[] = [
  { kind: 'outlines', id: 'upgrading', level: 'rw', opacity: 1, key: 'u', items: [{ code: '31.71.01.1001.002', color: [0, 0, 0, 255], width: 4 }] },
  {
    kind: 'symbols',
    id: 'kb',
    level: 'kelurahan',
    opacity: 0.5,
    key: 'k',
    items: [
      { code: '31.71.01.1002', radius: 8, color: [1, 2, 3, 255] },
      { code: '31.71.99.9999', radius: 3, color: [1, 2, 3, 255] },
    ],
  },
  { kind: 'hatch', id: 'convergence', level: 'kelurahan', opacity: 1, key: 'c', items: [{ code: '31.71.01.1001', color: [9, 9, 9, 255] }] },
];

describe('overlay layers', () => {
  it('places symbols at label points and drops codes without geometry', () => {
    const [, kb] = prepareOverlays(overlays, g);
    expect(kb!.kind).toBe('symbols');
    expect(kb!.data).toHaveLength(1);
    const placed = kb!.data[0] as { position: [number, number] };
    // Kelurahan 2 is the unit square at x = 2…3: its label point is its centre.
    expect(placed.position[0]).toBeCloseTo(2.5, 6);
    expect(placed.position[1]).toBeCloseTo(0.5, 6);
  });

  it('puts outlines on the rings and hatches on the polygons of the named areas only', () => {
    const [up, , conv] = prepareOverlays(overlays, g);
    expect(up!.data).toHaveLength(1);
    expect((up!.data[0] as { path: [number, number][] }).path[0]).toEqual([2, 0]);
    expect(conv!.data).toHaveLength(1);
    expect((conv!.data[0] as { polygon: [number, number][][] }).polygon[0]![0]).toEqual([0, 0]);
  });

  it('draws overlays in order, above the outlines and below the selection and labels', () => {
    const layers = buildOverlayLayers(prepareOverlays(overlays, g));
    expect(layers.map((l) => l.id)).toEqual(['overlay-upgrading-halo', 'overlay-upgrading', 'overlay-kb', 'overlay-convergence']);
    expect(layers.every((l) => !l.props.pickable)).toBe(true);
    const all = buildLayers({
      geometry,
      level: 'kelurahan',
      parent: null,
      fill: new Map(),
      fillKey: '',
      suppressed: new Set(),
      suppressedKey: '',
      highlightedRings: [],
      selectedRings: [],
      labels: [],
      charset: labelCharset([]),
      zoom: 12,
      basemap: false,
      overlays: layers,
    }).map((l) => l.id);
    expect(all.indexOf('overlay-upgrading-halo')).toBe(all.indexOf('outline-kota') + 1);
    expect(all.indexOf('overlay-convergence')).toBe(all.indexOf('highlight') - 1);
  });
});
