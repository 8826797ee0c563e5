/** Turns the view (drill-down parent plus filters) into the query layer's filters. */
import type { Filters as QueryFilters } from '../query/indicators';
import type { View } from './view-state';

/** The restriction that matches no area at all. */
export const NO_AREA = 'none';

/** True when `code` is `ancestor` or lies under it. */
function within(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

/** An area code, null for no restriction, or 'none' when the view's areas contradict. */
export type AreaRestriction = string | null;

/**
 * The single area the view restricts to: the deepest of parent, kota filter and kecamatan filter
 * when they nest; 'none' when they contradict (e.g. drilled into one kota, filtered to another);
 * null when nothing restricts.
 */
export function effectiveArea(view: Pick<View, 'parent' | 'filters'>): AreaRestriction {
  const codes = [view.parent, view.filters.kota, view.filters.kecamatan].filter(
    (c): c is string => c !== null,
  );
  if (codes.length === 0) return null;
  const deepest = codes.reduce((a, b) => (b.length > a.length ? b : a));
  return codes.every((c) => within(deepest, c)) ? deepest : NO_AREA;
}

/** Query filters for the map's areas; null when the view's filters exclude everything. */
export function queryFilters(view: Pick<View, 'parent' | 'filters'>): QueryFilters | null {
  const area = effectiveArea(view);
  if (area === NO_AREA) return null;
  return {
    areas: area === null ? [] : [area],
    kumuh: view.filters.kumuh,
    ktp: view.filters.ktp,
  };
}

/** Household filters only (no area restriction), e.g. for the parent and province comparison. */
export function householdFilters(view: Pick<View, 'filters'>): QueryFilters {
  return { kumuh: view.filters.kumuh, ktp: view.filters.ktp };
}
