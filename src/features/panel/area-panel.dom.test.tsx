import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INDICATOR_IDS } from '../../query/catalogue';
import type { AreaDetails, IndicatorRow } from '../../state/use-area-details';
import { AreaPanel, type AreaPanelProps } from './area-panel';

afterEach(cleanup);

type Spec = number | 'S' | { v: number | null; num?: number; den?: number };

/** A row holding every catalogue indicator (no data), with `spec` overriding some; 'S' = suppressed. */
function row(code: string, name: string, spec: Record<string, Spec>): IndicatorRow {
  const r: Record<string, unknown> = { code, name };
  for (const id of INDICATOR_IDS) {
    r[id] = null;
    r[`${id}__suppressed`] = false;
    r[`${id}__num`] = null;
    r[`${id}__den`] = null;
  }
  for (const [id, v] of Object.entries(spec)) {
    if (v === 'S') {
      r[`${id}__suppressed`] = true;
    } else if (typeof v === 'number') {
      r[id] = v;
      r[`${id}__num`] = v;
    } else {
      r[id] = v.v;
      r[`${id}__num`] = v.num ?? null;
      r[`${id}__den`] = v.den ?? null;
    }
  }
  return r as IndicatorRow;
}

const AREA = '31.71.01.1001';

function details(
  over: {
    area?: Record<string, Spec>;
    parent?: Record<string, Spec>;
    desil?: (number | null)[];
  } = {},
): AreaDetails {
  return {
    code: AREA,
    area: row(AREA, 'Gambir', {
      extreme_poverty_rate: { v: 0.0123, num: 123, den: 10_000 },
      kb_coverage: { v: 0.75, num: 1_500, den: 2_000 },
      kb_gap: 500,
      kjp_plus_coverage: 'S',
      kjp_plus_gap: 'S',
      pmt_balita_coverage: { v: null, num: 0, den: 0 },
      pmt_balita_gap: 0,
      klj_coverage: { v: 0.5, num: 40, den: 80 },
      klj_gap: 'S',
      validation_progress: { v: 0.45, num: 450, den: 1_000 },
      validation_valid_share: 0.8,
      validation_not_eligible_share: 0.1,
      validation_moved_share: 'S',
      validation_deceased_share: 0.02,
      validation_not_found_share: 0.05,
      registry_households: 12_345,
      poor_households: 2_100,
      extreme_poor_households: 'S',
      kumuh_rw: 3,
      upgrading_coverage: { v: 2 / 3, num: 2, den: 3 },
      ...over.area,
    }),
    parent: row('31.71.01', 'Kecamatan Gambir', {
      extreme_poverty_rate: { v: 0.0045, num: 450, den: 100_000 },
      ...over.parent,
    }),
    province: row('31', 'DKI Jakarta', {
      extreme_poverty_rate: { v: 0.0089, num: 95_668, den: 10_749_000 },
    }),
    desil: over.desil ?? [1_200, 950, 800, 30, null, 0, 0, 0, 0, 0],
  };
}

const props = (over: Partial<AreaPanelProps> = {}): AreaPanelProps => ({
  lang: 'id',
  details: details(),
  loading: false,
  error: null,
  indicatorId: 'extreme_poverty_rate',
  minCell: 10,
  levelLabel: 'Kelurahan',
  parentName: 'Kecamatan Gambir',
  onClose: () => {},
  ...over,
});

const table = (name: string | RegExp): HTMLElement => screen.getByRole('table', { name });
const cellsOf = (t: HTMLElement): string[][] =>
  within(t)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));

