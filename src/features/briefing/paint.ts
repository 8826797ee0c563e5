/**
 * Draws a briefing page through a small painter interface, in mm and points, so that the screen
 * (SVG), the PNG (canvas) and the PDF (pdf-lib) are the same drawing. Pure given the painter.
 */
import { isLegendNote, type BriefingDoc, type DocBivariate, type DocLegendNote, type DocLegendRow, type DocLegendSection } from './briefing-doc';
import { isDarkHex } from '../../lib/palettes';
import { FONT, MM_PER_PT, OVERLAY_LINE, flowLegend, overlayTextWidth, type Box, type BriefingLayout } from './layout';

/** Text placement: size in points; `y` of a text call is its baseline. */
export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
}

/** A drawing surface in mm; `I` is its kind of image. */
export interface Painter<I> {
  rect(box: Box, fill: string | null, stroke?: string | null, strokeWidth?: number): void;
  line(x1: number, y1: number, x2: number, y2: number, color: string, width: number): void;
  polygon(points: readonly (readonly [number, number])[], fill: string): void;
  text(text: string, x: number, y: number, style: TextStyle): void;
  /** Width of `text` in mm. */
  measure(text: string, size: number, bold: boolean): number;
  image(image: I, box: Box): void;
}

/** The pictures on a page: the map (or null when drawn live beneath, as on screen) and the logo. */
export interface PagePictures<I> {
  readonly map: I | null;
  /** Ground metres per mm of the map box (for the scale bar); NaN = no scale bar. */
  readonly metresPerMm: number;
  readonly logo: { readonly image: I; readonly aspect: number } | null;
  /** Leave the chart box empty (the screen draws it with recharts). */
  readonly skipChart?: boolean;
}

const INK = '#1f1f1f';
const MUTED = '#555555';
const RULE = '#9a9a9a';
const ACCENT = '#1d5f8a';
const BAR_BG = '#e3ebf2';
const CARD = '#f1f5f8';
const NOTICE = '#a0001c';

/** Ascent used to place a line's baseline below its top, as a share of the font size. */
const ASCENT = 0.8;

function lineHeight(size: number): number {
  return size * MM_PER_PT * 1.22;
}

/** What text fitting needs of a painter. */
export type Measurer = Pick<Painter<unknown>, 'measure'>;

/** `text` shortened with an ellipsis to fit `max` mm. */
export function fitText(p: Measurer, text: string, max: number, size: number, bold = false): string {
  if (p.measure(text, size, bold) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (p.measure(`${text.slice(0, mid).trimEnd()}…`, size, bold) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/** Greedy word wrap of `text` into lines of at most `max` mm; at most `maxLines` (the last is ellipsized). */
export function wrapText(p: Measurer, text: string, max: number, size: number, bold = false, maxLines = Infinity): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && p.measure(next, size, bold) > max) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = fitText(p, `${kept[maxLines - 1] ?? ''} ${lines.slice(maxLines).join(' ')}`, max, size, bold);
    return kept;
  }
  return lines.map((l) => fitText(p, l, max, size, bold));
}

/** A round scale-bar length (1, 2 or 5 × 10ⁿ m) no longer than `maxMm`, with its label. */
export function niceScale(metresPerMm: number, maxMm: number, lang: 'id' | 'en'): { mm: number; label: string } | null {
  if (!Number.isFinite(metresPerMm) || metresPerMm <= 0) return null;
  const most = metresPerMm * maxMm;
  const pow = 10 ** Math.floor(Math.log10(most));
  const metres = [5, 2, 1].map((m) => m * pow).find((m) => m <= most) ?? pow;
  const label =
    metres >= 1000
      ? `${(metres / 1000).toLocaleString(lang === 'id' ? 'id-ID' : 'en-US')} km`
      : `${metres.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US')} m`;
  return { mm: metres / metresPerMm, label };
}

function heading<I>(p: Painter<I>, text: string, box: Box): number {
  const y = box.y + FONT.heading * MM_PER_PT * ASCENT;
  p.text(fitText(p, text, box.w, FONT.heading, true), box.x, y, { size: FONT.heading, bold: true, color: INK });
  return box.y + lineHeight(FONT.heading) + 0.8;
}

