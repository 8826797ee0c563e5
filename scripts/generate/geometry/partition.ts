/**
 * Grouping cells into contiguous regions of exact sizes: recursive bisection along randomly
 * rotated, wavy cuts, with a repair step that keeps every region connected.
 */
import type { Rng } from '../rng';
import { createWaves, type Pt } from './planar';

/** The cell graph: neighbours across shared edges and a representative point (grid km) per cell. */
export interface CellGraph {
  adj: readonly (readonly number[])[];
  pos: readonly Pt[];
}

/** Cells of `cells` reachable from `from` through cells accepted by `keep`. */
function reach(g: CellGraph, from: number, keep: (c: number) => boolean): number[] {
  const seen = new Set([from]);
  const queue = [from];
  for (let q = 0; q < queue.length; q++) {
    for (const nb of g.adj[queue[q]!]!) {
      if (!seen.has(nb) && keep(nb)) {
        seen.add(nb);
        queue.push(nb);
      }
    }
  }
  return queue;
}

/** Connected components of the cells in `members`, largest first (ties: lowest cell id). */
function components(g: CellGraph, members: readonly number[]): number[][] {
  const inSet = new Set(members);
  const done = new Set<number>();
  const comps: number[][] = [];
  for (const c of [...members].sort((a, b) => a - b)) {
    if (done.has(c)) continue;
    const comp = reach(g, c, (x) => inSet.has(x));
    comp.forEach((x) => done.add(x));
    comps.push(comp);
  }
  return comps.sort((a, b) => b.length - a.length || Math.min(...a) - Math.min(...b));
}

/**
 * Relabels `cells` (labels in `label`, indexed by cell id) so that every label forms one
 * connected piece with exactly targets.get(label) cells: stray pieces join the label they
 * border most, then single boundary cells move along chains of neighbouring labels.
 */
export function makeContiguous(
  g: CellGraph,
  cells: readonly number[],
  label: Map<number, number>,
  targets: ReadonlyMap<number, number>,
): void {
  const labels = [...targets.keys()].sort((a, b) => a - b);
  const membersOf = (l: number): number[] => cells.filter((c) => label.get(c) === l);
  for (let changed = true; changed;) {
    changed = false;
    for (const l of labels) {
      const comps = components(g, membersOf(l));
      for (const comp of comps.slice(1)) {
        const votes = new Map<number, number>();
        for (const c of comp) {
          for (const nb of g.adj[c]!) {
            const o = label.get(nb);
            if (o !== undefined && o !== l) votes.set(o, (votes.get(o) ?? 0) + 1);
          }
        }
        const to = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
        if (!to) continue;
        comp.forEach((c) => label.set(c, to[0]));
        changed = true;
      }
    }
  }
  const count = new Map(labels.map((l) => [l, membersOf(l).length]));
  for (let guard = 0; guard < 10 * cells.length; guard++) {
    const surplus = labels.find((l) => count.get(l)! > targets.get(l)!);
    if (surplus === undefined) return;
    const path = pathToDeficit(g, cells, label, surplus, (l) => count.get(l)! < targets.get(l)!);
    for (let i = path.length - 1; i > 0; i--) {
      moveOne(g, cells, label, path[i - 1]!, path[i]!);
      count.set(path[i - 1]!, count.get(path[i - 1]!)! - 1);
      count.set(path[i]!, count.get(path[i]!)! + 1);
    }
  }
  throw new Error('could not balance region sizes');
}

/** Shortest chain of bordering labels from `from` to one that `isDeficit` accepts. */
function pathToDeficit(
  g: CellGraph,
  cells: readonly number[],
  label: ReadonlyMap<number, number>,
  from: number,
  isDeficit: (l: number) => boolean,
): number[] {
  const borders = new Map<number, Set<number>>();
  for (const c of cells) {
    const l = label.get(c)!;
    for (const nb of g.adj[c]!) {
      const o = label.get(nb);
      if (o === undefined || o === l) continue;
      if (!borders.has(l)) borders.set(l, new Set());
      borders.get(l)!.add(o);
    }
  }
  const prev = new Map<number, number>([[from, from]]);
  const queue = [from];
  for (let q = 0; q < queue.length; q++) {
    const l = queue[q]!;
    if (l !== from && isDeficit(l)) {
      const path = [l];
      while (path[0] !== from) path.unshift(prev.get(path[0]!)!);
      return path;
    }
    for (const o of [...(borders.get(l) ?? [])].sort((a, b) => a - b)) {
      if (!prev.has(o)) {
        prev.set(o, l);
        queue.push(o);
      }
    }
  }
  throw new Error('no bordering region needs cells');
}

