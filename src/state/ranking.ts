/** Rank of an area among its siblings (same parent), 1 = worst. Pure. */
import type { AreaValue } from './use-map-values';

/** Rank and sibling count of `code` among rows sharing its parent; null when it has no value. */
export function siblingRank(
  rows: readonly AreaValue[],
  code: string,
  higherIsWorse: boolean,
): { rank: number; of: number } | null {
  const me = rows.find((r) => r.code === code);
  if (!me || me.value === null) return null;
  const siblings = rows.filter((r) => r.parent === me.parent && r.value !== null);
  const better = siblings.filter((r) => (higherIsWorse ? r.value! > me.value! : r.value! < me.value!)).length;
  return { rank: better + 1, of: siblings.length };
}
