/**
 * Zipped ESRI shapefiles: the polygons of the .shp and the attributes of the .dbf, read into a
 * GeoJSON FeatureCollection. Only what boundaries need: (multi)polygons and null shapes; points
 * are read too so the privacy guard can refuse them.
 */
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { ImportError, err, type ImportMessage } from './messages';

/** A shapefile read from a zip, with notes about how it was read. */
export interface ShapefileRead {
  readonly fc: FeatureCollection;
  readonly notes: readonly ImportMessage[];
}

/** Twice the signed area of a ring (positive = counter-clockwise). */
function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s;
}

function readShapes(file: string, shp: Uint8Array): (Geometry | null)[] {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.byteLength < 100 || view.getInt32(0, false) !== 9994) {
    throw new ImportError([err('shapefileBroken', { file, detail: 'the .shp has no shapefile header' })]);
  }
  const out: (Geometry | null)[] = [];
  let at = 100;
  while (at + 12 <= shp.byteLength) {
    const words = view.getInt32(at + 4, false);
    const start = at + 8;
    const end = start + words * 2;
    if (end > shp.byteLength) throw new ImportError([err('shapefileBroken', { file, detail: `record ${out.length + 1} is cut short` })]);
    const type = view.getInt32(start, true);
    if (type === 0) out.push(null);
    else if (type === 1 || type === 11 || type === 21) {
      out.push({ type: 'Point', coordinates: [view.getFloat64(start + 4, true), view.getFloat64(start + 12, true)] });
    } else if (type === 5 || type === 15 || type === 25) {
      const nParts = view.getInt32(start + 36, true);
      const nPoints = view.getInt32(start + 40, true);
      const partsAt = start + 44;
      const pointsAt = partsAt + nParts * 4;
      if (pointsAt + nPoints * 16 > end) throw new ImportError([err('shapefileBroken', { file, detail: `record ${out.length + 1} is cut short` })]);
      const rings: Position[][] = [];
      for (let p = 0; p < nParts; p++) {
        const from = view.getInt32(partsAt + p * 4, true);
        const to = p + 1 < nParts ? view.getInt32(partsAt + (p + 1) * 4, true) : nPoints;
        const ring: Position[] = [];
        for (let k = from; k < to; k++) ring.push([view.getFloat64(pointsAt + k * 16, true), view.getFloat64(pointsAt + k * 16 + 8, true)]);
        rings.push(ring);
      }
      // Outer rings run clockwise in a shapefile; a counter-clockwise ring is a hole of the last outer ring.
      const polygons: Position[][][] = [];
      for (const ring of rings) {
        if (signedArea(ring) <= 0 || polygons.length === 0) polygons.push([ring]);
        else polygons[polygons.length - 1]!.push(ring);
      }
      out.push(polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons });
    } else {
      out.push({ type: 'GeometryCollection', geometries: [] });
    }
    at = end;
  }
  return out;
}

function readDbf(file: string, dbf: Uint8Array, utf8: boolean): Record<string, string | number | null>[] {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.byteLength < 32) throw new ImportError([err('shapefileBroken', { file, detail: 'the .dbf is too short' })]);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const decoder = new TextDecoder(utf8 ? 'utf-8' : 'windows-1252');
  const fields: { name: string; type: string; length: number }[] = [];
  for (let at = 32; at + 32 <= headerLength && dbf[at] !== 0x0d; at += 32) {
    const raw = dbf.subarray(at, at + 11);
    const nul = raw.indexOf(0);
    fields.push({
      name: decoder.decode(raw.subarray(0, nul < 0 ? 11 : nul)).trim(),
      type: String.fromCharCode(dbf[at + 11]!),
      length: dbf[at + 16]!,
    });
  }
  const rows: Record<string, string | number | null>[] = [];
  for (let r = 0; r < count; r++) {
    let at = headerLength + r * recordLength + 1;
    if (at + recordLength - 1 > dbf.byteLength) break;
    const row: Record<string, string | number | null> = {};
    for (const f of fields) {
      const text = decoder.decode(dbf.subarray(at, at + f.length)).trim();
      at += f.length;
      if (f.type === 'N' || f.type === 'F') row[f.name] = text === '' || Number.isNaN(Number(text)) ? null : Number(text);
      else row[f.name] = text === '' ? null : text;
    }
    rows.push(row);
  }
  return rows;
}

/** Reads the first shapefile of a zip; throws ImportError when it lacks a part or is damaged. */
export function readShapefileZip(file: string, bytes: Uint8Array): ShapefileRead {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /\.(shp|dbf|prj|cpg)$/i.test(f.name) && !f.name.startsWith('__MACOSX') });
  } catch (e) {
    throw new ImportError([err('shapefileBroken', { file, detail: e instanceof Error ? e.message : String(e) })]);
  }
  const names = Object.keys(entries);
  const shpName = names.find((n) => /\.shp$/i.test(n));
  if (!shpName) throw new ImportError([err('unsupported', { file, format: 'zip' })]);
  const stem = shpName.slice(0, -4);
  const part = (ext: string): Uint8Array | undefined => entries[names.find((n) => n.toLowerCase() === `${stem}.${ext}`.toLowerCase()) ?? ''];
  const dbf = part('dbf');
  if (!dbf) throw new ImportError([err('shapefileNoDbf', { file, shp: shpName })]);
  const cpg = part('cpg');
  const utf8 = cpg ? /utf-?8/i.test(new TextDecoder().decode(cpg)) : false;
  const shapes = readShapes(file, entries[shpName]!);
  const attrs = readDbf(file, dbf, utf8);
  const notes: ImportMessage[] = [];
  const features: Feature[] = shapes.map((geometry, i) => ({ type: 'Feature', geometry: geometry as Geometry, properties: attrs[i] ?? {} }));
  if (features.length === 0) throw new ImportError([err('noFeatures', { file })]);
  return { fc: { type: 'FeatureCollection', features }, notes };
}
