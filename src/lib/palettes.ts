/**
 * Colour-blind-safe sequential palettes for 3–7 classes, the no-data and suppressed colours, and a
 * 3×3 bivariate scheme. Colours are ColorBrewer 2.0 (Cynthia Brewer, Apache-2.0) schemes, viridis
 * and cividis (sampled evenly), and Joshua Stevens' blue–red bivariate scheme.
 */

/** An sRGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** Sequential palette ids. */
export const PALETTE_IDS = ['YlOrRd', 'YlGnBu', 'Purples', 'viridis', 'cividis'] as const;
/** A sequential palette id. */
export type PaletteId = (typeof PALETTE_IDS)[number];

/** A palette ready to paint k classes: index i colours class i. */
export interface Palette {
  readonly id: PaletteId;
  readonly k: number;
  readonly hex: readonly string[];
  readonly rgb: readonly Rgb[];
  /** true when class 0 gets the darkest colour (higher values lighter). */
  readonly reversed: boolean;
}

// Each scheme per class count, ordered light (low values) to dark (high values).
const SCHEMES: Record<PaletteId, Record<3 | 4 | 5 | 6 | 7, readonly string[]>> = {
  YlOrRd: {
    3: ['#ffeda0', '#feb24c', '#f03b20'],
    4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
    5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
    6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
    7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  },
  YlGnBu: {
    3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
    4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
    5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
    6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
    7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  },
  Purples: {
    3: ['#efedf5', '#bcbddc', '#756bb1'],
    4: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#6a51a3'],
    5: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
    6: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'],
    7: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#4a1486'],
  },
  viridis: {
    3: ['#fde725', '#21918c', '#440154'],
    4: ['#fde725', '#35b779', '#31688e', '#440154'],
    5: ['#fde725', '#5cc863', '#21918c', '#3b528b', '#440154'],
    6: ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'],
    7: ['#fde725', '#90d743', '#35b779', '#21918c', '#31688e', '#443a83', '#440154'],
  },
  cividis: {
    3: ['#fdea45', '#7f7c75', '#002051'],
    4: ['#fdea45', '#a49d78', '#575c6e', '#002051'],
    5: ['#fdea45', '#bbaf71', '#7f7c75', '#3c4d6e', '#002051'],
    6: ['#fdea45', '#caba6a', '#948f78', '#696970', '#2b446e', '#002051'],
    7: ['#fdea45', '#d5c164', '#a49d78', '#7f7c75', '#575c6e', '#1f3e6e', '#002051'],
  },
};

/** Fill for areas without data (neutral grey). */
export const NO_DATA_HEX = '#bdbdbd';
/** Fill for areas below the minimum cell size (light grey, drawn under the hatch). */
export const SUPPRESSED_HEX = '#e0e0e0';
/** Stroke colour of the hatch drawn over suppressed areas. */
export const HATCH_HEX = '#737373';

/** Parses '#rrggbb' into an RGB triple; throws on anything else (programmer error). */
export function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** Formats an RGB triple as lower-case '#rrggbb'. */
export function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Whether white text reads better than near-black on the '#rrggbb' fill (luma of sRGB below 0.45). */
export function isDarkHex(hex: string): boolean {
  const [r, g, b] = hexToRgb(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.45;
}

/** No-data fill as RGB. */
export const NO_DATA_RGB: Rgb = hexToRgb(NO_DATA_HEX);
/** Suppressed fill as RGB. */
export const SUPPRESSED_RGB: Rgb = hexToRgb(SUPPRESSED_HEX);
/** Hatch stroke as RGB. */
export const HATCH_RGB: Rgb = hexToRgb(HATCH_HEX);

/** Type guard for palette ids (e.g. from the indicator catalogue or a URL). */
export function isPaletteId(x: unknown): x is PaletteId {
  return typeof x === 'string' && (PALETTE_IDS as readonly string[]).includes(x);
}

/**
 * The palette for k classes (k clamped to 3–7), light = low values; `reverse` flips it so class 0 is
 * darkest. Throws on an unknown id (programmer error).
 */
export function paletteFor(id: PaletteId, k: number, opts: { reverse?: boolean } = {}): Palette {
  const scheme = SCHEMES[id] as Record<number, readonly string[]> | undefined;
  if (!scheme) throw new Error(`unknown palette ${String(id)}`);
  const kk = Math.min(7, Math.max(3, Math.round(k)));
  const base = scheme[kk]!;
  const hex = opts.reverse ? [...base].reverse() : [...base];
  return { id, k: kk, hex, rgb: hex.map(hexToRgb), reversed: opts.reverse === true };
}

/**
 * The palette for an indicator: when higher is worse, darker/warmer = higher; otherwise reversed so
 * that the worse (lower) values are the darker ones.
 */
export function paletteForIndicator(id: PaletteId, k: number, higherIsWorse: boolean): Palette {
  return paletteFor(id, k, { reverse: !higherIsWorse });
}

/**
 * Colours for an actual class count that may fall below 3 (e.g. all values equal): k ≥ 3 uses the
 * k-class scheme; 1–2 classes take the ends of the 3-class scheme (the darker end when k = 1).
 */
export function classColors(id: PaletteId, k: number, higherIsWorse = true): readonly string[] {
  if (k >= 3) return paletteForIndicator(id, k, higherIsWorse).hex;
  if (k <= 0) return [];
  const three = paletteForIndicator(id, 3, higherIsWorse).hex;
  if (k === 1) return [higherIsWorse ? three[2]! : three[0]!];
  return [three[0]!, three[2]!];
}

/** CIE L* lightness (0–100) of an sRGB colour. */
export function lightness(rgb: Rgb): number {
  const lin = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const y = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

/**
 * Joshua Stevens' 3×3 blue–red bivariate scheme: BIVARIATE_HEX[y][x], x = class of the first
 * variable (towards red), y = class of the second (towards blue); [0][0] is low–low.
 */
export const BIVARIATE_HEX: readonly (readonly [string, string, string])[] = [
  ['#e8e8e8', '#e4acac', '#c85a5a'],
  ['#b0d5df', '#ad9ea5', '#985356'],
  ['#64acbe', '#627f8c', '#574249'],
];

/** Bivariate colour for classes x, y in 0–2, as hex; throws outside that range (programmer error). */
export function bivariateColor(x: number, y: number): string {
  const c = BIVARIATE_HEX[y]?.[x];
  if (c === undefined) throw new Error(`bivariate classes must be 0–2, got ${x}, ${y}`);
  return c;
}
