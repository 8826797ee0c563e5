import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RANKING,
  topCodes,
  visibleRows,
  type Ranking,
  type RankingData,
  type RankingRow,
  type RankingSettings,
} from '../../state/use-ranking';
import { DEFAULT_VIEW, type View } from '../../state/view-state';
import { RANKING_PAGE_SIZE, RankingTab } from './ranking-tab';

afterEach(cleanup);

const row = (n: number, index: number | null, rank: number | null, tied = false, suppressed = false): RankingRow => {
  const code = `31.71.01.1001.${String(n).padStart(3, '0')}`;
  return {
    code,
    name: `RW ${String(n).padStart(3, '0')}`,
    parentName: 'Gambir',
    names: { kota_code: '31.71', kota_name: 'Jakarta Pusat', rw_code: code, rw_name: `RW ${n}` },
    values: { extreme_poor_households: suppressed ? null : n * 10 },
    suppressed: { extreme_poor_households: suppressed },
    scores: { extreme_poor_households: index },
    index,
    used: index === null ? 0 : 1,
    rank,
    tied,
  };
};

const SETTINGS: RankingSettings = {
  ...DEFAULT_RANKING,
  columns: [],
  components: [{ id: 'extreme_poor_households', weight: 50, direction: 'auto' }],
};

function data(rows: RankingRow[]): RankingData {
  return {
    key: 'k',
    level: 'rw',
    columns: ['extreme_poor_households'],
    components: [{ id: 'extreme_poor_households', weight: 50, higherIsWorse: true }],
    rows,
    rankedCount: rows.filter((r) => r.rank !== null).length,
    elapsedMs: 3,
  };
}

function Harness({ rows, setView, initial }: { rows: RankingRow[]; setView: (p: Partial<View>) => void; initial?: Partial<View> }) {
  const [settings, setSettings] = useState(SETTINGS);
  const [view, setV] = useState<View>({ ...DEFAULT_VIEW, level: 'rw', ...initial });
  const visible = visibleRows(rows, settings, 'id');
  const ranking: Ranking = {
    settings,
    update: (p) => setSettings((s) => (typeof p === 'function' ? p(s) : { ...s, ...p })),
    state: { data: data(rows), loading: false, error: null },
    visible,
    highlighted: topCodes(visible, settings.topN),
  };
  return (
    <RankingTab
      lang="id"
      view={view}
      setView={(p) => {
        setView(p);
        setV((v) => ({ ...v, ...p }));
      }}
      ranking={ranking}
      boundaries={null}
      dataset={null}
    />
  );
}

const ROWS = [row(1, 1, 1), row(2, 0.5, 2, true), row(3, 0.5, 2, true), row(4, 0, 4), row(5, null, null, false, true)];

describe('RankingTab', () => {
  it('shows ranks with explicit ties, unranked and suppressed cells, and the formula', () => {
    render(<Harness rows={ROWS} setView={() => {}} />);
    const ranks = screen.getAllByTestId('ranking-rank').map((c) => c.textContent);
    expect(ranks).toEqual(['1', '=2', '=2', '4', '–']);
    const last = screen.getAllByTestId('ranking-row')[4]!;
    expect(within(last).getByText('< 10')).toBeTruthy();
    expect(screen.getByTestId('ranking-formula').textContent).toContain('I = (50·s₁) / Σ bobot yang ada');
    expect(screen.getByTestId('ranking-summary').textContent).toBe('5 dari 5 wilayah · 4 diberi peringkat · 3 ms');
  });

  it('a row click selects the area; the sort header re-sorts; the text filter narrows', () => {
    const setView = vi.fn();
    render(<Harness rows={ROWS} setView={setView} />);
    fireEvent.click(screen.getAllByTestId('ranking-row')[3]!);
    expect(setView).toHaveBeenLastCalledWith({ selected: ROWS[3]!.code });
    expect(screen.getAllByTestId('ranking-row')[3]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByTestId('ranking-sort-extreme_poor_households'));
    // Higher is worse: descending first, the suppressed row last.
    expect(screen.getAllByTestId('ranking-row').map((r) => r.dataset.code?.slice(-3))).toEqual(['004', '003', '002', '001', '005']);
    fireEvent.change(screen.getByTestId('ranking-filter-text'), { target: { value: '.002' } });
    expect(screen.getAllByTestId('ranking-row').map((r) => r.dataset.code?.slice(-3))).toEqual(['002']);
  });

  it('pages long lists and jumps to the page of the selected area', () => {
    const many = Array.from({ length: 120 }, (_, i) => row(i + 1, 1 - i / 200, i + 1));
    render(<Harness rows={many} setView={() => {}} initial={{ selected: many[110]!.code }} />);
    expect(screen.getAllByTestId('ranking-row')).toHaveLength(120 - 2 * RANKING_PAGE_SIZE);
    expect(screen.getByText('Halaman 3 dari 3')).toBeTruthy();
    fireEvent.click(screen.getByTestId('ranking-prev'));
    expect(screen.getAllByTestId('ranking-row')).toHaveLength(RANKING_PAGE_SIZE);
    expect(screen.getAllByTestId('ranking-row')[0]!.dataset.code).toBe(many[50]!.code);
  });

  it('weights and directions edit the index settings', () => {
    render(<Harness rows={ROWS} setView={() => {}} />);
    fireEvent.change(screen.getByTestId('ranking-weight-extreme_poor_households'), { target: { value: '25' } });
    fireEvent.change(screen.getByTestId('ranking-direction-extreme_poor_households'), { target: { value: 'lower' } });
    fireEvent.click(screen.getByTestId('ranking-add'));
    const formula = screen.getByTestId('ranking-formula').textContent ?? '';
    expect(formula).toContain('I = (25·s₁ + 20·s₂)');
    expect(formula).toContain('s₁: Rumah tangga miskin ekstrem (↓, 55,6 %)');
  });
});