describe('AreaPanel', () => {
  it('is a complementary region named by the area heading with level and code', () => {
    render(<AreaPanel {...props()} />);
    const aside = screen.getByRole('complementary');
    expect(aside.getAttribute('aria-labelledby')).toBe(
      screen.getByRole('heading', { level: 2 }).id,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'GambirKelurahan · kode 31.71.01.1001',
    );
  });

  it('compares the indicator with parent and province, formatted in id-ID', () => {
    render(<AreaPanel {...props()} />);
    expect(
      screen.getByRole('heading', { level: 3, name: 'Tingkat kemiskinan ekstrem' }),
    ).toBeDefined();
    const t = table(/Tingkat kemiskinan ekstrem/);
    expect(cellsOf(t)).toEqual([
      ['Gambir', '1,2%'],
      ['Kecamatan Gambir', '0,5%'],
      ['DKI Jakarta', '0,9%'],
    ]);
    const chartText = [...document.querySelectorAll('.area-panel__compare svg text')].map(
      (n) => n.textContent,
    );
    expect(chartText).toEqual(expect.arrayContaining(['Gambir', '1,2%', '0,5%', '0,9%']));
  });

  it('tells a kelurahan from its kecamatan of the same name by their abbreviations', () => {
    render(<AreaPanel {...props({ parentName: 'Gambir' })} />);
    expect(cellsOf(table(/Tingkat kemiskinan ekstrem/)).map((r) => r[0])).toEqual(['Kel. Gambir', 'Kec. Gambir', 'DKI Jakarta']);
  });

  it('formats the same numbers in en-US when the language is English', () => {
    render(<AreaPanel {...props({ lang: 'en' })} />);
    expect(cellsOf(table(/Extreme-poverty rate/))).toEqual([
      ['Gambir', '1.2%'],
      ['Kecamatan Gambir', '0.5%'],
      ['DKI Jakarta', '0.9%'],
    ]);
    expect(screen.getByRole('button', { name: 'Close panel' })).toBeDefined();
  });

  it('shows a suppressed value as the suppression text, never as its number', () => {
    // A stray value next to a raised flag must not leak.
    const d = details({ parent: { extreme_poverty_rate: 'S' } });
    (d.parent as Record<string, unknown>).extreme_poverty_rate = 0.0456;
    render(<AreaPanel {...props({ details: d, minCell: 15 })} />);
    expect(cellsOf(table(/Tingkat kemiskinan ekstrem/))[1]).toEqual([
      'Kecamatan Gambir',
      'disembunyikan (< 15 rumah tangga)',
    ]);
    const chartText = [...document.querySelectorAll('.area-panel__compare svg text')].map(
      (n) => n.textContent,
    );
    expect(chartText).toContain('disembunyikan (< 15 rumah tangga)');
    expect(document.body.textContent).not.toContain('4,6%');
    expect(document.body.textContent).not.toContain('4,5%');
  });

  it('tabulates households per desil and marks suppressed desils', () => {
    render(<AreaPanel {...props()} />);
    const rows = cellsOf(table('Sebaran desil'));
    expect(rows).toHaveLength(10);
    expect(rows.slice(0, 6)).toEqual([
      ['Desil 1', '1.200'],
      ['Desil 2', '950'],
      ['Desil 3', '800'],
      ['Desil 4', '30'],
      ['Desil 5', 'disembunyikan (< 10 rumah tangga)'],
      ['Desil 6', '0'],
    ]);
    const rects = document.querySelectorAll('.area-panel__desil svg .recharts-bar-rectangle rect');
    expect(rects).toHaveLength(10);
    expect(rects[4]!.getAttribute('width')).toBe('0');
    expect(Number(rects[0]!.getAttribute('width'))).toBeGreaterThan(
      Number(rects[1]!.getAttribute('width')),
    );
    expect(
      within(screen.getByRole('region', { name: 'Sebaran desil' })).getByText(
        'Disembunyikan: kurang dari 10 rumah tangga, demi kerahasiaan.',
      ),
    ).toBeDefined();
  });

  it('lists eligible, reached, coverage and gap per program, suppressed programs as suppressed', () => {
    render(<AreaPanel {...props()} />);
    const t = table('Layak vs terjangkau');
    const byProgram = (id: string): string[] =>
      [...t.querySelector(`tr[data-program="${id}"]`)!.querySelectorAll('th, td')].map(
        (c) => c.textContent ?? '',
      );
    expect(within(t).getAllByRole('row')).toHaveLength(8);
    expect(byProgram('kb')).toEqual([
      'KB (keluarga berencana) (rumah tangga)',
      '2.000',
      '1.500',
      '75,0%',
      '500',
    ]);
    expect(byProgram('klj')).toEqual([
      'Kartu Lansia Jakarta (jiwa)',
      '80',
      '40',
      '50,0%',
      'disembunyikan',
    ]);
    expect(byProgram('pmt_balita')).toEqual([
      'PMT balita (jiwa)',
      '0',
      '0',
      'tidak ada yang berhak',
      '0',
    ]);
    expect(byProgram('kjp_plus')).toEqual(['KJP Plus (jiwa)', 'disembunyikan (< 10 rumah tangga)']);
    expect(screen.getByText('Program yang disembunyikan: KJP Plus.')).toBeDefined();
    expect(
      within(screen.getByRole('region', { name: 'Cakupan program' })).getByText(
        /kurang dari 10 rumah tangga/,
      ),
    ).toBeDefined();
    // Programs with eligible counts get a band; suppressed and no-data ones are not drawn.
    const ticks = [...document.querySelectorAll('.area-panel__coverage svg text')].map(
      (n) => n.textContent,
    );
    expect(ticks).toEqual(['KB', 'PMT balita', 'KLJ']);
    const widths = [
      ...document.querySelectorAll('.area-panel__coverage svg .recharts-bar-rectangle path'),
    ].map((r) => Number(r.getAttribute('width')));
    // Series by series (eligible KB, KLJ, then reached KB, KLJ); PMT balita's zero bars take no room.
    expect(widths).toHaveLength(4);
    expect(widths[2]! / widths[0]!).toBeCloseTo(0.75, 2);
    expect(widths[3]! / widths[1]!).toBeCloseTo(0.5, 2);
    expect(widths[1]! / widths[0]!).toBeCloseTo(80 / 2_000, 2);
  });

  it('shows validation progress as a progress bar with its parts and outcome shares', () => {
    render(<AreaPanel {...props()} />);
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('value')).toBe('0.45');
    expect(bar.getAttribute('max')).toBe('1');
    const label = document.getElementById(bar.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).toBe('45,0% rumah tangga terdata sudah dikunjungi (450 dari 1.000).');
    expect(cellsOf(table('Hasil verifikasi'))).toEqual([
      ['valid', '80,0%'],
      ['tidak layak', '10,0%'],
      ['pindah', 'disembunyikan (< 10 rumah tangga)'],
      ['meninggal', '2,0%'],
      ['tidak ditemukan', '5,0%'],
    ]);
    const segments = [...document.querySelectorAll<HTMLElement>('.area-panel__stack > span')].map(
      (e) => e.style.width,
    );
    expect(segments.map((w) => parseFloat(w))).toEqual([80, 10, 2, 5]);
  });

  it('lists key counts with units in a description list', () => {
    render(<AreaPanel {...props()} />);
    const dl = document.querySelector('.area-panel__counts dl')!;
    const pairs = [...dl.querySelectorAll('dt')].map((dt) => [
      dt.textContent,
      dt.nextElementSibling?.textContent,
    ]);
    expect(pairs).toEqual([
      ['Rumah tangga terdata (desil 1–4)', '12.345 rumah tangga'],
      ['Rumah tangga miskin', '2.100 rumah tangga'],
      ['Rumah tangga miskin ekstrem', 'disembunyikan (< 10 rumah tangga)'],
      ['Balita di rumah tangga miskin', 'tidak ada data'],
      ['Lansia di rumah tangga miskin', 'tidak ada data'],
      ['RW kumuh', '3 RW'],
      ['Cakupan penataan kampung', '66,7%'],
    ]);
  });

  it('calls onClose from the close button and from Escape', () => {
    const onClose = vi.fn();
    render(<AreaPanel {...props({ onClose })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Tutup panel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByRole('table', { name: 'Hasil verifikasi' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('offers drilling down only when onDrill is given', () => {
    const onDrill = vi.fn();
    const { rerender } = render(<AreaPanel {...props()} />);
    expect(screen.queryByRole('button', { name: 'Lihat wilayah di dalamnya' })).toBeNull();
    rerender(<AreaPanel {...props({ onDrill })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Lihat wilayah di dalamnya' }));
    expect(onDrill).toHaveBeenCalledTimes(1);
  });

  it('announces loading and errors, and shows no sections without data', () => {
    render(<AreaPanel {...props({ details: null, loading: true, error: 'boom' })} />);
    expect(screen.getByRole('status').textContent).toBe('Memuat rincian wilayah…');
    expect(screen.getByRole('alert').textContent).toBe('Rincian wilayah gagal dimuat: boom');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Rincian wilayah');
    expect(screen.getByRole('complementary').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryAllByRole('table')).toHaveLength(0);
  });

  it('shows only the area when it is the province itself', () => {
    const d: AreaDetails = { ...details(), code: '31', parent: null, province: null };
    render(<AreaPanel {...props({ details: d, parentName: null })} />);
    expect(cellsOf(table(/Tingkat kemiskinan ekstrem/))).toEqual([['Gambir', '1,2%']]);
  });

  it('keeps every chart out of the accessibility tree, next to a table of its numbers', () => {
    render(<AreaPanel {...props()} />);
    const charts = document.querySelectorAll('.panel-chart');
    expect(charts).toHaveLength(3);
    charts.forEach((c) => {
      expect(c.getAttribute('aria-hidden')).toBe('true');
      expect(c.closest('section')!.querySelector('table')).not.toBeNull();
    });
  });
});
