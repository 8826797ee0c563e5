import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  declutter,
  featureCode,
  featureName,
  isInParent,
  labelAnchors,
  labelCharset,
  levelOfCode,
  pixelsPerDegree,
  ringsOfCodes,
  selectLabels,
  setKey,
  toAreaPolygons,
  toAreaRings,
  type AreaLevel,
  type LabelAnchor,
} from './areas';
import {
  HATCH_RGBA,
  NO_DATA_RGBA,
  OUTSIDE_RGBA,
  SUPPRESSED_RGBA,
  buildLayers,
  createMapGeometry,
  fillColorOf,
  hatchColorOf,
  outlineVisibility,
  type MapBoundaries,
  type Rgba,
} from './layers';

function square(x: number, y: number, s: number): number[][] {
  return [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ];
}

function feature(properties: Record<string, unknown>, geometry: Geometry): Feature {
  return { type: 'Feature', properties, geometry };
}

function fc(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/** Two kota side by side, each one kecamatan, one kelurahan and two RWs (unit squares of 0.01°). */
function tinyBoundaries(): MapBoundaries {
  const kota = fc([
    feature({ kota_code: '31.71', kota_name: 'Jakarta Pusat' }, { type: 'Polygon', coordinates: [square(106.8, -6.2, 0.02)] }),
    feature({ kota_code: '31.72', kota_name: 'Jakarta Utara' }, { type: 'Polygon', coordinates: [square(106.82, -6.2, 0.02)] }),
  ]);
  const kecamatan = fc([
    feature({ kecamatan_code: '31.71.01', kecamatan_name: 'Gambir' }, { type: 'Polygon', coordinates: [square(106.8, -6.2, 0.02)] }),
    feature({ kecamatan_code: '31.72.01', kecamatan_name: 'Koja' }, { type: 'Polygon', coordinates: [square(106.82, -6.2, 0.02)] }),
  ]);
  const kelurahan = fc([
    feature({ kelurahan_code: '31.71.01.1001', kelurahan_name: 'Gambir' }, { type: 'Polygon', coordinates: [square(106.8, -6.2, 0.02)] }),
    feature({ kelurahan_code: '31.72.01.1001', kelurahan_name: 'Koja' }, { type: 'Polygon', coordinates: [square(106.82, -6.2, 0.02)] }),
  ]);
  const rw = fc([
    feature({ rw_code: '31.71.01.1001.001', rw_number: 1 }, { type: 'Polygon', coordinates: [square(106.8, -6.2, 0.01)] }),
    feature({ rw_code: '31.71.01.1001.002', rw_number: 2 }, { type: 'Polygon', coordinates: [square(106.81, -6.2, 0.01)] }),
    feature({ rw_code: '31.72.01.1001.001', rw_number: 1 }, { type: 'Polygon', coordinates: [square(106.82, -6.2, 0.01)] }),
    feature({ rw_code: '31.72.01.1001.002', rw_number: 2 }, { type: 'Polygon', coordinates: [square(106.83, -6.2, 0.01)] }),
  ]);
  return { kota, kecamatan, kelurahan, rw };
}

describe('feature codes and names', () => {
  it('reads <level>_code and rejects missing or non-string codes', () => {
    expect(featureCode(feature({ kelurahan_code: '31.71.01.1001' }, { type: 'Point', coordinates: [0, 0] }), 'kelurahan')).toBe(
      '31.71.01.1001',
    );
    expect(featureCode(feature({ kelurahan_code: 3171011001 }, { type: 'Point', coordinates: [0, 0] }), 'kelurahan')).toBeNull();
    expect(featureCode(feature({}, { type: 'Point', coordinates: [0, 0] }), 'rw')).toBeNull();
  });

  it('names RWs "RW " + three-digit number and other levels by <level>_name, falling back to the code', () => {
    const point: Geometry = { type: 'Point', coordinates: [0, 0] };
    expect(featureName(feature({ rw_code: '31.71.01.1001.007', rw_number: 7 }, point), 'rw')).toBe('RW 007');
    expect(featureName(feature({ rw_code: '31.71.01.1001.012', rw_number: '12' }, point), 'rw')).toBe('RW 012');
    expect(featureName(feature({ kecamatan_code: '31.71.01', kecamatan_name: 'Gambir' }, point), 'kecamatan')).toBe('Gambir');
    expect(featureName(feature({ kota_code: '31.71' }, point), 'kota')).toBe('31.71');
  });

  it('treats a parent as a dotted prefix, not a string prefix', () => {
    expect(isInParent('31.71.01', '31.71')).toBe(true);
    expect(isInParent('31.71.01.1001.003', '31.71.01.1001')).toBe(true);
    expect(isInParent('31.71', '31.71')).toBe(false);
    expect(isInParent('31.710.01', '31.71')).toBe(false);
    expect(isInParent('31.72.01', null)).toBe(true);
  });

  it('infers the level of a code from its dots', () => {
    expect(levelOfCode('31.71')).toBe('kota');
    expect(levelOfCode('31.71.01')).toBe('kecamatan');
    expect(levelOfCode('31.71.01.1001')).toBe('kelurahan');
    expect(levelOfCode('31.71.01.1001.003')).toBe('rw');
    expect(levelOfCode('31')).toBeNull();
  });
});

describe('polygons, rings and bounds', () => {
  const multi = fc([
    feature(
      { kelurahan_code: 'A.B.C.1' },
      {
        type: 'MultiPolygon',
        coordinates: [[square(0, 0, 2), square(0.5, 0.5, 1)], [square(5, 5, 1).map(([x, y]) => [x!, y!, 12])]],
      },
    ),
    feature({ kelurahan_code: 'A.B.C.1' }, { type: 'Polygon', coordinates: [square(-3, 0, 1)] }),
    feature({ kelurahan_name: 'no code' }, { type: 'Polygon', coordinates: [square(9, 9, 1)] }),
    feature({ kelurahan_code: 'A.B.C.2' }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }),
  ]);

  it('splits multipolygons into one entry per polygon, drops z and skips features without a code or area', () => {
    const polygons = toAreaPolygons(multi, 'kelurahan');
    expect(polygons.map((p) => [p.code, p.polygon.length])).toEqual([
      ['A.B.C.1', 2],
      ['A.B.C.1', 1],
      ['A.B.C.1', 1],
    ]);
    expect(polygons[1]!.polygon[0]![0]).toEqual([5, 5]);
  });

  it('returns every ring, holes included, as an outline path', () => {
    expect(toAreaRings(multi, 'kelurahan')).toHaveLength(4);
  });

  it('bounds an area over all its features and returns null for an unknown code', () => {
    expect(boundsOf(multi, 'A.B.C.1', 'kelurahan')).toEqual([-3, 0, 6, 6]);
    expect(boundsOf(multi, 'A.B.C.9', 'kelurahan')).toBeNull();
  });

  it('collects outline rings for a set of codes at the level each code implies', () => {
    const g = createMapGeometry(tinyBoundaries());
    const rings = ringsOfCodes(g.rings, new Set(['31.72', '31.71.01.1001.002']), 'rw');
    expect(rings.map((r) => r.code).sort()).toEqual(['31.71.01.1001.002', '31.72']);
    expect(ringsOfCodes(g.rings, new Set(), 'rw')).toEqual([]);
  });
});

