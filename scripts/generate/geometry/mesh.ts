/**
 * A planar mesh of cells sharing vertices by identity, so that any group of cells dissolves into
 * its outline exactly (no boolean operations, no slivers) and neighbours round identically.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { round6, signedArea, type Pt } from './planar';

/** Cells as rings of vertex ids over one vertex table of rounded lon/lat. */
export interface Mesh {
  /** Vertex [lon, lat], rounded to 6 decimals, each distinct. */
  vertices: Pt[];
  /** Open counter-clockwise rings of vertex ids, one per cell. */
  cells: number[][];
}

/** Creates an empty mesh. */
export function createMesh(): Mesh {
  return { vertices: [], cells: [] };
}

/**
 * Adds cells given as open rings of lon/lat; vertices that round to the same 6-decimal position
 * become one vertex. Returns the new cell ids.
 */
export function addCells(
  mesh: Mesh,
  rings: readonly (readonly Pt[])[],
  index: Map<string, number>,
): number[] {
  return rings.map((ring) => {
    const ids: number[] = [];
    for (const [lon, lat] of ring) {
      const v: Pt = [round6(lon), round6(lat)];
      const key = `${v[0]},${v[1]}`;
      let id = index.get(key);
      if (id === undefined) {
        id = mesh.vertices.length;
        mesh.vertices.push(v);
        index.set(key, id);
      }
      if (ids[ids.length - 1] !== id) ids.push(id);
    }
    while (ids.length > 1 && ids[0] === ids[ids.length - 1]) ids.pop();
    if (ids.length < 3) throw new Error('degenerate cell');
    if (signedArea(ids.map((i) => mesh.vertices[i]!)) < 0) ids.reverse();
    mesh.cells.push(ids);
    return mesh.cells.length - 1;
  });
}

/** Cell neighbours across shared edges (sorted ids), for the given cells of the mesh. */
export function adjacency(mesh: Mesh): number[][] {
  const owner = new Map<string, number>();
  mesh.cells.forEach((ring, c) => {
    ring.forEach((u, i) => owner.set(`${u},${ring[(i + 1) % ring.length]!}`, c));
  });
  return mesh.cells.map((ring) => {
    const out = new Set<number>();
    ring.forEach((u, i) => {
      const other = owner.get(`${ring[(i + 1) % ring.length]!},${u}`);
      if (other !== undefined) out.add(other);
    });
    return [...out].sort((a, b) => a - b);
  });
}

/** Angle of the direction from vertex a to vertex b. */
const heading = (a: Pt, b: Pt): number => Math.atan2(b[1] - a[1], b[0] - a[0]);

/**
 * The outline of a group of cells: exterior rings counter-clockwise, holes clockwise, as a
 * Polygon when it is one piece and a MultiPolygon otherwise (coordinates in lon/lat).
 */
export function dissolve(mesh: Mesh, cellIds: readonly number[]): Polygon | MultiPolygon {
  const edges = new Set<string>();
  for (const c of cellIds) {
    const ring = mesh.cells[c]!;
    ring.forEach((u, i) => edges.add(`${u},${ring[(i + 1) % ring.length]!}`));
  }
  const out = new Map<number, number[]>();
  for (const e of edges) {
    const [u, v] = e.split(',').map(Number) as [number, number];
    if (edges.has(`${v},${u}`)) continue;
    const list = out.get(u) ?? [];
    list.push(v);
    out.set(u, list);
  }
  const V = mesh.vertices;
  const rings: number[][] = [];
  const starts = [...out.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    while ((out.get(start)?.length ?? 0) > 0) {
      const ring = [start];
      let prev = start;
      let cur = takeNext(out, start, undefined, V);
      while (cur !== start) {
        ring.push(cur);
        const next = takeNext(out, cur, prev, V);
        prev = cur;
        cur = next;
      }
      rings.push(ring);
    }
  }
  const shells: { ring: Pt[]; holes: Pt[][] }[] = [];
  const holes: Pt[][] = [];
  for (const ids of rings) {
    const pts = ids.map((i) => V[i]!);
    if (signedArea(pts) > 0) shells.push({ ring: pts, holes: [] });
    else holes.push(pts);
  }
  for (const h of holes) {
    const probe: Pt = [(h[0]![0] + h[1]![0]) / 2, (h[0]![1] + h[1]![1]) / 2];
    const owner = shells
      .filter((s) => ringContains(s.ring, probe))
      .sort((a, b) => signedArea(a.ring) - signedArea(b.ring))[0];
    if (!owner) throw new Error('hole outside every shell');
    owner.holes.push(h);
  }
  const close = (r: Pt[]): Position[] => [...r, r[0]!].map((p) => [p[0], p[1]]);
  const polys = shells.map((s) => [close(s.ring), ...s.holes.map(close)]);
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0]! }
    : { type: 'MultiPolygon', coordinates: polys };
}

/** Removes and returns the boundary edge leaving `at`; where several leave, the leftmost turn. */
function takeNext(
  out: Map<number, number[]>,
  at: number,
  from: number | undefined,
  V: readonly Pt[],
): number {
  const list = out.get(at);
  if (!list || list.length === 0) throw new Error('open boundary in dissolve');
  let best = 0;
  if (list.length > 1 && from !== undefined) {
    const back = heading(V[at]!, V[from]!);
    let bestTurn = -Infinity;
    list.forEach((v, i) => {
      let turn = heading(V[at]!, V[v]!) - back;
      while (turn <= 0) turn += 2 * Math.PI;
      while (turn > 2 * Math.PI) turn -= 2 * Math.PI;
      if (turn > bestTurn) {
        bestTurn = turn;
        best = i;
      }
    });
  }
  return list.splice(best, 1)[0]!;
}

/** Even-odd point in ring for lon/lat rings. */
function ringContains(ring: readonly Pt[], p: Pt): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}