/** Diagonal hatch lines inside `box`, 1 mm apart (the suppressed-area swatch). */
function hatch<I>(p: Painter<I>, box: Box, color: string): void {
  for (let d = -box.h; d < box.w; d += 1) {
    const t0 = Math.max(0, -d);
    const t1 = Math.min(box.h, box.w - d);
    if (t1 <= t0) continue;
    p.line(box.x + d + t0, box.y + box.h - t0, box.x + d + t1, box.y + box.h - t1, color, 0.15);
  }
}

function paintHeader<I>(p: Painter<I>, doc: BriefingDoc, box: Box, logo: PagePictures<I>['logo']): void {
  let x = box.x;
  if (logo) {
    const h = box.h - 2;
    const w = Math.min(h * logo.aspect, 45);
    const ih = w / logo.aspect;
    p.image(logo.image, { x, y: box.y + (box.h - ih) / 2, w, h: ih });
    x += w + 4;
  }
  const width = box.x + box.w - x;
  let size: number = FONT.title;
  while (size > 11 && p.measure(doc.title, size, true) > width) size -= 0.5;
  const titleY = box.y + size * MM_PER_PT * ASCENT + 0.5;
  p.text(fitText(p, doc.title, width, size, true), x, titleY, { size, bold: true, color: INK });
  const lines = wrapText(p, doc.subtitle, width, FONT.subtitle, false, 2);
  lines.forEach((line, i) => {
    p.text(line, x, titleY + 1.5 + lineHeight(FONT.subtitle) * (i + 1), { size: FONT.subtitle, color: MUTED });
  });
  p.line(box.x, box.y + box.h + 1, box.x + box.w, box.y + box.h + 1, ACCENT, 0.5);
}

function paintMap<I>(p: Painter<I>, doc: BriefingDoc, box: Box, pics: PagePictures<I>): void {
  if (pics.map) p.image(pics.map, box);
  // North arrow, top right.
  const cx = box.x + box.w - 7;
  const top = box.y + 4;
  p.rect({ x: cx - 4, y: top - 1.5, w: 8, h: 13.5 }, 'rgba(255,255,255,0.85)');
  p.polygon(
    [
      [cx, top],
      [cx + 2.6, top + 7],
      [cx, top + 5.6],
      [cx - 2.6, top + 7],
    ],
    INK,
  );
  p.text(doc.north, cx, top + 10.8, { size: FONT.body, bold: true, color: INK, align: 'center' });
  // Scale bar, bottom left.
  const scale = niceScale(pics.metresPerMm, Math.min(40, box.w / 4), doc.lang);
  if (scale) {
    const x = box.x + 3;
    const y = box.y + box.h - 4;
    const labelW = p.measure(scale.label, FONT.small, false);
    p.rect({ x: x - 1.5, y: y - 4.6, w: scale.mm + labelW + 5, h: 7 }, 'rgba(255,255,255,0.85)');
    p.rect({ x, y: y - 0.8, w: scale.mm / 2, h: 1.6 }, INK);
    p.rect({ x: x + scale.mm / 2, y: y - 0.8, w: scale.mm / 2, h: 1.6 }, '#ffffff', INK, 0.2);
    p.text('0', x, y - 1.6, { size: FONT.small, color: INK, align: 'center' });
    p.text(scale.label, x + scale.mm + 1.5, y + 0.9, { size: FONT.small, color: INK });
  }
  p.rect(box, null, RULE, 0.3);
}

