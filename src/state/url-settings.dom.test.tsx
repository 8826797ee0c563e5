import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RANKING, RANKING_CODEC } from './ranking-settings';
import { useViewState } from './url-state';
import { choiceCodec, useUrlSettings } from './url-settings';

const options = { indicators: ['extreme_poverty_rate', 'kjp_gap'] };
const TAB = choiceCodec('tab', ['area', 'ranking', 'import'] as const, 'area');

beforeEach(() => {
  window.history.replaceState(null, '', '/app?lvl=kecamatan&tab=ranking&rt=5#top');
});
afterEach(cleanup);

describe('useUrlSettings beside useViewState', () => {
  it('reads its keys on start and writes them with replaceState, keeping the view keys', () => {
    const { result } = renderHook(() => ({ view: useViewState(options), tab: useUrlSettings(TAB), ranking: useUrlSettings(RANKING_CODEC) }));
    expect(result.current.tab[0]).toBe('ranking');
    expect(result.current.ranking[0].topN).toBe(5);
    const start = window.history.length;

    act(() => result.current.ranking[1]((s) => ({ ...s, normalisation: 'zscore', text: 'Kel. Gambir ' })));
    expect(window.history.length).toBe(start);
    const params = new URLSearchParams(window.location.search);
    expect(params.get('lvl')).toBe('kecamatan');
    expect(params.get('tab')).toBe('ranking');
    expect(params.get('rno')).toBe('zscore');
    expect(params.get('rq')).toBe('Kel. Gambir ');
    expect(window.location.hash).toBe('#top');
    expect(result.current.ranking[0].text).toBe('Kel. Gambir ');

    act(() => result.current.tab[1]('area'));
    expect(new URLSearchParams(window.location.search).has('tab')).toBe(false);
  });

  it('keeps the settings when the view pushes a new URL, and follows back/forward', () => {
    const { result } = renderHook(() => ({ view: useViewState(options), ranking: useUrlSettings(RANKING_CODEC) }));
    act(() => result.current.view.setView({ indicator: 'kjp_gap' }));
    expect(window.location.search).toBe('?lvl=kecamatan&ind=kjp_gap&tab=ranking&rt=5');
    act(() => result.current.ranking[1]({ ...DEFAULT_RANKING, topN: 20 }));
    expect(window.location.search).toBe('?lvl=kecamatan&ind=kjp_gap&tab=ranking&rt=20');

    act(() => {
      window.history.replaceState(null, '', '/app?lvl=rw&rt=3');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.ranking[0].topN).toBe(3);
    expect(result.current.view.view.level).toBe('rw');
  });

  it('stores the canonical value: invalid fields set by code fall back to defaults', () => {
    const { result } = renderHook(() => useUrlSettings(RANKING_CODEC));
    act(() => result.current[1]((s) => ({ ...s, topN: 9999, normalisation: 'zscore' })));
    expect(result.current[0].topN).toBe(DEFAULT_RANKING.topN);
    expect(result.current[0].normalisation).toBe('zscore');
  });
});