describe('label anchors', () => {
  it('puts the name of a U-shaped area inside it, not in the notch', () => {
    const u = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    const [a] = labelAnchors(fc([feature({ kota_code: 'U', kota_name: 'U' }, { type: 'Polygon', coordinates: [u] })]), 'kota');
    const [x, y] = a!.position;
    const inNotch = x > 1 && x < 2 && y > 1;
    expect(inNotch).toBe(false);
    expect(x >= 0 && x <= 3 && y >= 0 && y <= 3).toBe(true);
  });

  it('labels a scattered island group at its centre, and merges features of one code', () => {
    const islands = fc([
      feature({ kota_code: '31.01', kota_name: 'Kepulauan Seribu' }, { type: 'Polygon', coordinates: [square(0, 0, 0.1)] }),
      feature({ kota_code: '31.01', kota_name: 'Kepulauan Seribu' }, { type: 'Polygon', coordinates: [square(1, 1, 0.1)] }),
    ]);
    const anchors = labelAnchors(islands, 'kota');
    expect(anchors).toHaveLength(1);
    expect(anchors[0]!.position[0]).toBeCloseTo(0.55, 6);
    expect(anchors[0]!.position[1]).toBeCloseTo(0.55, 6);
    expect(anchors[0]!.width).toBeCloseTo(1.1, 9);
  });

  it('builds a font charset with ASCII and every character of the names', () => {
    const cs = labelCharset(['Kepulauan Seribu', 'Pulau Ṡ']);
    expect(cs).toContain('Ṡ');
    expect(cs).toContain('~');
    expect(new Set(cs).size).toBe(cs.length);
  });
});

