import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from './view-state';
import { effectiveArea, queryFilters } from './query-filters';

const v = (parent: string | null, kota: string | null, kecamatan: string | null) => ({
  parent,
  filters: { ...DEFAULT_VIEW.filters, kota, kecamatan },
});

describe('effectiveArea', () => {
  it('is null with no parent and no area filter', () => {
    expect(effectiveArea(v(null, null, null))).toBeNull();
  });
  it('takes the deepest of nested codes', () => {
    expect(effectiveArea(v('31.71', null, '31.71.01'))).toBe('31.71.01');
    expect(effectiveArea(v('31.71.01.1001', '31.71', null))).toBe('31.71.01.1001');
  });
  it('is none when the parent and a filter contradict', () => {
    expect(effectiveArea(v('31.72', '31.71', null))).toBe('none');
    expect(queryFilters(v('31.72', '31.71', null))).toBeNull();
  });
  it('does not confuse a code with a longer sibling prefix', () => {
    expect(effectiveArea(v('31.71.01.1001', null, '31.71.01.100'))).toBe('none');
  });
});
