import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { classColors } from '../../lib/palettes';
import { indicator } from '../../query/catalogue';
import { buildOverlayPicture, type OverlayData, type SymbolRow } from '../../state/overlays';
import { HEADLINE_IDS, type BriefingData, type BriefingFigure } from '../../state/use-briefing';
import { DEFAULT_OVERLAYS, DEFAULT_VIEW } from '../../state/view-state';
import { buildBriefingDoc, isLegendNote, overlayLineCounts, type BriefingDocInput, type DocLegendSection } from './briefing-doc';
import { briefingLayout, flowColumns, flowLegend } from './layout';
import { fitText, niceScale, wrapText, type Painter } from './paint';
import { briefingPdf, encodable } from './pdf-export';

/** pdf.js's metrics of the 14 standard fonts, read from disk in Node. */
const FONTS = join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts/');

const fig = (value: number | null, num: number | null = null, den: number | null = null, suppressed = false): BriefingFigure => ({
  value,
  num,
  den,
  suppressed,
});

const DATA: BriefingData = {
  key: 'k',
  area: '31.74',
  areaName: 'Jakarta Selatan',
  figures: {
    extreme_poor_households: fig(1234),
    kb_gap_rate: fig(0.25, 500, 2000),
    pmt_balita_gap_rate: fig(null, null, null, true),
    upgrading_coverage: fig(0.5, 40, 80),
  },
  coverage: [
    { program: 'kb', value: 0.75, suppressed: false },
    { program: 'pmt_balita', value: null, suppressed: true },
  ],
  top: [
    { code: '31.74.01', name: 'Tebet', parent: '31.74', value: 0.031, num: 31, den: 1000, suppressed: false },
    { code: '31.74.02', name: 'Setiabudi', parent: '31.74', value: 0.012, num: 12, den: 1000, suppressed: false },
  ],
  ranked: 10,
};

function input(lang: 'id' | 'en', title: string | null = null): BriefingDocInput {
  return {
    lang,
    title,
    indicator: indicator('extreme_poverty_rate'),
    view: { ...DEFAULT_VIEW, level: 'kecamatan' },
    data: DATA,
    choropleth: {
      breaks: { method: 'quantile', k: 3, breaks: [0.01, 0.02, 0.03, 0.04] },
      colors: classColors('YlOrRd', 3, true),
      counts: [3, 4, 3],
      suppressed: 1,
      noData: 0,
    },
    names: new Map([['31.74', 'Jakarta Selatan']]),
    period: { label: lang === 'id' ? 'Maret 2024' : 'March 2024', povertyLine: 825_288 },
    source: { synthetic: true, households: 700_000, seed: 42 },
    generatedAt: new Date(2026, 10, 28, 9, 5),
  };
}

/** A painter whose glyphs are all 1 mm wide (per point size 10), recording text. */
function fakePainter(texts: string[] = []): Painter<null> {
  return {
    rect: () => undefined,
    line: () => undefined,
    polygon: () => undefined,
    image: () => undefined,
    text: (t) => void texts.push(t),
    measure: (t, size) => (t.length * size) / 10,
  };
}

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; width: number; height: number; text: string }> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl: FONTS }).promise;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const text = content.items.map((i) => ('str' in i ? i.str : '')).join('\n');
  return { pages: pdf.numPages, width: viewport.width, height: viewport.height, text };
}

