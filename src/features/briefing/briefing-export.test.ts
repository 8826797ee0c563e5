import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { classColors } from '../../lib/palettes';
import { indicator } from '../../query/catalogue';
import { HEADLINE_IDS, type BriefingData, type BriefingFigure } from '../../state/use-briefing';
import { DEFAULT_VIEW } from '../../state/view-state';
import { buildBriefingDoc, type BriefingDocInput } from './briefing-doc';
import { briefingLayout } from './layout';
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

  it('turns to portrait', async () => {
    const bytes = await briefingPdf(buildBriefingDoc(input('en')), briefingLayout('portrait'), { mapPng: null, metresPerMm: Number.NaN, logo: null }, new Date());
    const read = await pdfText(bytes);
    expect(read.width).toBeCloseTo(595.28, 1);
    expect(read.height).toBeCloseTo(841.89, 1);
    expect(read.text).toContain('SYNTHETIC DATA');
  });
});