/** A legend swatch in `box`: a filled box (optionally hatched), a dot, or a line across. */
function swatch<I>(p: Painter<I>, row: DocLegendRow, box: Box): void {
  if (row.shape === 'line') {
    const y = box.y + box.h / 2;
    const w = row.lineWidth ?? 0.6;
    p.line(box.x, y, box.x + box.w, y, '#ffffff', w + 0.5);
    p.line(box.x, y, box.x + box.w, y, row.fill, w);
    return;
  }
  if (row.shape === 'dot') {
    const r = Math.min(box.w, box.h) / 2;
    const cx = box.x + box.w / 2;
    const cy = box.y + box.h / 2;
    const ring = (radius: number): [number, number][] =>
      Array.from({ length: 24 }, (_, i): [number, number] => [cx + radius * Math.cos((i * Math.PI) / 12), cy + radius * Math.sin((i * Math.PI) / 12)]);
    p.polygon(ring(r), 'rgba(0,0,0,0.45)');
    p.polygon(ring(r - 0.18), row.fill);
    return;
  }
  p.rect(box, row.fill);
  if (row.hatch) hatch(p, box, row.hatch);
  p.rect(box, null, 'rgba(0,0,0,0.35)', 0.15);
}

/** Smallest share of its size a legend row's text shrinks to before its label loses its end. */
const ROW_MIN_SCALE = 0.82;

/**
 * A swatch row's text and size in `max` mm: the long count when it fits; else the short count,
 * at the row's size or a little smaller; only then the label gives way (the count stays whole).
 */
function rowText(p: Measurer, row: DocLegendRow, max: number, size: number): { text: string; size: number } {
  const full = `${row.label} (${row.count})`;
  if (p.measure(full, size, false) <= max) return { text: full, size };
  const short = `${row.label} (${row.countShort})`;
  for (let s = size; s >= size * ROW_MIN_SCALE - 1e-9; s -= 0.25) {
    if (p.measure(short, s, false) <= max) return { text: short, size: s };
  }
  const small = size * ROW_MIN_SCALE;
  const count = ` (${row.countShort})`;
  return { text: `${fitText(p, row.label, max - p.measure(count, small, false), small)}${count}`, size: small };
}

/** Paints a swatch row's text at (x, y) within `max` mm. */
function rowLabel<I>(p: Painter<I>, row: DocLegendRow, x: number, y: number, max: number, size: number): void {
  const fitted = rowText(p, row, max, size);
  p.text(fitted.text, x, y, { size: fitted.size, color: INK });
}

function paintLegend<I>(p: Painter<I>, doc: BriefingDoc, box: Box, columns: number): void {
  const { legend } = doc;
  if (legend.bivariate) {
    paintBivariate(p, legend.title, legend.bivariate, legend.rows, box);
    return;
  }
  // A narrow legend (overlay legends beside it) keeps its title whole and puts the note at the bottom.
  const noteBelow = p.measure(legend.title, FONT.heading, true) + p.measure(legend.note, FONT.small, false) + 3 > box.w;
  const noteW = noteBelow ? 0 : Math.min(p.measure(legend.note, FONT.small, false), box.w / 2);
  const y0 = heading(p, legend.title, { ...box, w: box.w - noteW - (noteBelow ? 0 : 3) });
  const bottom = box.y + box.h - (noteBelow ? lineHeight(FONT.small) : 0);
  if (noteBelow) p.text(fitText(p, legend.note, box.w, FONT.small), box.x, box.y + box.h - 0.6, { size: FONT.small, color: MUTED });
  else {
    p.text(fitText(p, legend.note, noteW, FONT.small), box.x + box.w, box.y + FONT.heading * MM_PER_PT * ASCENT, {
      size: FONT.small,
      color: MUTED,
      align: 'right',
    });
  }
  const perColumn = Math.ceil(legend.rows.length / columns);
  const colW = box.w / columns;
  const rowH = Math.min(4.4, (bottom - y0) / Math.max(1, perColumn));
  legend.rows.forEach((row, i) => {
    const x = box.x + Math.floor(i / perColumn) * colW;
    const y = y0 + (i % perColumn) * rowH;
    swatch(p, row, { x, y: y + 0.4, w: 6, h: 3.2 });
    rowLabel(p, row, x + 8, y + 3.1, colW - 9, FONT.body);
  });
}

