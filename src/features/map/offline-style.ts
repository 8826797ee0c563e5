/** The offline MapLibre style: a sea-coloured background and nothing that could make a request. */
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { SEA_HEX } from './layers';

/** Attribution of the synthetic demo boundaries (plain text). */
export const SYNTHETIC_ATTRIBUTION = 'Batas wilayah sintetis / synthetic boundaries';

const CARRIER_SOURCE = 'sasaran-boundaries';

/** A style with no sources, glyphs, sprite or tiles: only the sea-coloured background. */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': SEA_HEX } }],
  };
}

/**
 * Puts an empty GeoJSON source carrying `attribution`, and an invisible layer using it, into the
 * loaded style (offline or online), replacing an earlier one: MapLibre lists attributions of
 * sources used by a visible layer, and the deck.gl boundaries are not MapLibre sources.
 * `null` removes it.
 */
export function setAttributionCarrier(map: MapLibreMap, attribution: string | null): void {
  if (map.getLayer(CARRIER_SOURCE)) map.removeLayer(CARRIER_SOURCE);
  if (map.getSource(CARRIER_SOURCE)) map.removeSource(CARRIER_SOURCE);
  if (attribution === null) return;
  map.addSource(CARRIER_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, attribution });
  map.addLayer({ id: CARRIER_SOURCE, type: 'fill', source: CARRIER_SOURCE, paint: { 'fill-opacity': 0 } });
}