describe('default label selection', () => {
  const anchor = (code: string, name: string, level: AreaLevel, lon: number, size: number): LabelAnchor => ({
    code,
    name,
    level,
    position: [lon, -6.2],
    width: size,
    height: size,
  });
  const kota = [anchor('31.71', 'Jakarta Pusat', 'kota', 106.83, 0.1)];
  const areas = [
    anchor('31.71.01.1001', 'Gambir', 'kelurahan', 106.7, 0.02),
    anchor('31.72.01.1001', 'Koja', 'kelurahan', 106.9, 0.02),
  ];

  it('shows only kota names when colouring kota', () => {
    expect(selectLabels({ kota, areas, level: 'kota', parent: null, zoom: 14 }).map((l) => l.code)).toEqual(['31.71']);
  });

  it('adds area names only once the area is wide enough on screen for its name', () => {
    // 0.02° is ~29 px at zoom 10: room for "Koja" (needs ~27 px at 12 px) but not "Gambir" (~40 px).
    expect(0.02 * pixelsPerDegree(10)).toBeCloseTo(29.1, 1);
    expect(selectLabels({ kota, areas, level: 'kelurahan', parent: null, zoom: 9 }).map((l) => l.code)).toEqual(['31.71']);
    expect(selectLabels({ kota, areas, level: 'kelurahan', parent: null, zoom: 10 }).map((l) => l.code)).toEqual([
      '31.71',
      '31.72.01.1001',
    ]);
    expect(selectLabels({ kota, areas, level: 'kelurahan', parent: null, zoom: 14 }).map((l) => l.code)).toEqual([
      '31.71',
      '31.71.01.1001',
      '31.72.01.1001',
    ]);
  });

  it('names only the areas inside the parent', () => {
    expect(selectLabels({ kota, areas, level: 'kelurahan', parent: '31.72', zoom: 14 }).map((l) => l.code)).toEqual([
      '31.71',
      '31.72.01.1001',
    ]);
  });

  it('drops a label that would overlap one placed before it', () => {
    const a = anchor('a', 'Kelurahan Satu', 'kelurahan', 106.8, 1);
    const b = anchor('b', 'Kelurahan Dua', 'kelurahan', 106.8001, 1);
    const far = anchor('c', 'Kelurahan Tiga', 'kelurahan', 106.9, 1);
    expect(declutter([a, b, far], [], 14).map((l) => l.code)).toEqual(['a', 'c']);
    expect(declutter([b, far], [a], 14).map((l) => l.code)).toEqual(['c']);
  });
});

describe('fill colours', () => {
  const red: Rgba = [200, 0, 0, 255];
  const state = {
    parent: '31.71',
    fill: new Map([
      ['31.71.01', red],
      ['31.71.02', red],
      ['31.72.01', red],
    ]),
    suppressed: new Set(['31.71.02', '31.72.01']),
  };

  it('dims areas outside the parent, then shows suppressed, coloured and no-data areas', () => {
    expect(fillColorOf('31.72.01', state)).toEqual(OUTSIDE_RGBA);
    expect(fillColorOf('31.71.02', state)).toEqual(SUPPRESSED_RGBA);
    expect(fillColorOf('31.71.01', state)).toEqual(red);
    expect(fillColorOf('31.71.03', state)).toEqual(NO_DATA_RGBA);
  });

  it('hatches only suppressed areas inside the parent', () => {
    expect(hatchColorOf('31.71.02', state)).toEqual(HATCH_RGBA);
    expect(hatchColorOf('31.72.01', state)[3]).toBe(0);
    expect(hatchColorOf('31.71.01', state)[3]).toBe(0);
  });

  it('keeps suppressed and no-data visibly different', () => {
    expect(SUPPRESSED_RGBA).not.toEqual(NO_DATA_RGBA);
  });

  it('keys a set by its sorted content', () => {
    expect(setKey(new Set(['b', 'a']))).toBe(setKey(new Set(['a', 'b'])));
    expect(setKey(undefined)).toBe('');
  });
});