/** An arrow from (x1, y1) to (x2, y2) with a filled head at the end. */
function arrow<I>(p: Painter<I>, x1: number, y1: number, x2: number, y2: number): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const head = 1.3;
  p.line(x1, y1, x2 - ux * head, y2 - uy * head, MUTED, 0.25);
  p.polygon(
    [
      [x2, y2],
      [x2 - ux * head - uy * 0.6, y2 - uy * head + ux * 0.6],
      [x2 - ux * head + uy * 0.6, y2 - uy * head - ux * 0.6],
    ],
    MUTED,
  );
}

/**
 * The bivariate square: coverage upwards, need to the right, each cell with its area count; the
 * tercile bounds and the suppressed / no-data rows beside the square, then below it.
 */
function paintBivariate<I>(p: Painter<I>, title: string, biv: DocBivariate, rows: readonly DocLegendRow[], box: Box): void {
  const line = OVERLAY_LINE;
  const cell = 4.5;
  const axisX = box.x + 1.2;
  const gridX = box.x + 3.2;
  let y = heading(p, title, box);
  // y axis: its title above the square.
  p.text(fitText(p, biv.coverage, box.w - 3.2, FONT.small), gridX, y + line * 0.72, { size: FONT.small, color: MUTED });
  y += line;
  const gridTop = y + 0.3;
  const gridBottom = gridTop + 3 * cell;
  arrow(p, axisX, gridBottom + 1.2, axisX, gridTop - 2.6);
  biv.cells.forEach((cells, cy) =>
    cells.forEach((c, cx) => {
      const r = { x: gridX + cx * cell, y: gridTop + (2 - cy) * cell, w: cell, h: cell };
      p.rect(r, c.fill);
      p.text(c.count, r.x + cell / 2, r.y + cell / 2 + 0.8, { size: FONT.small - 1, color: isDarkHex(c.fill) ? '#ffffff' : INK, align: 'center' });
    }),
  );
  p.rect({ x: gridX, y: gridTop, w: 3 * cell, h: 3 * cell }, null, 'rgba(0,0,0,0.35)', 0.15);
  // x axis: an arrow under the square, its title after the arrow.
  const xAxisY = gridBottom + 1.2;
  arrow(p, axisX, xAxisY, gridX + 3 * cell + 1.6, xAxisY);
  const xTitleX = gridX + 3 * cell + 2.6;
  p.text(fitText(p, biv.need, box.x + box.w - xTitleX, FONT.small), xTitleX, xAxisY + 0.8, { size: FONT.small, color: MUTED });

  // Notes and rows: beside the square while they fit, then under the x axis.
  const side = { x: gridX + 3 * cell + 2.6, y: gridTop };
  const besideLines = Math.floor((3 * cell) / line);
  const sideW = box.x + box.w - side.x;
  const items: (DocLegendNote | DocLegendRow)[] = [
    ...biv.notes.flatMap((n) => wrapText(p, n, sideW, FONT.small, false, 2).map((note) => ({ note }))),
    ...rows,
  ];
  items.forEach((item, i) => {
    const beside = i < besideLines;
    const x = beside ? side.x : box.x;
    const top = beside ? side.y + i * line : xAxisY + 1.4 + (i - besideLines) * line;
    if (top + line > box.y + box.h + 0.5) return;
    const w = beside ? sideW : box.w;
    if (isLegendNote(item)) p.text(fitText(p, item.note, w, FONT.small), x, top + line * 0.72, { size: FONT.small, color: MUTED });
    else {
      swatch(p, item, { x, y: top + 0.45, w: 4.5, h: 2.3 });
      rowLabel(p, item, x + 6, top + line * 0.72, w - 6, FONT.small);
    }
  });
}

/**
 * The page with each overlay legend note wrapped to its column (at most two lines), so that the
 * layout counts the lines the page will show; every painter then draws the same lines.
 */
export function fitOverlayNotes(doc: BriefingDoc, p: Measurer, orientation: BriefingLayout['orientation']): BriefingDoc {
  const width = overlayTextWidth(orientation);
  const overlays = doc.legend.overlays.map((section) => ({
    ...section,
    lines: section.lines.flatMap((line): (DocLegendRow | DocLegendNote)[] =>
      isLegendNote(line) ? wrapText(p, line.note, width, FONT.small, false, 2).map((note) => ({ note })) : [line],
    ),
  }));
  return { ...doc, legend: { ...doc.legend, overlays } };
}

