/**
 * The briefing as a one-page A4 PDF with pdf-lib: text as real PDF text in Helvetica, the map and
 * logo as embedded PNG images. Runs in the browser and in Node (no DOM), entirely offline.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { BriefingDoc } from './briefing-doc';
import { parseColour } from './colour';
import type { BriefingLayout } from './layout';
import { paintBriefing, type Painter, type TextStyle } from './paint';

/** PDF points per mm. */
const PT_PER_MM = 72 / 25.4;

/** Replacements for characters that Helvetica's WinAnsi encoding lacks. */
const FALLBACK: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '−': '-',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
};

/** `text` restricted to what `font` can encode: known substitutes, else '?'. */
export function encodable(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (charset.has(cp)) out += ch;
    else out += FALLBACK[ch] ?? '?';
  }
  return out;
}

function colour(css: string): { color: ReturnType<typeof rgb>; opacity: number } {
  const c = parseColour(css);
  return { color: rgb(c.r, c.g, c.b), opacity: c.a };
}

function pdfPainter(page: PDFPage, regular: PDFFont, bold: PDFFont, pageH: number): Painter<PDFImage> {
  const charsets = new Map<PDFFont, Set<number>>([
    [regular, new Set(regular.getCharacterSet())],
    [bold, new Set(bold.getCharacterSet())],
  ]);
  const safe = (text: string, font: PDFFont): string => encodable(text, charsets.get(font) ?? new Set());
  const X = (mm: number): number => mm * PT_PER_MM;
  const Y = (mm: number): number => (pageH - mm) * PT_PER_MM;
  return {
    rect(box, fill, stroke, strokeWidth = 0.2) {
      const f = fill ? colour(fill) : null;
      const s = stroke ? colour(stroke) : null;
      page.drawRectangle({
        x: X(box.x),
        y: Y(box.y + box.h),
        width: X(box.w),
        height: X(box.h),
        ...(f ? { color: f.color, opacity: f.opacity } : {}),
        ...(s ? { borderColor: s.color, borderOpacity: s.opacity, borderWidth: X(strokeWidth) } : { borderWidth: 0 }),
      });
    },
    line(x1, y1, x2, y2, color, width) {
      const c = colour(color);
      page.drawLine({ start: { x: X(x1), y: Y(y1) }, end: { x: X(x2), y: Y(y2) }, thickness: X(width), color: c.color, opacity: c.opacity });
    },
    polygon(points, fill) {
      const first = points[0];
      if (!first) return;
      const c = colour(fill);
      // drawSvgPath takes SVG coordinates (y down) relative to its origin: the page's top-left corner.
      const path = `M ${points.map(([x, y]) => `${X(x)} ${X(y)}`).join(' L ')} Z`;
      page.drawSvgPath(path, { x: 0, y: Y(0), color: c.color, opacity: c.opacity, borderWidth: 0 });
    },
    text(text: string, x: number, y: number, style: TextStyle) {
      const font = style.bold ? bold : regular;
      const s = safe(text, font);
      const w = font.widthOfTextAtSize(s, style.size);
      const dx = style.align === 'right' ? -w : style.align === 'center' ? -w / 2 : 0;
      const c = colour(style.color ?? '#000000');
      page.drawText(s, { x: X(x) + dx, y: Y(y), size: style.size, font, color: c.color, opacity: c.opacity });
    },
    measure(text, size, isBold) {
      const font = isBold ? bold : regular;
      return font.widthOfTextAtSize(safe(text, font), size) / PT_PER_MM;
    },
    image(image, box) {
      page.drawImage(image, { x: X(box.x), y: Y(box.y + box.h), width: X(box.w), height: X(box.h) });
    },
  };
}

/** The pictures of a PDF page as PNG bytes. */
export interface PdfPictures {
  readonly mapPng: Uint8Array | null;
  /** Ground metres per mm of the map box; NaN = no scale bar. */
  readonly metresPerMm: number;
  readonly logo: { readonly png: Uint8Array; readonly aspect: number } | null;
}

/** Builds the PDF: one A4 page in the layout's orientation; returns its bytes. */
export async function briefingPdf(
  doc: BriefingDoc,
  layout: BriefingLayout,
  pics: PdfPictures,
  generatedAt: Date,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setLanguage(doc.lang === 'id' ? 'id-ID' : 'en-US');
  pdf.setSubject(doc.subtitle);
  pdf.setCreator('Sasaran');
  pdf.setProducer('Sasaran (pdf-lib)');
  pdf.setCreationDate(generatedAt);
  pdf.setModificationDate(generatedAt);
  const page = pdf.addPage([layout.page.w * PT_PER_MM, layout.page.h * PT_PER_MM]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const map = pics.mapPng ? await pdf.embedPng(pics.mapPng) : null;
  const logo = pics.logo ? { image: await pdf.embedPng(pics.logo.png), aspect: pics.logo.aspect } : null;
  paintBriefing(pdfPainter(page, regular, bold, layout.page.h), doc, layout, { map, metresPerMm: pics.metresPerMm, logo });
  return pdf.save();
}
