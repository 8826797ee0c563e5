/**
 * GeoJSON writer (RFC 7946): one Feature per row with the boundary geometry of its area and
 * the row's cells as properties (suppressed values null, numbers and flags typed), plus the
 * export's metadata as a top-level foreign member `metadata`.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { MetadataInput } from './metadata';
import { assertTable, type ExportCell, type ExportTable } from './table';

/** Media type of a GeoJSON file. */
export const GEOJSON_TYPE = 'application/geo+json';

/** A FeatureCollection with the metadata member. */
export type ExportCollection = FeatureCollection<Geometry | null> & { metadata: MetadataInput };

/**
 * Builds the collection; `codeKey` names the column holding the area code, and `geometry`
 * gives each code's boundary (a row without one gets `geometry: null`, which RFC 7946 allows).
 */
export function toGeoJson(
  table: ExportTable,
  codeKey: string,
  geometry: ReadonlyMap<string, Geometry>,
  metadata: MetadataInput,
): ExportCollection {
  assertTable(table);
  const codeIndex = table.columns.findIndex((c) => c.key === codeKey);
  if (codeIndex < 0) throw new Error(`no column ${codeKey}`);
  const features = table.rows.map((row): Feature<Geometry | null> => {
    const code = row[codeIndex];
    const properties: Record<string, ExportCell> = {};
    table.columns.forEach((c, j) => {
      properties[c.key] = row[j] ?? null;
    });
    return {
      type: 'Feature',
      id: typeof code === 'string' ? code : undefined,
      geometry: (typeof code === 'string' ? geometry.get(code) : undefined) ?? null,
      properties,
    };
  });
  return { type: 'FeatureCollection', features, metadata };
}

/** The collection as a UTF-8 Blob. */
export function geoJsonBlob(collection: ExportCollection): Blob {
  return new Blob([JSON.stringify(collection)], { type: GEOJSON_TYPE });
}
