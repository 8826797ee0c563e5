import { render, screen } from '@testing-library/react';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MapView, type MapBoundaries } from './map-view';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const boundaries: MapBoundaries = { kota: empty, kecamatan: empty, kelurahan: empty, rw: empty };

describe('MapView without WebGL', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps its labelled region and says the map cannot be shown, instead of throwing', () => {
    // A browser without WebGL returns null for every context type.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    render(
      <MapView
        boundaries={boundaries}
        level="rw"
        parent={null}
        fill={new Map()}
        fillKey=""
        suppressed={new Set()}
        selected={null}
        fitTo={null}
        labels={null}
        ariaLabel="Peta indikator"
        lang="en"
      />,
    );
    const region = screen.getByRole('region', { name: 'Peta indikator' });
    expect(region.dataset['renderState']).toBe('error');
    expect(screen.getByText(/cannot be shown in this browser/)).toBeTruthy();
  });
});