describe('layer list', () => {
  const geometry = createMapGeometry(tinyBoundaries());
  const base = {
    geometry,
    level: 'rw' as AreaLevel,
    parent: '31.71',
    fill: new Map<string, Rgba>([['31.71.01.1001.001', [10, 20, 30, 255]]]),
    fillKey: 'k1',
    suppressed: new Set(['31.71.01.1001.002']),
    suppressedKey: '31.71.01.1001.002',
    highlightedRings: [],
    selectedRings: [],
    labels: [],
    charset: labelCharset([]),
    zoom: 12,
    basemap: false,
  };

  it('has the same ids in the same order whatever the level', () => {
    const ids = (level: AreaLevel): string[] => buildLayers({ ...base, level }).map((l) => l.id);
    expect(ids('rw')).toEqual(ids('kota'));
    expect(ids('rw')).toEqual([
      'land',
      'choropleth-kota',
      'hatch-kota',
      'choropleth-kecamatan',
      'hatch-kecamatan',
      'choropleth-kelurahan',
      'hatch-kelurahan',
      'choropleth-rw',
      'hatch-rw',
      'outline-rw',
      'outline-kelurahan',
      'outline-kecamatan',
      'outline-kota',
      'highlight',
      'selected-halo',
      'selected',
      'labels-areas',
      'labels-kota',
    ]);
  });

  it('shows and picks only the coloured level, whose colours follow fill, parent and suppression', () => {
    const layers = buildLayers(base);
    const byId = new Map(layers.map((l) => [l.id, l]));
    for (const level of ['kota', 'kecamatan', 'kelurahan'] as const) {
      expect(byId.get(`choropleth-${level}`)!.props.visible).toBe(false);
      expect(byId.get(`choropleth-${level}`)!.props.pickable).toBe(false);
    }
    const rw = byId.get('choropleth-rw')!;
    expect(rw.props.visible).toBe(true);
    expect(rw.props.pickable).toBe(true);
    const getFill = (rw.props as unknown as { getFillColor: (d: { code: string }) => Rgba }).getFillColor;
    expect(geometry.polygons.rw.map((d) => getFill(d))).toEqual([
      [10, 20, 30, 255],
      SUPPRESSED_RGBA,
      OUTSIDE_RGBA,
      OUTSIDE_RGBA,
    ]);
  });

  it('reuses the geometry arrays and changes only the colour trigger when fill changes', () => {
    const a = buildLayers(base).find((l) => l.id === 'choropleth-rw')!;
    const b = buildLayers({ ...base, fillKey: 'k2' }).find((l) => l.id === 'choropleth-rw')!;
    expect(b.props.data).toBe(a.props.data);
    expect(b.props.updateTriggers['getFillColor']).not.toEqual(a.props.updateTriggers['getFillColor']);
    const inactiveA = buildLayers(base).find((l) => l.id === 'choropleth-kelurahan')!;
    const inactiveB = buildLayers({ ...base, fillKey: 'k2' }).find((l) => l.id === 'choropleth-kelurahan')!;
    expect(inactiveB.props.updateTriggers['getFillColor']).toEqual(inactiveA.props.updateTriggers['getFillColor']);
  });

  it('draws finer outlines only at finer levels, kecamatan also when zoomed in', () => {
    expect(outlineVisibility('kota', 9)).toEqual({ kota: true, kecamatan: false, kelurahan: false, rw: false });
    expect(outlineVisibility('kota', 11)).toEqual({ kota: true, kecamatan: true, kelurahan: false, rw: false });
    expect(outlineVisibility('kelurahan', 9)).toEqual({ kota: true, kecamatan: true, kelurahan: true, rw: false });
    expect(outlineVisibility('rw', 9)).toEqual({ kota: true, kecamatan: true, kelurahan: true, rw: true });
  });

  it('hides the land and makes fills translucent over an online basemap', () => {
    const layers = buildLayers({ ...base, basemap: true });
    expect(layers.find((l) => l.id === 'land')!.props.visible).toBe(false);
    expect(layers.find((l) => l.id === 'choropleth-rw')!.props.opacity).toBeLessThan(1);
  });
});