/** The overlays' legends flowed into `columns` columns of `perColumn` lines (shrunk when the box is short). */
function paintOverlayLegends<I>(p: Painter<I>, sections: readonly DocLegendSection[], box: Box, columns: number, perColumn: number): void {
  const flow = flowLegend(
    sections.map((s) => s.lines.length + 1),
    perColumn,
  );
  const colW = box.w / columns;
  const lineH = Math.min(OVERLAY_LINE, box.h / Math.max(1, perColumn));
  sections.forEach((section, i) => {
    const at = flow[i] ?? [];
    [null, ...section.lines].forEach((item, j) => {
      const place = at[j];
      if (!place || place.column >= columns) return;
      const x = box.x + place.column * colW;
      const top = box.y + place.row * lineH;
      const base = top + lineH * 0.75;
      const w = colW - 2;
      if (item === null) {
        // Long layer names shrink a little before they lose their end.
        let size: number = FONT.small;
        while (size > 5.5 && p.measure(section.title, size, true) > w) size -= 0.25;
        p.text(fitText(p, section.title, w, size, true), x, base, { size, bold: true, color: INK });
      }
      else if (isLegendNote(item)) p.text(fitText(p, item.note, w, FONT.small), x, base, { size: FONT.small, color: MUTED });
      else {
        swatch(p, item, { x, y: top + (lineH - 2.3) / 2, w: 4.5, h: 2.3 });
        rowLabel(p, item, x + 6, base, w - 6, FONT.small);
      }
    });
  });
}

function paintFigures<I>(p: Painter<I>, doc: BriefingDoc, box: Box, columns: number): void {
  const gap = 2.5;
  const rows = Math.ceil(doc.figures.length / columns);
  const w = (box.w - gap * (columns - 1)) / columns;
  const h = (box.h - gap * (rows - 1)) / rows;
  doc.figures.forEach((f, i) => {
    const x = box.x + (i % columns) * (w + gap);
    const y = box.y + Math.floor(i / columns) * (h + gap);
    p.rect({ x, y, w, h }, CARD);
    p.rect({ x, y, w: 1.2, h }, ACCENT);
    const inner = w - 4.5;
    let size: number = FONT.figure;
    while (size > 9 && p.measure(f.value, size, true) > inner) size -= 0.5;
    const valueY = y + 1.2 + size * MM_PER_PT * ASCENT;
    p.text(f.value, x + 3.2, valueY, { size, bold: true, color: ACCENT });
    const label = wrapText(p, f.label, inner, FONT.body, true, 2);
    label.forEach((l, j) => p.text(l, x + 3.2, valueY + 0.6 + lineHeight(FONT.body) * (j + 1), { size: FONT.body, bold: true, color: INK }));
    const detailY = valueY + 0.6 + lineHeight(FONT.body) * label.length + lineHeight(FONT.small);
    if (detailY < y + h) p.text(fitText(p, f.detail, inner, FONT.small), x + 3.2, detailY, { size: FONT.small, color: MUTED });
  });
}

