/** The map feature's public surface. */
export * from './map-view';