/** Moves one cell of label a that borders label b to b, keeping a connected. */
function moveOne(
  g: CellGraph,
  cells: readonly number[],
  label: Map<number, number>,
  a: number,
  b: number,
): void {
  const members = cells.filter((c) => label.get(c) === a);
  const touching = (c: number): number => g.adj[c]!.filter((nb) => label.get(nb) === b).length;
  const candidates = members
    .map((c) => ({ c, t: touching(c) }))
    .filter((x) => x.t > 0)
    .sort((x, y) => y.t - x.t || x.c - y.c);
  for (const { c } of candidates) {
    const rest = members.length - 1;
    const start = g.adj[c]!.find((nb) => label.get(nb) === a);
    if (rest === 0 || start === undefined) continue;
    if (reach(g, start, (x) => x !== c && label.get(x) === a).length === rest) {
      label.set(c, b);
      return;
    }
  }
  throw new Error(`no cell can move from region ${a} to ${b}`);
}

/** Grows a connected set of n cells from the lowest-ranked cell, always taking the lowest-ranked neighbour. */
function grow(
  g: CellGraph,
  cells: readonly number[],
  rank: ReadonlyMap<number, number>,
  n: number,
): Set<number> {
  const start = [...cells].sort((a, b) => rank.get(a)! - rank.get(b)! || a - b)[0]!;
  const taken = new Set<number>([start]);
  const frontier = new Set<number>();
  const push = (c: number): void => {
    for (const nb of g.adj[c]!) if (rank.has(nb) && !taken.has(nb)) frontier.add(nb);
  };
  push(start);
  while (taken.size < n && frontier.size > 0) {
    let best = -1;
    for (const c of frontier)
      if (
        best < 0 ||
        rank.get(c)! < rank.get(best)! ||
        (rank.get(c) === rank.get(best) && c < best)
      )
        best = c;
    frontier.delete(best);
    taken.add(best);
    push(best);
  }
  return taken;
}

/** Splits connected `cells` into two connected parts of n and cells.length - n cells. */
function split(g: CellGraph, cells: readonly number[], n: number, rng: Rng): [number[], number[]] {
  const xs = cells.map((c) => g.pos[c]![0]);
  const ys = cells.map((c) => g.pos[c]![1]);
  const spacing = Math.sqrt(
    ((Math.max(...xs) - Math.min(...xs) + 0.1) * (Math.max(...ys) - Math.min(...ys) + 0.1)) /
      cells.length,
  );
  const tries = 12;
  const turn = rng() * 2 * Math.PI;
  let best: { a: number[]; b: number[]; cut: number } | undefined;
  for (let t = 0; t < tries; t++) {
    const angle = turn + (t * 2 * Math.PI) / tries;
    const dir: Pt = [Math.cos(angle), Math.sin(angle)];
    const wave = createWaves(rng, 3, 4 * spacing, 9 * spacing);
    const rank = new Map(
      cells.map((c) => {
        const p = g.pos[c]!;
        return [c, p[0] * dir[0] + p[1] * dir[1] + 1.2 * spacing * wave(p)];
      }),
    );
    const a = grow(g, cells, rank, n);
    const label = new Map(cells.map((c) => [c, a.has(c) ? 0 : 1]));
    try {
      makeContiguous(
        g,
        cells,
        label,
        new Map([
          [0, n],
          [1, cells.length - n],
        ]),
      );
    } catch {
      continue; // this cut left a piece that cannot be repaired cell by cell: try another direction
    }
    let cut = 0;
    for (const c of cells)
      if (label.get(c) === 0) for (const nb of g.adj[c]!) if (label.get(nb) === 1) cut++;
    if (!best || cut < best.cut) {
      best = {
        a: cells.filter((c) => label.get(c) === 0),
        b: cells.filter((c) => label.get(c) === 1),
        cut,
      };
    }
  }
  if (!best) throw new Error(`no direction splits ${cells.length} cells into ${n} and the rest`);
  return [best.a, best.b];
}

/**
 * Partitions connected `cells` into sizes.length connected groups of exactly those sizes (in
 * order), by recursive bisection; consecutive groups end up next to each other.
 */
export function partition(
  g: CellGraph,
  cells: readonly number[],
  sizes: readonly number[],
  rng: Rng,
): number[][] {
  const total = sizes.reduce((s, x) => s + x, 0);
  if (total !== cells.length) throw new Error(`sizes add to ${total}, not ${cells.length} cells`);
  if (sizes.length === 1) return [[...cells].sort((a, b) => a - b)];
  let left = sizes[0]!;
  let bestJ = 1;
  let bestDiff = Math.abs(total - 2 * left);
  for (let j = 2; j < sizes.length; j++) {
    left += sizes[j - 1]!;
    const diff = Math.abs(total - 2 * left);
    if (diff < bestDiff) {
      bestDiff = diff;
      bestJ = j;
    }
  }
  const n = sizes.slice(0, bestJ).reduce((s, x) => s + x, 0);
  const [a, b] = split(g, cells, n, rng);
  return [
    ...partition(g, a, sizes.slice(0, bestJ), rng),
    ...partition(g, b, sizes.slice(bestJ), rng),
  ];
}
