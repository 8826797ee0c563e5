import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { classify, countPerClass, type Breaks } from '../../lib/classify';
import { paletteFor } from '../../lib/palettes';
import { Legend, type LegendProps } from './legend';

afterEach(cleanup);

const rates = [0, 0, 0.004, 0.006, 0.009, 0.012, 0.015, 0.02, 0.031, 0.05];
const breaks = classify(rates, 'quantile', 5);

const props = (over: Partial<LegendProps> = {}): LegendProps => ({
  title: 'Tingkat kemiskinan ekstrem',
  unit: 'fraction',
  breaks,
  colors: paletteFor('YlOrRd', breaks.k).hex,
  counts: countPerClass(rates, breaks).counts,
  suppressed: [
    { code: '31.71.01.1001.003', name: 'Gambir RW 003' },
    { code: '31.71.01.1001.007', name: 'Gambir RW 007' },
  ],
  noData: [{ code: '31.01.01.1001.001', name: 'Pulau Panggang RW 001' }],
  minCell: 10,
  lang: 'id',
  ...over,
});

const classItems = (): HTMLElement[] => [
  ...document.querySelectorAll<HTMLElement>('li.legend-class'),
];

describe('Legend', () => {
  it('is a figure captioned by the indicator, with a list of classes', () => {
    render(<Legend {...props()} />);
    const fig = screen.getByRole('figure', { name: 'Tingkat kemiskinan ekstrem' });
    expect(fig.getAttribute('lang')).toBe('id');
    expect(within(fig).getAllByRole('list')[0]).toBeDefined();
  });

  it('shows class bounds as id-ID percentages with the area count of each class, the class after a single zero starting above it', () => {
    render(<Legend {...props()} />);
    expect(breaks.breaks).toEqual([0, 0, 0.006, 0.012, 0.02, 0.05]);
    expect(classItems().map((li) => li.textContent)).toEqual([
      '0,0% (2 wilayah)',
      '> 0,0% – 0,6% (2 wilayah)',
      '0,6% – 1,2% (2 wilayah)',
      '1,2% – 2,0% (2 wilayah)',
      '2,0% – 5,0% (2 wilayah)',
    ]);
  });

  it('hides swatches from assistive technology and paints them with the palette', () => {
    render(<Legend {...props()} />);
    const swatches = document.querySelectorAll<HTMLElement>('.legend-swatch');
    expect(swatches).toHaveLength(breaks.k + 2);
    swatches.forEach((s) => expect(s.getAttribute('aria-hidden')).toBe('true'));
    expect(swatches[0]!.style.backgroundColor).toBe('rgb(255, 255, 178)');
  });

  it('formats household counts with id-ID thousands and the unit', () => {
    const hh = [900, 1500, 2400, 12000, 40000];
    const b = classify(hh, 'equal', 3);
    render(
      <Legend
        {...props({
          title: 'Rumah tangga miskin',
          unit: 'households',
          breaks: b,
          counts: countPerClass(hh, b).counts,
        })}
      />,
    );
    expect(screen.getByRole('figure').querySelector('figcaption')!.textContent).toBe(
      'Rumah tangga miskin (rumah tangga)',
    );
    expect(classItems()[0]!.textContent).toBe('900 – 13.933 (4 wilayah)');
    expect(classItems()[2]!.textContent).toBe('26.967 – 40.000 (1 wilayah)');
  });

  it('states the suppression rule and lists suppressed and no-data areas in keyboard-reachable details', async () => {
    render(<Legend {...props({ minCell: 15 })} />);
    expect(screen.getByText('disembunyikan (kurang dari 15 rumah tangga)')).toBeDefined();
    expect(document.querySelector('li.legend-suppressed')!.textContent).toBe(
      'disembunyikan (kurang dari 15 rumah tangga) (2 wilayah)',
    );
    expect(document.querySelector('li.legend-nodata')!.textContent).toBe(
      'tidak ada data (1 wilayah)',
    );
    const summary = screen.getByText('Wilayah yang disembunyikan (2)');
    expect(summary.tagName).toBe('SUMMARY');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    expect(within(details).queryByText(/Gambir RW 007/)).toBeNull(); // rendered only when opened
    fireEvent.click(summary);
    expect(details.open).toBe(true);
    expect((await within(details).findByText(/Gambir RW 007/)).textContent).toBe(
      'Gambir RW 007 (31.71.01.1001.007)',
    );
    expect(screen.getByText('Wilayah tanpa data (1)').tagName).toBe('SUMMARY');
  });

  it('omits the suppressed and no-data rows when there are none', () => {
    render(<Legend {...props({ suppressed: [], noData: [] })} />);
    expect(document.querySelector('li.legend-suppressed')).toBeNull();
    expect(document.querySelector('li.legend-nodata')).toBeNull();
    expect(document.querySelector('details')).toBeNull();
  });

  it('shows the lock state', () => {
    const { rerender } = render(<Legend {...props()} />);
    expect(screen.getByText('batas kelas tidak dikunci')).toBeDefined();
    const locked: Breaks = { ...breaks, locked: 'province' };
    rerender(<Legend {...props({ breaks: locked })} />);
    expect(screen.getByText('batas kelas dikunci ke provinsi')).toBeDefined();
    rerender(
      <Legend
        {...props({
          breaks: { method: 'manual', k: 3, breaks: [0, 0.01, 0.02, 0.1], locked: 'manual' },
          counts: [1, 2, 3],
        })}
      />,
    );
    expect(screen.getByText('batas kelas manual')).toBeDefined();
    expect(classItems().map((li) => li.textContent)).toEqual([
      '0,0% – 1,0% (1 wilayah)',
      '1,0% – 2,0% (2 wilayah)',
      '2,0% – 10,0% (3 wilayah)',
    ]);
  });

  it('switches every label when the language changes', () => {
    const { rerender } = render(<Legend {...props()} />);
    rerender(
      <Legend
        {...props({
          lang: 'en',
          title: 'Extreme-poverty rate',
          breaks: { ...breaks, locked: 'province' },
        })}
      />,
    );
    expect(screen.getByRole('figure', { name: 'Extreme-poverty rate' }).getAttribute('lang')).toBe(
      'en',
    );
    expect(classItems()[2]!.textContent).toBe('0.6% – 1.2% (2 areas)');
    expect(screen.getByText('suppressed (fewer than 10 households)')).toBeDefined();
    expect(screen.getByText('no data')).toBeDefined();
    expect(screen.getByText('breaks locked to province')).toBeDefined();
    expect(screen.getByText('Suppressed areas (2)')).toBeDefined();
    expect(screen.queryByText(/wilayah/)).toBeNull();
  });

  it('adds decimals when one would print two different bounds alike', () => {
    const b: Breaks = {
      method: 'manual',
      k: 3,
      breaks: [0.001, 0.0012, 0.0014, 0.002],
      locked: 'manual',
    };
    render(<Legend {...props({ breaks: b, counts: [1, 1, 1], lang: 'en' })} />);
    expect(classItems()[0]!.textContent).toBe('0.10% – 0.12% (1 area)');
  });

  it('renders only the no-data row when there are no classes', () => {
    render(
      <Legend
        {...props({ breaks: { method: 'quantile', k: 0, breaks: [] }, counts: [], suppressed: [] })}
      />,
    );
    expect(classItems()).toHaveLength(0);
    expect(document.querySelector('li.legend-nodata')!.textContent).toBe(
      'tidak ada data (1 wilayah)',
    );
  });
});
