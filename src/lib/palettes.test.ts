import { describe, expect, it } from 'vitest';
import {
  isDarkHex,
  BIVARIATE_HEX,
  HATCH_RGB,
  NO_DATA_HEX,
  NO_DATA_RGB,
  PALETTE_IDS,
  SUPPRESSED_HEX,
  bivariateColor,
  classColors,
  hexToRgb,
  isPaletteId,
  lightness,
  paletteFor,
  paletteForIndicator,
  rgbToHex,
} from './palettes';

const ks = [3, 4, 5, 6, 7] as const;

describe('sequential palettes', () => {
  it('has k valid colours for every palette and k = 3..7, hex and rgb agreeing', () => {
    for (const id of PALETTE_IDS) {
      for (const k of ks) {
        const p = paletteFor(id, k);
        expect(p.k).toBe(k);
        expect(p.hex).toHaveLength(k);
        expect(p.rgb).toHaveLength(k);
        expect(new Set(p.hex).size).toBe(k);
        p.hex.forEach((h, i) => {
          expect(h).toMatch(/^#[0-9a-f]{6}$/);
          expect(rgbToHex(p.rgb[i]!)).toBe(h);
        });
      }
    }
  });

  it('gets strictly darker from class 0 up (L* falls by at least 3 per step)', () => {
    for (const id of PALETTE_IDS) {
      for (const k of ks) {
        const l = paletteFor(id, k).rgb.map(lightness);
        for (let i = 1; i < k; i++) expect(l[i - 1]! - l[i]!).toBeGreaterThan(3);
      }
    }
  });

  it('reverses on request and by the higherIsWorse rule', () => {
    const fwd = paletteFor('YlOrRd', 5);
    const rev = paletteFor('YlOrRd', 5, { reverse: true });
    expect(rev.hex).toEqual([...fwd.hex].reverse());
    expect(rev.reversed).toBe(true);
    expect(paletteForIndicator('YlOrRd', 5, true).hex).toEqual(fwd.hex);
    expect(paletteForIndicator('YlOrRd', 5, false).hex).toEqual(rev.hex);
    // higher is worse: the top class is the darkest and reddest
    const top = paletteForIndicator('YlOrRd', 5, true).rgb[4]!;
    expect(top[0]).toBeGreaterThan(top[2]);
  });

  it('clamps k and knows its ids', () => {
    expect(paletteFor('viridis', 2).k).toBe(3);
    expect(paletteFor('viridis', 9).k).toBe(7);
    expect(isPaletteId('cividis')).toBe(true);
    expect(isPaletteId('jet')).toBe(false);
  });

  it('gives colours for a real class count below 3', () => {
    expect(classColors('Purples', 0)).toEqual([]);
    expect(classColors('Purples', 1)).toEqual([paletteFor('Purples', 3).hex[2]]);
    expect(classColors('Purples', 2)).toEqual([
      paletteFor('Purples', 3).hex[0],
      paletteFor('Purples', 3).hex[2],
    ]);
    expect(classColors('Purples', 4)).toEqual(paletteFor('Purples', 4).hex);
  });
});

describe('special colours', () => {
  it('has neutral greys for no data and suppressed, and a darker hatch', () => {
    for (const hex of [NO_DATA_HEX, SUPPRESSED_HEX]) {
      const [r, g, b] = hexToRgb(hex);
      expect(r).toBe(g);
      expect(g).toBe(b);
    }
    expect(NO_DATA_RGB).toEqual([189, 189, 189]);
    expect(lightness(HATCH_RGB)).toBeLessThan(lightness(hexToRgb(SUPPRESSED_HEX)) - 20);
  });

  it('rejects malformed hex', () => {
    expect(() => hexToRgb('red')).toThrow(/#rrggbb/);
  });
});

describe('bivariate 3×3', () => {
  it('is 3×3, lightest at low–low and darkest at high–high', () => {
    expect(BIVARIATE_HEX).toHaveLength(3);
    const l = (x: number, y: number): number => lightness(hexToRgb(bivariateColor(x, y)));
    for (let y = 0; y < 3; y++) {
      expect(BIVARIATE_HEX[y]).toHaveLength(3);
      for (let x = 1; x < 3; x++) expect(l(x, y)).toBeLessThan(l(x - 1, y));
    }
    for (let x = 0; x < 3; x++)
      for (let y = 1; y < 3; y++) expect(l(x, y)).toBeLessThan(l(x, y - 1));
    expect(bivariateColor(0, 0)).toBe('#e8e8e8');
    expect(() => bivariateColor(3, 0)).toThrow();
  });
});

describe('isDarkHex', () => {
  it('asks for white text on dark fills and dark text on light ones', () => {
    expect(isDarkHex('#3b4994')).toBe(true); // the bivariate high-high corner
    expect(isDarkHex('#000000')).toBe(true);
    expect(isDarkHex('#e8e8e8')).toBe(false);
    expect(isDarkHex('#ffffcc')).toBe(false);
  });
});