function paintTable<I>(p: Painter<I>, doc: BriefingDoc, box: Box): void {
  const { table } = doc;
  const top = heading(p, table.title, box);
  const noteH = lineHeight(FONT.small) + 0.6;
  const rowH = Math.min(4.4, (box.y + box.h - top - noteH) / (Math.max(table.rows.length, 10) + 1));
  const rankW = 7;
  const valueW = 24;
  const areaW = box.w - rankW - valueW - 2;
  const base = (i: number): number => top + rowH * i + rowH * 0.72;
  p.text(table.columns[0], box.x + rankW - 1.5, base(0), { size: FONT.table, bold: true, color: MUTED, align: 'right' });
  p.text(table.columns[1], box.x + rankW + 0.5, base(0), { size: FONT.table, bold: true, color: MUTED });
  p.text(table.columns[2], box.x + box.w - 0.5, base(0), { size: FONT.table, bold: true, color: MUTED, align: 'right' });
  p.line(box.x, top + rowH, box.x + box.w, top + rowH, RULE, 0.25);
  table.rows.forEach((r, i) => {
    const y = top + rowH * (i + 1);
    if (i % 2 === 1) p.rect({ x: box.x, y, w: box.w, h: rowH }, '#f4f4f4');
    p.text(r[0], box.x + rankW - 1.5, base(i + 1), { size: FONT.table, color: INK, align: 'right' });
    p.text(fitText(p, r[1], areaW, FONT.table), box.x + rankW + 0.5, base(i + 1), { size: FONT.table, color: INK });
    p.text(r[2], box.x + box.w - 0.5, base(i + 1), { size: FONT.table, bold: true, color: INK, align: 'right' });
  });
  const end = top + rowH * (table.rows.length + 1);
  p.line(box.x, end, box.x + box.w, end, RULE, 0.25);
  p.text(fitText(p, table.note, box.w, FONT.small), box.x, end + lineHeight(FONT.small), { size: FONT.small, color: MUTED });
}

/** The chart's bar geometry (shared by the painted chart and checks in tests). */
export function chartRows(box: Box, n: number): { top: number; rowH: number; labelW: number; valueW: number } {
  const top = box.y + lineHeight(FONT.heading) + 0.8;
  return { top, rowH: Math.min(5, (box.y + box.h - top) / Math.max(1, n)), labelW: 20, valueW: 16 };
}

function paintChart<I>(p: Painter<I>, doc: BriefingDoc, box: Box): void {
  const { chart } = doc;
  heading(p, chart.title, box);
  const { top, rowH, labelW, valueW } = chartRows(box, chart.bars.length);
  const barX = box.x + labelW;
  const barW = box.w - labelW - valueW;
  chart.bars.forEach((bar, i) => {
    const y = top + i * rowH;
    const h = rowH * 0.62;
    const mid = y + rowH / 2;
    p.text(fitText(p, bar.label, labelW - 1.5, FONT.table), box.x, mid + 0.9, { size: FONT.table, color: INK });
    p.rect({ x: barX, y: mid - h / 2, w: barW, h }, BAR_BG);
    if (bar.value !== null) p.rect({ x: barX, y: mid - h / 2, w: barW * Math.max(0, Math.min(1, bar.value)), h }, ACCENT);
    p.text(bar.text, box.x + box.w, mid + 0.9, { size: FONT.table, bold: bar.value !== null, color: INK, align: 'right' });
  });
}

function paintFooter<I>(p: Painter<I>, doc: BriefingDoc, box: Box): void {
  p.line(box.x, box.y, box.x + box.w, box.y, RULE, 0.3);
  let y = box.y + 0.6;
  const next = (size: number): number => (y += lineHeight(size));
  if (doc.syntheticNotice) p.text(doc.syntheticNotice, box.x, next(FONT.small), { size: FONT.small, bold: true, color: NOTICE });
  for (const line of doc.footer) {
    for (const part of wrapText(p, line, box.w, FONT.small, false, 2)) p.text(part, box.x, next(FONT.small), { size: FONT.small, color: MUTED });
  }
}

/** Draws the whole page (on the painter's white page): header, map with north arrow and scale bar, legends, figures, table, chart, footer. */
export function paintBriefing<I>(p: Painter<I>, doc: BriefingDoc, layout: BriefingLayout, pics: PagePictures<I>): void {
  paintHeader(p, doc, layout.header, pics.logo);
  paintMap(p, doc, layout.map, pics);
  paintLegend(p, doc, layout.legend, layout.legendColumns);
  if (layout.overlayLegend && doc.legend.overlays.length > 0) {
    paintOverlayLegends(p, doc.legend.overlays, layout.overlayLegend, layout.overlayColumns, layout.overlayLinesPerColumn);
  }
  paintFigures(p, doc, layout.figures, layout.figureColumns);
  paintTable(p, doc, layout.table);
  if (!pics.skipChart) paintChart(p, doc, layout.chart);
  else heading(p, doc.chart.title, layout.chart);
  paintFooter(p, doc, layout.footer);
}
