import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AreaTable, PAGE_SIZE, type AreaTableProps, type AreaTableRow } from './area-table';

afterEach(cleanup);

const KEL = '31.71.01.1001';
const r = (n: number, value: number | null, suppressed = false): AreaTableRow => ({
  code: `${KEL}.${String(n).padStart(3, '0')}`,
  name: `RW ${String(n).padStart(3, '0')}`,
  parent: 'Gambir',
  value,
  suppressed,
});

const ROWS: AreaTableRow[] = [
  r(1, 0.0123),
  r(2, 0.031),
  r(3, 0.0123),
  r(4, 0.05, true),
  r(5, null),
  r(10, 0.004),
];

const props = (over: Partial<AreaTableProps> = {}): AreaTableProps => ({
  lang: 'id',
  rows: ROWS,
  indicatorId: 'extreme_poverty_rate',
  selected: null,
  onSelect: () => {},
  caption: 'RW di Kelurahan Gambir',
  minCell: 10,
  ...over,
});

/** Body rows as [name, code, value, rank] text. */
const body = (): string[][] =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [
      tr.querySelector('.area-table__select')!.textContent ?? '',
      tr.querySelector('.area-table__code')!.textContent ?? '',
      ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    ]);

const headerButton = (name: RegExp): HTMLElement => screen.getByRole('button', { name });

describe('AreaTable', () => {
  it('lists areas worst first with id-ID values, tied ranks as "=n" and suppressed rows without a number', () => {
    render(<AreaTable {...props()} />);
    expect(screen.getByRole('table', { name: 'RW di Kelurahan Gambir' })).toBeDefined();
    expect(body()).toEqual([
      ['RW 002', `${KEL}.002`, '3,1%', '1'],
      ['RW 001', `${KEL}.001`, '1,2%', '=2'],
      ['RW 003', `${KEL}.003`, '1,2%', '=2'],
      ['RW 010', `${KEL}.010`, '0,4%', '4'],
      ['RW 004', `${KEL}.004`, 'disembunyikan', '–'],
      ['RW 005', `${KEL}.005`, 'tidak ada data', '–'],
    ]);
    expect(document.body.textContent).not.toContain('5,0%');
    expect(
      screen.getByText('Disembunyikan: kurang dari 10 rumah tangga, demi kerahasiaan.'),
    ).toBeDefined();
    expect(screen.getByRole('columnheader', { name: /Peringkat/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });

  it('ranks the lowest value first for an indicator where lower is worse', () => {
    render(<AreaTable {...props({ indicatorId: 'kb_coverage' })} />);
    expect(body().map((row) => [row[0], row[3]])).toEqual([
      ['RW 010', '1'],
      ['RW 001', '=2'],
      ['RW 003', '=2'],
      ['RW 002', '4'],
      ['RW 004', '–'],
      ['RW 005', '–'],
    ]);
  });

  it('sorts from the header buttons and reports the order with aria-sort', () => {
    render(<AreaTable {...props()} />);
    const nameHeader = screen.getByRole('columnheader', { name: /Nama wilayah/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(headerButton(/Nama wilayah/));
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Peringkat/ }).getAttribute('aria-sort')).toBe(
      'none',
    );
    // Numeric collation: RW 010 after RW 005.
    expect(body().map((row) => row[0])).toEqual([
      'RW 001',
      'RW 002',
      'RW 003',
      'RW 004',
      'RW 005',
      'RW 010',
    ]);
    fireEvent.click(headerButton(/Nama wilayah/));
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(body().map((row) => row[0])).toEqual([
      'RW 010',
      'RW 005',
      'RW 004',
      'RW 003',
      'RW 002',
      'RW 001',
    ]);
  });

  it('sorts values with suppressed and missing rows last in both directions', () => {
    render(<AreaTable {...props()} />);
    const value = headerButton(/Tingkat kemiskinan ekstrem \(%\)/);
    fireEvent.click(value);
    expect(
      screen
        .getByRole('columnheader', { name: /Tingkat kemiskinan ekstrem/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    expect(body().map((row) => row[2])).toEqual([
      '3,1%',
      '1,2%',
      '1,2%',
      '0,4%',
      'disembunyikan',
      'tidak ada data',
    ]);
    fireEvent.click(value);
    expect(body().map((row) => row[2])).toEqual([
      '0,4%',
      '1,2%',
      '1,2%',
      '3,1%',
      'disembunyikan',
      'tidak ada data',
    ]);
  });

  it('selects a row by its button, by a click anywhere on the row, and by keyboard', () => {
    const onSelect = vi.fn();
    render(<AreaTable {...props({ onSelect })} />);
    fireEvent.click(screen.getByRole('button', { name: 'RW 003' }));
    expect(onSelect).toHaveBeenLastCalledWith(`${KEL}.003`);
    fireEvent.click(screen.getByText(`${KEL}.010`));
    expect(onSelect).toHaveBeenLastCalledWith(`${KEL}.010`);
    expect(onSelect).toHaveBeenCalledTimes(2);
    const first = screen.getByRole('button', { name: 'RW 002' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'RW 001' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(first);
  });

  it('marks the selected row as current', () => {
    render(<AreaTable {...props({ selected: `${KEL}.003` })} />);
    const current = document.querySelectorAll('tr[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]!.querySelector('.area-table__select')!.textContent).toBe('RW 003');
    expect(current[0]!.classList.contains('area-table__row--selected')).toBe(true);
  });

  it('uses en-US formats and English words in English', () => {
    render(<AreaTable {...props({ lang: 'en' })} />);
    expect(body()[1]).toEqual(['RW 001', `${KEL}.001`, '1.2%', '=2']);
    expect(body()[4]![2]).toBe('suppressed');
    expect(screen.getByRole('columnheader', { name: /Extreme-poverty rate/ })).toBeDefined();
  });

  it('renders one page of a large table, more on request, and always the selected row', () => {
    const many = Array.from({ length: 2_731 }, (_, i) => r(i + 1, ((i * 7919) % 2731) / 10_000));
    const last = many[0]!; // value 0: ranks last
    // Rows are counted with selectors: role queries over thousands of rows are slow in jsdom.
    const bodyRows = (): NodeListOf<HTMLTableRowElement> => document.querySelectorAll('tbody tr');
    const { rerender } = render(<AreaTable {...props({ rows: many })} />);
    expect(bodyRows()).toHaveLength(PAGE_SIZE);
    expect(screen.getByText('Menampilkan 200 dari 2.731 wilayah.')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan 200 lagi' }));
    expect(bodyRows()).toHaveLength(2 * PAGE_SIZE);
    rerender(<AreaTable {...props({ rows: many, selected: last.code })} />);
    expect(bodyRows()).toHaveLength(2_731);
    expect(bodyRows()[2_730]!.getAttribute('aria-current')).toBe('true');
    expect(document.querySelector('.area-table__footer button')).toBeNull();
  });
});
