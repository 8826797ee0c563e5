import { describe, expect, it } from 'vitest';
import { BIVARIATE_HEX, hexToRgb } from '../lib/palettes';
import {
  MAX_RADIUS,
  buildBivariatePicture,
  buildOverlayPicture,
  fixedClass,
  niceFloor,
  symbolRadius,
  upgradingCategory,
  type OverlayData,
} from './overlays';
import { DEFAULT_OVERLAYS, type Overlays } from './view-state';

const data: OverlayData = {
  key: 'k1',
  level: 'kelurahan',
  areas: {
    kb: [
      { code: 'a', name: 'A', size: 400, value: 0.5, suppressed: false },
      { code: 'b', name: 'B', size: 100, value: 0.9, suppressed: false },
      { code: 'c', name: 'C', size: null, value: null, suppressed: true },
      { code: 'd', name: 'D', size: 0, value: null, suppressed: false },
    ],
    convergence: [
      { code: 'a', name: 'A', size: 30, value: 0.1, suppressed: false },
      { code: 'b', name: 'B', size: 50, value: 0.3, suppressed: false },
      { code: 'c', name: 'C', size: null, value: null, suppressed: true },
    ],
  },
  upgrading: [
    { code: 'r1', kumuh: 'berat', stage: 'cip', status: 'selesai', year: 2022 },
    { code: 'r2', kumuh: 'ringan', stage: null, status: null, year: null },
  ],
  years: [2021, 2022],
  bivariate: null,
  combinations: null,
};

const with_ = (layers: Overlays['layers']): Overlays => ({ ...DEFAULT_OVERLAYS, layers });

describe('overlay classes and sizes', () => {
  it('puts a value in the lower class on a bound and nowhere below the first bound', () => {
    const b = [0, 0.2, 0.4, 1];
    expect([0, 0.1, 0.2, 0.3, 1, 1.5].map((v) => fixedClass(v, b))).toEqual([0, 0, 0, 1, 2, 2]);
    expect(fixedClass(0.1, [0.15, 0.25, 1])).toBeNull();
  });

  it('scales symbol area with the value (radius with its square root)', () => {
    expect(symbolRadius(400, 400, 10)).toBe(10);
    expect(symbolRadius(100, 400, 10)).toBe(5);
    expect(symbolRadius(0, 400, 10)).toBe(0);
    expect(symbolRadius(0.01, 400, 10)).toBe(1.5); // never vanishes below the minimum
    expect([niceFloor(4321), niceFloor(2500), niceFloor(1999), niceFloor(0)]).toEqual([2000, 2000, 1000, 0]);
  });

  it('names upgrading steps', () => {
    expect(upgradingCategory({ stage: null, status: null })).toBe('none');
    expect(upgradingCategory({ stage: 'cip', status: 'rencana' })).toBe('planned');
    expect(upgradingCategory({ stage: 'cap', status: 'selesai' })).toBe('cap');
    expect(upgradingCategory({ stage: 'cip', status: 'berjalan' })).toBe('cip');
    expect(upgradingCategory({ stage: 'cip', status: 'selesai' })).toBe('done');
  });
});

describe('buildOverlayPicture', () => {
  it('keeps the view order and opacity, and a legend per layer', () => {
    const p = buildOverlayPicture(data, with_([{ id: 'upgrading', opacity: 100 }, { id: 'kb', opacity: 40 }]));
    expect(p.layers.map((l) => [l.id, l.kind, l.opacity])).toEqual([
      ['upgrading', 'outlines', 1],
      ['kb', 'symbols', 0.4],
    ]);
    expect(p.legends.map((l) => l.id)).toEqual(['upgrading', 'kb']);
  });

  it('draws no symbol for suppressed or empty areas and counts them in the legend', () => {
    const p = buildOverlayPicture(data, with_([{ id: 'kb', opacity: 100 }]));
    const layer = p.layers[0]!;
    expect(layer.kind).toBe('symbols');
    if (layer.kind !== 'symbols') return;
    // Largest first; the largest gets the level's maximum radius.
    expect(layer.items.map((i) => [i.code, i.radius])).toEqual([
      ['a', MAX_RADIUS.kelurahan],
      ['b', MAX_RADIUS.kelurahan / 2],
    ]);
    const legend = p.legends[0]!;
    expect(legend.kind === 'symbols' && [legend.shown, legend.suppressed, legend.classes.map((c) => c.count)]).toEqual([2, 1, [0, 0, 1, 0, 1]]);
    // a: 50 % is in class 2 (40–60 %), b: 90 % in class 4; colours are the legend's.
    if (legend.kind === 'symbols') expect(layer.items[0]!.color.slice(0, 3)).toEqual([...hexToRgb(legend.classes[2]!.hex)]);
  });

  it('hatches only areas from 15 % of desil 1 unreached, and says KB has no leakage', () => {
    const p = buildOverlayPicture(data, with_([{ id: 'convergence', opacity: 100 }, { id: 'leakage', opacity: 100 }]));
    expect(p.layers).toHaveLength(1);
    const hatch = p.layers[0]!;
    expect(hatch.kind === 'hatch' && hatch.items.map((i) => i.code)).toEqual(['b']);
    const leak = p.legends[1]!;
    expect(leak.kind === 'symbols' && leak.notApplicable).toBe(true);
  });

  it('draws nothing before data arrive', () => {
    expect(buildOverlayPicture(null, with_([{ id: 'kb', opacity: 100 }]))).toEqual({ layers: [], legends: [] });
  });
});

describe('buildBivariatePicture', () => {
  it('colours classed areas from the 3 × 3 palette and lists high-need low-coverage areas by rank', () => {
    const row = (code: string, nc: number | null, cc: number | null, rank: number | null, suppressed = false) => ({
      code, name: code, need: 0, coverage: 0, suppressed, needClass: nc, coverageClass: cc, hnlcRank: rank,
    });
    const p = buildBivariatePicture(
      { rows: [row('a', 2, 0, 2), row('b', 0, 2, null), row('c', 2, 0, 1), row('d', null, null, null, true), row('e', null, null, null)], needBounds: [1, 2], coverageBounds: [0.3, 0.6] },
      'k',
    );
    expect(p.fill.get('a')!.slice(0, 3)).toEqual([...hexToRgb(BIVARIATE_HEX[0]![2])]);
    expect(p.fill.get('b')!.slice(0, 3)).toEqual([...hexToRgb(BIVARIATE_HEX[2]![0])]);
    expect(p.counts[0]![2]).toBe(2);
    expect(p.hnlc.map((r) => r.code)).toEqual(['c', 'a']);
    expect([...p.suppressed]).toEqual(['d']);
    expect(p.noData).toBe(1);
  });
});
