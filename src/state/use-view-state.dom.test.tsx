import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useViewState } from './url-state';

const options = { indicators: ['extreme_poverty_rate', 'kjp_gap'] };

beforeEach(() => {
  window.history.replaceState(null, '', '/app?lvl=kecamatan&k=9#top');
});
afterEach(cleanup);

describe('useViewState', () => {
  it('reads the URL on start, warns about bad values and rewrites the URL canonically', () => {
    const { result } = renderHook(() => useViewState(options));
    expect(result.current.view.level).toBe('kecamatan');
    expect(result.current.view.classes).toBe(5);
    expect(result.current.warnings.map((w) => w.field)).toEqual(['classes']);
    expect(window.location.search).toBe('?lvl=kecamatan');
    expect(window.location.hash).toBe('#top');
  });

  it('pushes a history entry for a meaningful change and replaces it for viewport moves', () => {
    const { result } = renderHook(() => useViewState(options));
    const start = window.history.length;
    act(() => result.current.setView({ indicator: 'kjp_gap' }));
    expect(window.history.length).toBe(start + 1);
    expect(window.location.search).toBe('?lvl=kecamatan&ind=kjp_gap');
    expect(result.current.view.indicator).toBe('kjp_gap');

    act(() => result.current.setViewport({ lon: 106.8123456, lat: -6.2, zoom: 11 }));
    expect(window.history.length).toBe(start + 1);
    expect(window.location.search).toBe('?lvl=kecamatan&ind=kjp_gap&vp=106.81235,-6.2,11');
    expect(result.current.view.viewport).toEqual({ lon: 106.81235, lat: -6.2, zoom: 11 });

    act(() => result.current.setView((v) => ({ ...v })));
    expect(window.history.length).toBe(start + 1);
  });

  it('drops invalid values set by code to their defaults', () => {
    const { result } = renderHook(() => useViewState(options));
    act(() => result.current.setView({ classes: 12, indicator: 'unknown' }));
    expect(result.current.view.classes).toBe(5);
    expect(result.current.view.indicator).toBe('extreme_poverty_rate');
  });

  it('follows back/forward through popstate without pushing', () => {
    const { result } = renderHook(() => useViewState(options));
    const start = window.history.length;
    act(() => {
      window.history.replaceState(null, '', '/app?lvl=rw&in=31.71.01.1001&lang=en');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.view.level).toBe('rw');
    expect(result.current.view.parent).toBe('31.71.01.1001');
    expect(result.current.view.lang).toBe('en');
    expect(window.history.length).toBe(start);
  });
});
