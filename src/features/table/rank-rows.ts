/** Competition ranking of areas by an indicator value ("1, 2, =3, =3, 5"); rank 1 is the worst. */

/** What ranking needs from a row. */
export interface Rankable {
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** A row with its rank: null when suppressed or without a value; `tied` when another row shares it. */
export type Ranked<T extends Rankable> = T & {
  readonly rank: number | null;
  readonly tied: boolean;
};

/**
 * Ranks rows, returned in input order. Rank 1 is the highest value when `higherIsWorse`, else the
 * lowest; equal values share the best rank of their group and the next rank skips (1, =2, =2, 4).
 * Suppressed rows and rows whose value is null or not finite get rank null and are not counted.
 */
export function rankRows<T extends Rankable>(
  rows: readonly T[],
  higherIsWorse: boolean,
): Ranked<T>[] {
  const order: number[] = [];
  rows.forEach((r, i) => {
    if (!r.suppressed && r.value !== null && Number.isFinite(r.value)) order.push(i);
  });
  const v = (i: number): number => rows[i]!.value!;
  order.sort((a, b) => (higherIsWorse ? v(b) - v(a) : v(a) - v(b)));
  const rank = new Array<number | null>(rows.length).fill(null);
  const tied = new Array<boolean>(rows.length).fill(false);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && v(order[end]!) === v(order[start]!)) end++;
    for (let j = start; j < end; j++) {
      rank[order[j]!] = start + 1;
      tied[order[j]!] = end - start > 1;
    }
    start = end;
  }
  return rows.map((r, i) => ({ ...r, rank: rank[i]!, tied: tied[i]! }));
}
