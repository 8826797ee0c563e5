import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING, decodeRanking, encodeRanking, type RankingSettings } from './ranking-settings';
import { mergeParams } from './url-settings';

const CUSTOM: RankingSettings = {
  columns: ['poverty_rate', 'extreme_poverty_rate'],
  components: [
    { id: 'extreme_poor_households', weight: 55, direction: 'auto' },
    { id: 'kb_gap', weight: 12.5, direction: 'higher' },
    { id: 'kb_coverage', weight: 0, direction: 'lower' },
  ],
  normalisation: 'zscore',
  missing: 'exclude',
  sort: { key: 'kb_gap', dir: 'desc' },
  text: 'Kel. Tanah Abang, 31.71',
  valueFilter: { column: 'index', op: 'gte', value: 0.25 },
  topN: 25,
};

describe('ranking settings in the URL', () => {
  it('leaves the defaults out of the URL and reads an empty URL as the defaults', () => {
    expect(encodeRanking(DEFAULT_RANKING).toString()).toBe('');
    expect(decodeRanking(new URLSearchParams())).toEqual(DEFAULT_RANKING);
  });

  it('round-trips every field, including an empty index and no columns', () => {
    const p = encodeRanking(CUSTOM);
    expect(p.get('rix')).toBe('extreme_poor_households:55,kb_gap:12.5:h,kb_coverage:0:l');
    expect(p.get('rf')).toBe('index:gte:0.25');
    expect(decodeRanking(new URLSearchParams(p.toString()))).toEqual(CUSTOM);
    const empty: RankingSettings = { ...DEFAULT_RANKING, components: [], columns: [] };
    const q = encodeRanking(empty);
    expect(q.get('rix')).toBe('');
    expect(decodeRanking(new URLSearchParams(q.toString()))).toEqual(empty);
  });

  it('falls back field by field on hand-edited values and never throws', () => {
    const bad = new URLSearchParams({
      rix: 'extreme_poor_households:40,not_an_indicator:10',
      rno: 'logit',
      rmi: 'reweight',
      rcol: 'poverty_rate,poverty_rate',
      rs: 'kb_gap:sideways',
      rf: 'kb_gap:gte:abc',
      rt: '-3',
      rq: 'x'.repeat(500),
    });
    const s = decodeRanking(bad);
    expect(s.components).toEqual(DEFAULT_RANKING.components);
    expect(s.normalisation).toBe('minmax');
    expect(s.missing).toBe('reweight');
    expect(s.columns).toEqual(DEFAULT_RANKING.columns);
    expect(s.sort).toEqual(DEFAULT_RANKING.sort);
    expect(s.valueFilter).toBeNull();
    expect(s.topN).toBe(DEFAULT_RANKING.topN);
    expect(s.text).toHaveLength(200);
    for (const rix of ['a:1:x:y', 'kb_gap:101', 'kb_gap:-1', 'kb_gap:5:z', 'kb_gap:5,kb_gap:6', ':5'])
      expect(decodeRanking(new URLSearchParams({ rix })).components).toEqual(DEFAULT_RANKING.components);
  });

  it('merges its keys into a query string without touching the others', () => {
    const merged = mergeParams('?lvl=rw&rt=5&ind=kb_gap', ['rt', 'rix'], new URLSearchParams({ rt: '7' }));
    expect(merged.toString()).toBe('lvl=rw&ind=kb_gap&rt=7');
  });
});
