/** The briefing as a PNG drawn on a 2D canvas at print resolution (browser only). */
import type { BriefingDoc } from './briefing-doc';
import { FONT_FAMILY, type BriefingLayout } from './layout';
import { paintBriefing, type Painter } from './paint';

/** Resolution of the PNG, dots per inch (A4 landscape → 2339 × 1654 px, ≈ 2.1× a 96-dpi screen). */
export const PNG_DPI = 200;

/** Pixel size of the PNG of a layout at `dpi`. */
export function pngSize(layout: BriefingLayout, dpi = PNG_DPI): { width: number; height: number } {
  return { width: Math.round((layout.page.w / 25.4) * dpi), height: Math.round((layout.page.h / 25.4) * dpi) };
}

/** A canvas font string for `size` points at `pxPerPt` pixels per point. */
export function canvasFont(size: number, bold: boolean, pxPerPt: number): string {
  return `${bold ? 'bold ' : ''}${(size * pxPerPt).toFixed(2)}px ${FONT_FAMILY}`;
}

/** A painter over a 2D context whose unit is `pxPerMm` pixels per mm. */
export function canvasPainter(ctx: CanvasRenderingContext2D, pxPerMm: number): Painter<CanvasImageSource> {
  const pxPerPt = (pxPerMm * 25.4) / 72;
  const s = (mm: number): number => mm * pxPerMm;
  return {
    rect(box, fill, stroke, strokeWidth = 0.2) {
      if (fill) {
        ctx.fillStyle = fill;
        ctx.fillRect(s(box.x), s(box.y), s(box.w), s(box.h));
      }
      if (stroke) {
        ctx.strokeStyle = stroke;
        ctx.lineWidth = s(strokeWidth);
        ctx.strokeRect(s(box.x), s(box.y), s(box.w), s(box.h));
      }
    },
    line(x1, y1, x2, y2, color, width) {
      ctx.strokeStyle = color;
      ctx.lineWidth = s(width);
      ctx.beginPath();
      ctx.moveTo(s(x1), s(y1));
      ctx.lineTo(s(x2), s(y2));
      ctx.stroke();
    },
    polygon(points, fill) {
      ctx.fillStyle = fill;
      ctx.beginPath();
      points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(s(x), s(y)) : ctx.lineTo(s(x), s(y))));
      ctx.closePath();
      ctx.fill();
    },
    text(text, x, y, style) {
      ctx.font = canvasFont(style.size, style.bold ?? false, pxPerPt);
      ctx.fillStyle = style.color ?? '#000000';
      ctx.textAlign = style.align ?? 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(text, s(x), s(y));
    },
    measure(text, size, bold) {
      ctx.font = canvasFont(size, bold, pxPerPt);
      return ctx.measureText(text).width / pxPerMm;
    },
    image(image, box) {
      ctx.drawImage(image, s(box.x), s(box.y), s(box.w), s(box.h));
    },
  };
}

/** The pictures of a PNG page. */
export interface CanvasPictures {
  readonly map: CanvasImageSource | null;
  readonly metresPerMm: number;
  readonly logo: { readonly image: CanvasImageSource; readonly aspect: number } | null;
}

/** Draws the page on a new canvas at `dpi` and encodes it as PNG. */
export async function briefingPng(doc: BriefingDoc, layout: BriefingLayout, pics: CanvasPictures, dpi = PNG_DPI): Promise<Blob> {
  const { width, height } = pngSize(layout, dpi);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  paintBriefing(canvasPainter(ctx, dpi / 25.4), doc, layout, pics);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png');
  });
}
