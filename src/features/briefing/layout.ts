/** Where each block of the briefing page goes, in millimetres from the page's top-left corner. Pure. */
import type { Orientation } from './briefing-doc';

/** A rectangle in mm. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The page and its blocks, in mm. */
export interface BriefingLayout {
  readonly orientation: Orientation;
  readonly page: { readonly w: number; readonly h: number };
  readonly header: Box;
  readonly map: Box;
  readonly legend: Box;
  /** Columns of the legend rows. */
  readonly legendColumns: number;
  readonly figures: Box;
  /** Figure cards per row. */
  readonly figureColumns: number;
  readonly table: Box;
  readonly chart: Box;
  readonly footer: Box;
}

/** A4 in mm, portrait. */
export const A4 = { w: 210, h: 297 } as const;

/** Font sizes in points. */
export const FONT = {
  title: 18,
  subtitle: 9,
  heading: 8.5,
  body: 7.5,
  table: 7,
  figure: 15,
  small: 6.5,
} as const;

/** Millimetres per typographic point. */
export const MM_PER_PT = 25.4 / 72;

/** The font stack of the page (Helvetica metrics: Liberation Sans / Arial where Helvetica is missing). */
export const FONT_FAMILY = 'Helvetica, Arial, "Liberation Sans", sans-serif';

/** CSS pixels per mm (96 dpi). */
export const CSS_PX_PER_MM = 96 / 25.4;

/** The layout of one orientation. */
export function briefingLayout(orientation: Orientation): BriefingLayout {
  if (orientation === 'landscape') {
    return {
      orientation,
      page: { w: A4.h, h: A4.w },
      header: { x: 10, y: 8, w: 277, h: 20 },
      map: { x: 10, y: 31, w: 150, h: 124 },
      legend: { x: 10, y: 158, w: 150, h: 30 },
      legendColumns: 2,
      figures: { x: 166, y: 31, w: 121, h: 44 },
      figureColumns: 2,
      table: { x: 166, y: 79, w: 121, h: 62 },
      chart: { x: 166, y: 145, w: 121, h: 43 },
      footer: { x: 10, y: 191, w: 277, h: 13 },
    };
  }
  return {
    orientation,
    page: { w: A4.w, h: A4.h },
    header: { x: 10, y: 8, w: 190, h: 22 },
    map: { x: 10, y: 33, w: 190, h: 148 },
    legend: { x: 10, y: 184, w: 190, h: 26 },
    legendColumns: 2,
    figures: { x: 10, y: 212, w: 190, h: 21 },
    figureColumns: 4,
    table: { x: 10, y: 237, w: 108, h: 45 },
    chart: { x: 124, y: 237, w: 76, h: 45 },
    footer: { x: 10, y: 284, w: 190, h: 12 },
  };
}