describe('briefing document', () => {
  it('formats figures, legend, table and footer in Indonesian by default', () => {
    const doc = buildBriefingDoc(input('id'));
    expect(doc.title).toBe('Tingkat kemiskinan ekstrem — Jakarta Selatan');
    expect(doc.subtitle).toContain('Maret 2024');
    expect(doc.figures.map((f) => f.value)).toEqual(['1.234', '500', 'disembunyikan', '40']);
    expect(doc.figures[1]!.detail).toBe('25,0% dari 2.000 yang berhak');
    expect(doc.legend.rows.map((r) => r.label)).toEqual(['1,0% – 2,0%', '2,0% – 3,0%', '3,0% – 4,0%', 'disembunyikan (kurang dari 10 rumah tangga)']);
    expect(doc.legend.rows[3]!.hatch).not.toBeNull();
    expect(doc.table.rows[0]).toEqual(['1', 'Tebet, Jakarta Selatan', '3,1%']);
    expect(doc.chart.bars.map((b) => b.text)).toEqual(['75,0%', 'disembunyikan']);
    expect(doc.syntheticNotice).toMatch(/^DATA SINTETIS/);
    expect(doc.footer.join(' ')).toContain('Sel minimum 10 rumah tangga');
    expect(doc.fileName).toBe('sasaran-jakarta-selatan-extreme-poverty-rate-20261128-0905');
    expect(HEADLINE_IDS).toHaveLength(4);
  });

  it('speaks English when asked, and keeps a user title', () => {
    const doc = buildBriefingDoc(input('en', '  Governor briefing  '));
    expect(doc.title).toBe('Governor briefing');
    expect(doc.figures[0]!.label).toBe('Extreme-poor households');
    expect(doc.footer.join(' ')).toContain('Minimum cell size 10 households');
  });
});

const sym = (code: string, size: number | null, value: number | null, suppressed = false): SymbolRow => ({ code, name: code, size, value, suppressed });

/** Overlay rows of three RWs: KB symbols (one hidden), convergence hatching, upgrading steps. */
const OVERLAY_DATA: OverlayData = {
  key: 'q1',
  level: 'rw',
  areas: {
    kb: [sym('a', 400, 0.1), sym('b', 100, 0.9), sym('c', null, null, true)],
    convergence: [sym('a', 50, 0.3), sym('b', 60, 0.05)],
  },
  upgrading: [
    { code: 'a', kumuh: 'berat', stage: 'cip', status: 'selesai', year: 2021 },
    { code: 'b', kumuh: 'ringan', stage: null, status: null, year: null },
  ],
  years: [2021],
  bivariate: null,
  combinations: null,
};

/** The overlay legends of KB (bottom), upgrading and convergence (top), as the dashboard builds them. */
function overlayLegends() {
  const overlays = {
    ...DEFAULT_OVERLAYS,
    layers: [
      { id: 'kb', opacity: 100 },
      { id: 'upgrading', opacity: 100 },
      { id: 'convergence', opacity: 100 },
    ],
  } as const;
  return buildOverlayPicture(OVERLAY_DATA, overlays).legends;
}

const lineTexts = (s: DocLegendSection): string[] => s.lines.map((l) => (isLegendNote(l) ? l.note : `${l.shape}:${l.label} (${l.count})`));

