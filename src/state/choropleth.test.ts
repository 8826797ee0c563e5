import { describe, expect, it } from 'vitest';
import { indicator } from '../query/catalogue';
import { buildChoropleth } from './choropleth';
import type { AreaValue } from './use-map-values';

const row = (code: string, value: number | null, suppressed = false): AreaValue => ({
  code,
  name: code,
  parent: '31',
  value,
  suppressed,
});

const rows = [row('a', 0.01), row('b', 0.02), row('c', 0.03), row('d', null, true), row('e', null), row('f', 0.05)];

describe('buildChoropleth', () => {
  it('colours every area with a value, lists suppressed and no-data areas apart', () => {
    const c = buildChoropleth(rows, null, { method: 'quantile', classes: 3, lock: 'none' }, indicator('extreme_poverty_rate'));
    expect([...c.fill.keys()].sort()).toEqual(['a', 'b', 'c', 'f']);
    expect(c.suppressed.map((s) => s.code)).toEqual(['d']);
    expect(c.noData.map((s) => s.code)).toEqual(['e']);
    expect(c.counts.reduce((s, n) => s + n, 0)).toBe(4);
    expect(c.colors).toHaveLength(c.breaks.k);
  });

  it('gives the highest value the darkest colour when higher is worse, the lightest when better', () => {
    const worse = buildChoropleth(rows, null, { method: 'equal', classes: 3, lock: 'none' }, indicator('extreme_poverty_rate'));
    const better = buildChoropleth(rows, null, { method: 'equal', classes: 3, lock: 'none' }, indicator('kb_coverage'));
    const lum = (rgba: readonly number[]) => 0.2126 * rgba[0]! + 0.7152 * rgba[1]! + 0.0722 * rgba[2]!;
    expect(lum(worse.fill.get('f')!)).toBeLessThan(lum(worse.fill.get('a')!));
    expect(lum(better.fill.get('f')!)).toBeGreaterThan(lum(better.fill.get('a')!));
  });

  it('keeps locked manual breaks and puts outliers in the end classes', () => {
    const c = buildChoropleth(rows, null, { method: 'quantile', classes: 3, lock: { manual: [0.015, 0.02, 0.025, 0.04] } }, indicator('extreme_poverty_rate'));
    expect(c.breaks.locked).toBe('manual');
    expect(c.breaks.breaks).toEqual([0.015, 0.02, 0.025, 0.04]);
    expect(c.fill.get('a')).toEqual(c.fill.get('b')); // 0.01 below the first bound: first class
    const last = c.colors[c.breaks.k - 1]!;
    const hex = (rgba: readonly number[]) => `#${rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0')).join('')}`;
    expect(hex(c.fill.get('f')!)).toBe(last); // 0.05 above the last bound: last class
  });

  it('locks to province values when asked, so filtering does not move the breaks', () => {
    const province = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
    const a = buildChoropleth(rows.slice(0, 2), province, { method: 'equal', classes: 5, lock: 'province' }, indicator('extreme_poverty_rate'));
    const b = buildChoropleth(rows, province, { method: 'equal', classes: 5, lock: 'province' }, indicator('extreme_poverty_rate'));
    expect(a.breaks.breaks).toEqual(b.breaks.breaks);
    expect(a.breaks.locked).toBe('province');
  });

  it('changes the fill key exactly when the colours change', () => {
    const s = { method: 'quantile' as const, classes: 3, lock: 'none' as const };
    const k1 = buildChoropleth(rows, null, s, indicator('extreme_poverty_rate')).fillKey;
    expect(buildChoropleth(rows, null, s, indicator('extreme_poverty_rate')).fillKey).toBe(k1);
    expect(buildChoropleth([...rows.slice(0, 5), row('f', 0.06)], null, s, indicator('extreme_poverty_rate')).fillKey).not.toBe(k1);
  });
});
