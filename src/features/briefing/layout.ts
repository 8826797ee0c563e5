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
  /** The main legend (indicator classes or the bivariate square). */
  readonly legend: Box;
  /** Columns of the legend rows. */
  readonly legendColumns: number;
  /** The overlay legends, right of the main legend; null when no overlay is on. */
  readonly overlayLegend: Box | null;
  /** Columns of the overlay legends. */
  readonly overlayColumns: number;
  /** Lines of the overlay legends per column. */
  readonly overlayLinesPerColumn: number;
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

/** Height of one line of the overlay legends, mm. */
export const OVERLAY_LINE = 3.2;
/** Width of one column of the overlay legends, mm. */
const OVERLAY_COLUMN_W = { landscape: 46, portrait: 42 } as const;
/** Overlay legend columns per orientation. */
const OVERLAY_COLUMNS = { landscape: 2, portrait: 3 } as const;
/** Most the legend may grow into the map for overlay legends, mm. */
const MAX_LEGEND_GROWTH = { landscape: 36, portrait: 48 } as const;

/** Width of the text in an overlay legend column, mm. */
export function overlayTextWidth(orientation: Orientation): number {
  return OVERLAY_COLUMN_W[orientation] - 2;
}

/**
 * Where each line of the overlay legends goes when `perColumn` lines fit in a column: sections
 * (given as their line counts, title included) flow down and on to the next column; a section
 * that would not fit in what is left of a column starts a new one unless it is taller than a column.
 */
export function flowLegend(sectionLines: readonly number[], perColumn: number): { column: number; row: number }[][] {
  const per = Math.max(1, perColumn);
  let column = 0;
  let row = 0;
  return sectionLines.map((n) => {
    if (row > 0 && per - row < Math.min(n, per)) {
      column++;
      row = 0;
    }
    const at: { column: number; row: number }[] = [];
    for (let i = 0; i < n; i++) {
      if (row >= per) {
        column++;
        row = 0;
      }
      at.push({ column, row });
      row++;
    }
    return at;
  });
}

/** Columns that {@link flowLegend} fills. */
export function flowColumns(sectionLines: readonly number[], perColumn: number): number {
  const flow = flowLegend(sectionLines, perColumn);
  return flow.reduce((most, at) => Math.max(most, ...at.map((a) => a.column + 1)), 0);
}

/**
 * The layout of one orientation. `overlaySections` lists the line count of each overlay legend:
 * when there are any, they take columns right of the main legend, and the legend grows into
 * the map (up to a limit) until they fit.
 */
export function briefingLayout(orientation: Orientation, overlaySections: readonly number[] = []): BriefingLayout {
  const base = baseLayout(orientation);
  if (overlaySections.length === 0) return base;
  const columns = OVERLAY_COLUMNS[orientation];
  const fits = Math.floor(base.legend.h / OVERLAY_LINE);
  // Room for the tallest section in one column when the growth allows, so no legend breaks.
  const most = fits + Math.floor(MAX_LEGEND_GROWTH[orientation] / OVERLAY_LINE);
  let per = Math.max(fits, Math.min(Math.max(...overlaySections), most));
  while (flowColumns(overlaySections, per) > columns) per++;
  const grow = Math.min(MAX_LEGEND_GROWTH[orientation], (per - fits) * OVERLAY_LINE);
  const width = OVERLAY_COLUMN_W[orientation] * columns;
  const legend = { x: base.legend.x, y: base.legend.y - grow, w: base.legend.w - width - 4, h: base.legend.h + grow };
  return {
    ...base,
    map: { ...base.map, h: base.map.h - grow },
    legend,
    legendColumns: 1,
    overlayLegend: { x: legend.x + legend.w + 4, y: legend.y, w: width, h: legend.h },
    overlayColumns: columns,
    overlayLinesPerColumn: per,
  };
}

function baseLayout(orientation: Orientation): BriefingLayout {
  const none = { overlayLegend: null, overlayColumns: 0, overlayLinesPerColumn: 0 };
  if (orientation === 'landscape') {
    return {
      ...none,
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
    ...none,
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