describe('briefing legend with overlays', () => {
  it('adds one section per overlay, top layer first, with colour classes, outline categories and size notes', () => {
    const doc = buildBriefingDoc({ ...input('id'), overlays: overlayLegends() });
    expect(doc.legend.rows).toHaveLength(4); // the choropleth legend stays
    expect(doc.legend.overlays.map((s) => s.title)).toEqual([
      'Konvergensi: desil 1 tanpa program',
      'Penataan kampung (RW kumuh, CAP/CIP)',
      'KB: PUS dan cakupan',
    ]);
    const [conv, up, kb] = doc.legend.overlays;
    expect(lineTexts(conv!)).toEqual([
      'Arsiran: porsi desil 1 tanpa program',
      'box:15% – 25% (0 wilayah)',
      'box:25% – 35% (1 wilayah)',
      'box:35% – 100% (0 wilayah)',
    ]);
    expect(conv!.lines.filter((l) => !isLegendNote(l)).every((l) => !isLegendNote(l) && l.hatch !== null)).toBe(true);
    expect(lineTexts(up!)).toEqual([
      'line:RW kumuh, belum ada penataan (1 RW)',
      'line:direncanakan (CAP/CIP) (0 RW)',
      'line:CAP berjalan/selesai (0 RW)',
      'line:CIP berjalan (0 RW)',
      'line:CIP selesai (1 RW)',
      'Tebal garis: tingkat kumuh',
      'sangat ringan < ringan < sedang < berat',
    ]);
    expect(lineTexts(kb!)).toEqual([
      `Warna: ${indicator('kb_coverage').label.id}`,
      'dot:0% – 20% (1 wilayah)',
      'dot:20% – 40% (0 wilayah)',
      'dot:40% – 60% (0 wilayah)',
      'dot:60% – 80% (0 wilayah)',
      'dot:80% – 100% (1 wilayah)',
      'Ukuran: jumlah sasaran berhak',
      // The largest (400) gets 8 px radius at RW level; the reference 200 gets 8·√½ px: 11.3 px across = 3 mm.
      'diameter 3 mm = 200 rumah tangga',
      '1 wilayah disembunyikan (< 10 rumah tangga)',
    ]);
    expect(overlayLineCounts(doc)).toEqual([5, 8, 10]);
  });

  it('speaks English and names a leakage overlay that does not apply', () => {
    const overlays = { ...DEFAULT_OVERLAYS, layers: [{ id: 'leakage', opacity: 100 }] } as const;
    const doc = buildBriefingDoc({ ...input('en'), overlays: buildOverlayPicture(OVERLAY_DATA, overlays).legends });
    expect(doc.legend.overlays).toHaveLength(1);
    expect(doc.legend.overlays[0]!.title).toBe('Leakage: recipients in desil > 4');
    expect(lineTexts(doc.legend.overlays[0]!)).toEqual(['KB has no leakage (KB is for every couple). Choose another program.']);
  });

  it('draws the bivariate square instead of the classes, with both axis titles and tercile bounds', () => {
    const doc = buildBriefingDoc({
      ...input('en'),
      bivariate: {
        need: indicator('extreme_poverty_rate'),
        coverage: indicator('kb_coverage'),
        counts: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        needBounds: [0.01, 0.02],
        coverageBounds: [0.5, 0.75],
        suppressed: 2,
        noData: 0,
      },
    });
    const biv = doc.legend.bivariate!;
    expect(doc.legend.title).toBe('Need × coverage (terciles)');
    expect(biv.need).toBe(indicator('extreme_poverty_rate').label.en);
    expect(biv.coverage).toBe(indicator('kb_coverage').label.en);
    // Row 0 is low coverage; column 2 is high need (Stevens' red corner).
    expect(biv.cells[0]!.map((c) => c.count)).toEqual(['1', '2', '3']);
    expect(biv.cells[0]![2]!.fill).toBe('#c85a5a');
    expect(biv.cells[2]![0]!.count).toBe('7');
    expect(biv.notes).toEqual(['Tercile bounds of need: 1.0% and 2.0%', 'Tercile bounds of coverage: 50.0% and 75.0%']);
    expect(doc.legend.rows.map((r) => r.count)).toEqual(['2 areas']);
    // The page names what the map shows: need × coverage; the table says what it ranks.
    const subject = `${indicator('extreme_poverty_rate').label.en} × ${indicator('kb_coverage').label.en}`;
    expect(doc.title).toBe(`${subject} — ${input('en').data.areaName}`);
    expect(doc.subtitle.startsWith(`${subject} by `)).toBe(true);
    expect(doc.table.title.endsWith(` · ${input('en').indicator.label.en}`)).toBe(true);
  });
});

describe('legend layout', () => {
  it('flows overlay sections into columns, starting a section in a new column when it would not fit', () => {
    expect(flowLegend([3, 4], 5).map((s) => s.map((p) => `${p.column}.${p.row}`))).toEqual([
      ['0.0', '0.1', '0.2'],
      ['1.0', '1.1', '1.2', '1.3'],
    ]);
    // Taller than a column: it breaks over columns.
    expect(flowColumns([7], 5)).toBe(2);
    expect(flowColumns([], 5)).toBe(0);
  });

  it('keeps the page as it was without overlays, and takes room from the map for them', () => {
    const plain = briefingLayout('landscape');
    expect(plain.overlayLegend).toBeNull();
    const roomy = briefingLayout('landscape', [10, 10, 7]);
    expect(roomy.overlayLegend).not.toBeNull();
    expect(roomy.map.h).toBeLessThan(plain.map.h);
    expect(roomy.legend.y + roomy.legend.h).toBeCloseTo(plain.legend.y + plain.legend.h, 6);
    expect(roomy.map.y + roomy.map.h).toBeLessThan(roomy.legend.y);
    expect(roomy.legend.x + roomy.legend.w).toBeLessThan(roomy.overlayLegend!.x);
    expect(flowColumns([10, 10, 7], roomy.overlayLinesPerColumn)).toBeLessThanOrEqual(roomy.overlayColumns);
    // A section taller than the plain legend gets a column of its own rather than breaking.
    const tall = briefingLayout('portrait', [12, 3]);
    expect(tall.overlayLinesPerColumn).toBe(12);
    expect(flowLegend([12, 3], tall.overlayLinesPerColumn)[0]!.every((at) => at.column === 0)).toBe(true);
  });
});

