/** CSS colour strings of the painter ('#rrggbb' or 'rgba(r,g,b,a)') as numbers. Pure. */

/** Red, green, blue 0–1 and alpha 0–1. */
export interface Rgba01 {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** Parses '#rgb', '#rrggbb' or 'rgb(a)(r, g, b[, a])'; throws on anything else (a programmer error). */
export function parseColour(css: string): Rgba01 {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return {
      r: parseInt(h.slice(0, 2), 16) / 255,
      g: parseInt(h.slice(2, 4), 16) / 255,
      b: parseInt(h.slice(4, 6), 16) / 255,
      a: 1,
    };
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(css);
  if (fn) {
    return { r: Number(fn[1]) / 255, g: Number(fn[2]) / 255, b: Number(fn[3]) / 255, a: fn[4] === undefined ? 1 : Number(fn[4]) };
  }
  throw new Error(`unsupported colour ${css}`);
}
