/**
 * Draws a briefing page through a small painter interface, in mm and points, so that the screen
 * (SVG), the PNG (canvas) and the PDF (pdf-lib) are the same drawing. Pure given the painter.
 */
import type { BriefingDoc } from './briefing-doc';
import { FONT, MM_PER_PT, type Box, type BriefingLayout } from './layout';

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

/** `text` shortened with an ellipsis to fit `max` mm. */
export function fitText<I>(p: Painter<I>, text: string, max: number, size: number, bold = false): string {
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
export function wrapText<I>(p: Painter<I>, text: string, max: number, size: number, bold = false, maxLines = Infinity): string[] {
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

function paintLegend<I>(p: Painter<I>, doc: BriefingDoc, box: Box, columns: number): void {
  const { legend } = doc;
  const noteW = Math.min(p.measure(legend.note, FONT.small, false), box.w / 2);
  const y0 = heading(p, legend.title, { ...box, w: box.w - noteW - 3 });
  p.text(fitText(p, legend.note, noteW, FONT.small), box.x + box.w, box.y + FONT.heading * MM_PER_PT * ASCENT, {
    size: FONT.small,
    color: MUTED,
    align: 'right',
  });
  const perColumn = Math.ceil(legend.rows.length / columns);
  const colW = box.w / columns;
  const rowH = Math.min(4.4, (box.y + box.h - y0) / Math.max(1, perColumn));
  legend.rows.forEach((row, i) => {
    const x = box.x + Math.floor(i / perColumn) * colW;
    const y = y0 + (i % perColumn) * rowH;
    const swatch = { x, y: y + 0.4, w: 6, h: 3.2 };
    p.rect(swatch, row.fill);
    if (row.hatch) hatch(p, swatch, row.hatch);
    p.rect(swatch, null, 'rgba(0,0,0,0.35)', 0.15);
    const max = colW - 9;
    const full = `${row.label} (${row.count})`;
    const text = p.measure(full, FONT.body, false) <= max ? full : fitText(p, `${row.label} (${row.countShort})`, max, FONT.body);
    p.text(text, x + 8, y + 3.1, { size: FONT.body, color: INK });
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

/** Draws the whole page (on the painter's white page): header, map with north arrow and scale bar, legend, figures, table, chart, footer. */
export function paintBriefing<I>(p: Painter<I>, doc: BriefingDoc, layout: BriefingLayout, pics: PagePictures<I>): void {
  paintHeader(p, doc, layout.header, pics.logo);
  paintMap(p, doc, layout.map, pics);
  paintLegend(p, doc, layout.legend, layout.legendColumns);
  paintFigures(p, doc, layout.figures, layout.figureColumns);
  paintTable(p, doc, layout.table);
  if (!pics.skipChart) paintChart(p, doc, layout.chart);
  else heading(p, doc.chart.title, layout.chart);
  paintFooter(p, doc, layout.footer);
}