describe('painting helpers', () => {
  it('ellipsizes and wraps to a width', () => {
    const p = fakePainter();
    expect(fitText(p, 'abcdefghij', 5, 10)).toBe('abcd…');
    expect(wrapText(p, 'aa bb cc dd', 5, 10)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText(p, 'aa bb cc dd ee ff', 5, 10, false, 2)).toEqual(['aa bb', 'cc d…']);
  });

  it('picks a round scale-bar length no longer than asked', () => {
    expect(niceScale(100, 40, 'id')).toEqual({ mm: 20, label: '2 km' });
    expect(niceScale(10, 40, 'en')).toEqual({ mm: 20, label: '200 m' });
    expect(niceScale(Number.NaN, 40, 'en')).toBeNull();
  });

  it('replaces characters Helvetica cannot encode', () => {
    expect(encodable('≥ 2 — ok\u202fx', new Set([...'2 —okx'].map((c) => c.codePointAt(0)!)))).toBe('>= 2 — ok x');
  });
});

describe('briefing PDF', () => {
  it('is one A4 landscape page whose text has the title, legend, figures, table and footer', async () => {
    const png = new PNG({ width: 40, height: 30 });
    png.data.fill(200);
    const doc = buildBriefingDoc(input('id', 'Paparan Gubernur'));
    const bytes = await briefingPdf(
      doc,
      briefingLayout('landscape'),
      { mapPng: PNG.sync.write(png), metresPerMm: 100, logo: null },
      new Date(2026, 10, 28),
    );
    const read = await pdfText(bytes);
    expect(read.pages).toBe(1);
    expect(read.width).toBeCloseTo(841.89, 1);
    expect(read.height).toBeCloseTo(595.28, 1);
    for (const want of ['Paparan Gubernur', 'Tingkat kemiskinan ekstrem', '1,0% – 2,0% (3 wilayah)', 'Rumah tangga miskin ekstrem', 'Tebet, Jakarta Selatan', 'DATA SINTETIS', 'Sel minimum 10', '2 km', 'U']) {
      expect(read.text, want).toContain(want);
    }
  });

  it('prints the overlay legends and the bivariate square as real text', async () => {
    const doc = buildBriefingDoc({
      ...input('id'),
      overlays: overlayLegends(),
      bivariate: {
        need: indicator('extreme_poverty_rate'),
        coverage: indicator('kb_coverage'),
        counts: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        needBounds: [0.01, 0.02],
        coverageBounds: [0.5, 0.75],
        suppressed: 0,
        noData: 0,
      },
    });
    for (const orientation of ['landscape', 'portrait'] as const) {
      const layout = briefingLayout(orientation, overlayLineCounts(doc));
      const read = await pdfText(await briefingPdf(doc, layout, { mapPng: null, metresPerMm: 100, logo: null }, new Date(2026, 10, 28)));
      for (const want of ['Kebutuhan × cakupan (tersil)', indicator('kb_coverage').label.id, 'Tingkat kemiskinan ekstrem', 'Konvergensi: desil 1 tanpa program', 'Penataan kampung', 'KB: PUS dan cakupan', 'CIP selesai', '9']) {
        expect(read.text, `${orientation}: ${want}`).toContain(want);
      }
    }
  });

  it('turns to portrait', async () => {
    const bytes = await briefingPdf(buildBriefingDoc(input('en')), briefingLayout('portrait'), { mapPng: null, metresPerMm: Number.NaN, logo: null }, new Date());
    const read = await pdfText(bytes);
    expect(read.width).toBeCloseTo(595.28, 1);
    expect(read.height).toBeCloseTo(841.89, 1);
    expect(read.text).toContain('SYNTHETIC DATA');
  });
});
