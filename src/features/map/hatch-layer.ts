/** A polygon layer that draws its fill colour only on screen-space diagonal stripes (a hatch). */
import { SolidPolygonLayer, type SolidPolygonLayerProps } from '@deck.gl/layers';

/** Distance between hatch stripes and their width, CSS pixels. */
export const HATCH_PERIOD_PX = 6;
/** Width of one hatch stripe, CSS pixels. */
export const HATCH_WIDTH_PX = 1.5;

interface Shaders {
  inject?: Record<string, string>;
}

/**
 * SolidPolygonLayer whose fragments are kept only on 45° stripes; fully transparent features are
 * discarded, so a single layer over all areas hatches exactly those given a non-transparent colour.
 */
export class HatchLayer<D> extends SolidPolygonLayer<D> {
  static override layerName = 'HatchLayer';

  override getShaders(type: 'top' | 'side'): unknown {
    const shaders = super.getShaders(type) as Shaders;
    // Stripes are measured in device pixels; the ratio is read once when the shader is built.
    const dpr = typeof globalThis.devicePixelRatio === 'number' ? globalThis.devicePixelRatio : 1;
    const period = (HATCH_PERIOD_PX * dpr).toFixed(2);
    const width = (HATCH_WIDTH_PX * dpr).toFixed(2);
    return {
      ...shaders,
      inject: {
        ...shaders.inject,
        'fs:DECKGL_FILTER_COLOR': `
  if (color.a <= 0.0) discard;
  if (mod(gl_FragCoord.x + gl_FragCoord.y, ${period}) > ${width} * 1.41421356) discard;
`,
      },
    };
  }
}

/** Props of HatchLayer (those of SolidPolygonLayer). */
export type HatchLayerProps<D> = SolidPolygonLayerProps<D>;
