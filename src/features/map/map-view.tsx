/** The choropleth map: one MapLibre map (offline background or opt-in basemap) with a deck.gl overlay. */
import type { PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactElement, type Ref } from 'react';
import type { Lang } from '../../lib/i18n';
import { boundsOfAll, isInParent, labelCharset, labelsFromOverride, ringsOfCodes, selectLabels, setKey, type AreaLevel, type AreaPolygon } from './areas';
import { buildLayers, choroplethId, createMapGeometry, type MapBoundaries, type Rgba } from './layers';
import { anchorIndex, buildOverlayLayers, prepareOverlays, type MapOverlay } from './overlay-layers';
import './map-view.css';
import { SYNTHETIC_ATTRIBUTION, offlineStyle, setAttributionCarrier } from './offline-style';

export { AREA_LEVELS, boundsOf, boundsOfAll, featureCode, featureName, isInParent, type AreaLevel, type BBox } from './areas';
export type { MapBoundaries, Rgba } from './layers';
export type { MapOverlay } from './overlay-layers';

// Vite bundles the worker as a separate asset; MapLibre cannot find it on its own.
maplibregl.setWorkerUrl(workerUrl);

/** A camera position: centre in degrees, MapLibre zoom. */
export interface MapViewport {
  lon: number;
  lat: number;
  zoom: number;
}

/** The hovered area and the pointer position in px relative to the map container. */
export interface MapHover {
  code: string;
  x: number;
  y: number;
}

/** A picture of the map as drawn: MapLibre and deck.gl composited, `pixelRatio` device px per CSS px. */
export interface MapImage {
  readonly canvas: HTMLCanvasElement;
  /** Ground metres per CSS pixel at the map's centre. */
  readonly metresPerPixel: number;
}

/** What a parent can ask of a map given `captureRef`. */
export interface MapCapture {
  /** Waits until the map and its layers have finished drawing, then copies both canvases into one. */
  capture(): Promise<MapImage>;
  /** Ground metres per CSS pixel at the map's centre now. */
  metresPerPixel(): number;
}

/** A label to draw instead of the default ones. */
export interface MapLabel {
  code: string;
  name: string;
  level: AreaLevel;
}

/** Props of MapView. */
export interface MapViewProps {
  /** The four boundary files as loaded; derived geometry is rebuilt only when this object changes. */
  boundaries: MapBoundaries;
  /** Level being coloured. */
  level: AreaLevel;
  /** Code drilled into: only areas whose code starts with `${parent}.` are coloured and interactive; null = whole province. */
  parent: string | null;
  /** Colour per area code of `level`; absent codes are drawn as no data (grey). */
  fill: ReadonlyMap<string, Rgba>;
  /** Changes exactly when `fill` changes. */
  fillKey: string;
  /** Codes drawn as suppressed: light grey with a diagonal hatch. */
  suppressed: ReadonlySet<string>;
  /** Codes outlined thickly (e.g. the top N). */
  highlighted?: ReadonlySet<string>;
  /** Code outlined in black with a white halo. */
  selected: string | null;
  /** Fit the camera to `bbox` ([w, s, e, n] degrees) whenever `key` changes. */
  fitTo: { bbox: [number, number, number, number]; key: string } | null;
  /** Camera at mount; default: fit `fitTo`, else the whole province. */
  initialViewport?: MapViewport | null;
  /** Called on moveend. */
  onViewportChange?: (v: MapViewport) => void;
  /** Hovered area inside `parent`, or null. */
  onHover?: (hover: MapHover | null) => void;
  /** Click: the area's code, or null on the empty map / outside `parent`. */
  onSelect?: (code: string | null) => void;
  /** Double-click on an area inside `parent` (the map's double-click zoom is off). */
  onDrill?: (code: string) => void;
  /** Opt-in online MapLibre style URL; null/undefined = the offline style (no requests). */
  basemapUrl?: string | null;
  /** Labels to draw instead of the defaults (kota names, plus names of coloured areas that fit). */
  labels: MapLabel[] | null;
  /** Accessible name of the map region. */
  ariaLabel: string;
  /** Language of the zoom buttons' titles; default 'id'. */
  lang?: Lang;
  /** Called when the map and the deck layers have finished drawing after a change. */
  onRendered?: () => void;
  /** Pan, zoom and the zoom buttons; default true. Read once at mount. */
  interactive?: boolean;
  /** Drawing-buffer pixels per CSS pixel; default the screen's. Read once at mount. */
  pixelRatio?: number;
  /** Receives the capture API; the canvases then keep their drawing buffers. Read once at mount. */
  captureRef?: Ref<MapCapture>;
  /** Intervention overlays above the choropleth, first drawn lowest; default none. */
  overlays?: readonly MapOverlay[];
  /** Plain-text attribution of the boundaries; default the synthetic-boundaries notice, null = none. */
  attribution?: string | null;
}

const NO_OVERLAYS: readonly MapOverlay[] = [];

const FALLBACK_VIEW: MapViewport = { lon: 106.83, lat: -6.2, zoom: 9.5 };
/** Earth's equatorial circumference in metres (web mercator) over MapLibre's 512 px tile. */
const METRES_PER_PX_Z0 = 40_075_016.686 / 512;
const FIT_PADDING = 32;
const ZOOM_TITLES: Record<Lang, { in: string; out: string }> = {
  id: { in: 'Perbesar', out: 'Perkecil' },
  en: { in: 'Zoom in', out: 'Zoom out' },
};

const NO_WEBGL: Record<Lang, string> = {
  id: 'Peta tidak dapat ditampilkan di peramban ini (WebGL tidak tersedia). Datanya tetap ada di tabel.',
  en: 'The map cannot be shown in this browser (WebGL is unavailable). The data remain in the table.',
};

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function roundZoom(z: number): number {
  return Math.round(z * 4) / 4;
}

function setZoomTitles(container: HTMLElement, lang: Lang): void {
  for (const [cls, title] of [
    ['.maplibregl-ctrl-zoom-in', ZOOM_TITLES[lang].in],
    ['.maplibregl-ctrl-zoom-out', ZOOM_TITLES[lang].out],
  ] as const) {
    const button = container.querySelector(cls);
    if (button) {
      button.setAttribute('title', title);
      button.setAttribute('aria-label', title);
    }
  }
}

/**
 * The map. MapLibre and the deck.gl overlay are created once; deck layers are rebuilt on every
 * render with stable ids, and colours change through updateTriggers only. The container carries
 * `data-render-state="busy"|"idle"` for tests.
 */
export function MapView(props: MapViewProps): ReactElement {
  const regionRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const propsRef = useRef(props);
  const busyRef = useRef({ map: true, deck: true, deckDrawn: false });
  const markBusyRef = useRef<() => void>(() => undefined);
  const lastFitKey = useRef<string | null>(null);
  const styleUrl = useRef<string | null>(props.basemapUrl ?? null);
  const lastHover = useRef<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [zoom, setZoom] = useState(() => props.initialViewport?.zoom ?? FALLBACK_VIEW.zoom);
  const idleWaiters = useRef<(() => void)[]>([]);

  useImperativeHandle(
    props.captureRef,
    (): MapCapture => {
      const metresPerPixel = (): number => {
        const map = mapRef.current;
        if (!map) return Number.NaN;
        return (METRES_PER_PX_Z0 * Math.cos((map.getCenter().lat * Math.PI) / 180)) / 2 ** map.getZoom();
      };
      return {
        metresPerPixel,
        capture: async () => {
          if (regionRef.current?.dataset['renderState'] !== 'idle') {
            await new Promise<void>((resolve) => idleWaiters.current.push(resolve));
          }
          const map = mapRef.current;
          if (!map) throw new Error('the map is not available');
          const base = map.getCanvas();
          const out = document.createElement('canvas');
          out.width = base.width;
          out.height = base.height;
          const ctx = out.getContext('2d');
          if (!ctx) throw new Error('no 2D canvas context');
          ctx.drawImage(base, 0, 0);
          const deck = overlayRef.current?.getCanvas();
          if (deck) ctx.drawImage(deck, 0, 0, out.width, out.height);
          return { canvas: out, metresPerPixel: metresPerPixel() };
        },
      };
    },
    [],
  );

  useEffect(() => {
    propsRef.current = props;
  });

  const geometry = useMemo(() => createMapGeometry(props.boundaries), [props.boundaries]);

  // Mount: create the map and the overlay once; callbacks read the latest props through propsRef.
  useEffect(() => {
    const container = containerRef.current;
    const region = regionRef.current;
    if (!container || !region) return;
    const init = propsRef.current;
    const fitBox = init.fitTo?.bbox ?? boundsOfAll(init.boundaries.kota);
    const view = init.initialViewport;
    lastFitKey.current = init.fitTo?.key ?? null;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container,
        style: init.basemapUrl ?? offlineStyle(),
        ...(view
          ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom }
          : fitBox
            ? { bounds: fitBox, fitBoundsOptions: { padding: FIT_PADDING } }
            : { center: [FALLBACK_VIEW.lon, FALLBACK_VIEW.lat] as [number, number], zoom: FALLBACK_VIEW.zoom }),
        attributionControl: false,
        doubleClickZoom: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxPitch: 0,
        renderWorldCopies: false,
        locale: { 'Map.Title': init.ariaLabel },
        interactive: init.interactive ?? true,
        ...(init.pixelRatio ? { pixelRatio: init.pixelRatio } : {}),
        // Capture copies the canvas after rendering, so its drawing buffer must survive the frame.
        ...(init.captureRef ? { canvasContextAttributes: { preserveDrawingBuffer: true } } : {}),
      });
    } catch {
      // No WebGL (old browser, disabled GPU, jsdom): say so; the table still shows the data.
      region.dataset['renderState'] = 'error';
      setFailed(true);
      return;
    }
    setZoom(roundZoom(map.getZoom()));
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    if (init.interactive ?? true) map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.AttributionControl({ compact: false }), 'bottom-right');
    setZoomTitles(container, init.lang ?? 'id');
    map.getCanvas().setAttribute('role', 'application');

    const busy = busyRef.current;
    const settle = (): void => {
      if (busy.map || busy.deck) return;
      region.dataset['renderState'] = 'idle';
      for (const resolve of idleWaiters.current.splice(0)) resolve();
      propsRef.current.onRendered?.();
    };
    markBusyRef.current = () => {
      busy.map = true;
      busy.deck = true;
      region.dataset['renderState'] = 'busy';
      map.triggerRepaint();
    };
    region.dataset['renderState'] = 'busy';

    const pickedCode = (info: PickingInfo): string | null => {
      const p = propsRef.current;
      if (!info.layer || info.layer.id !== choroplethId(p.level)) return null;
      const code = (info.object as AreaPolygon | undefined)?.code;
      return code !== undefined && code !== null && isInParent(code, p.parent) ? code : null;
    };

    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      ...(init.pixelRatio ? { useDevicePixels: init.pixelRatio } : {}),
      onHover: (info) => {
        const code = pickedCode(info);
        map.getCanvas().style.cursor = code ? 'pointer' : '';
        if (code === null && lastHover.current === null) return;
        lastHover.current = code;
        propsRef.current.onHover?.(code === null ? null : { code, x: info.x, y: info.y });
      },
      onClick: (info, event) => {
        const code = pickedCode(info);
        const taps = (event as { tapCount?: number }).tapCount ?? 1;
        if (taps >= 2) {
          if (code !== null) propsRef.current.onDrill?.(code);
        } else {
          propsRef.current.onSelect?.(code);
        }
      },
      onAfterRender: () => {
        if (!busy.deckDrawn) {
          // deck.gl's canvas is a second, unlabeled tab stop over MapLibre's focusable canvas.
          const deckCanvas = overlay.getCanvas();
          deckCanvas?.setAttribute('tabindex', '-1');
          deckCanvas?.setAttribute('aria-hidden', 'true');
          // The first frame with the boundaries on it (the benchmark's "first map").
          if (typeof performance !== 'undefined' && performance.getEntriesByName('sasaran:map-drawn').length === 0) {
            performance.mark('sasaran:map-drawn');
          }
        }
        busy.deckDrawn = true;
        busy.deck = false;
        settle();
      },
    });
    map.addControl(overlay);
    overlayRef.current = overlay;
    mapRef.current = map;

    map.on('style.load', () => setAttributionCarrier(map, propsRef.current.attribution === undefined ? SYNTHETIC_ATTRIBUTION : propsRef.current.attribution));
    map.on('movestart', () => {
      busy.map = true;
      region.dataset['renderState'] = 'busy';
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      const z = map.getZoom();
      setZoom(roundZoom(z));
      propsRef.current.onViewportChange?.({ lon: c.lng, lat: c.lat, zoom: z });
    });
    map.on('idle', () => {
      busy.map = false;
      // The overlay redraws deck synchronously inside the map's render, so once deck has drawn at
      // least once, an idle map means deck is up to date too.
      if (busy.deckDrawn) busy.deck = false;
      settle();
    });
    map.on('mouseout', () => {
      if (lastHover.current !== null) {
        lastHover.current = null;
        propsRef.current.onHover?.(null);
      }
    });

    return () => {
      overlayRef.current = null;
      mapRef.current = null;
      markBusyRef.current = () => undefined;
      map.removeControl(overlay);
      map.remove();
    };
  }, []);

  const suppressedKey = useMemo(() => setKey(props.suppressed), [props.suppressed]);
  const highlightedRings = useMemo(
    () => ringsOfCodes(geometry.rings, props.highlighted ?? new Set<string>(), props.level),
    [geometry, props.highlighted, props.level],
  );
  const selectedRings = useMemo(
    () => ringsOfCodes(geometry.rings, new Set(props.selected === null ? [] : [props.selected]), props.level),
    [geometry, props.selected, props.level],
  );
  const labels = useMemo(
    () =>
      props.labels
        ? labelsFromOverride(props.labels, geometry.anchors)
        : selectLabels({
            kota: geometry.anchors.kota,
            areas: geometry.anchors[props.level],
            level: props.level,
            parent: props.parent,
            zoom,
          }),
    [props.labels, geometry, props.level, props.parent, zoom],
  );
  const charset = useMemo(
    () =>
      labelCharset([
        ...Object.values(geometry.anchors).flatMap((anchors) => anchors.map((a) => a.name)),
        ...(props.labels ?? []).map((l) => l.name),
      ]),
    [geometry, props.labels],
  );
  const basemap = props.basemapUrl !== null && props.basemapUrl !== undefined;
  const overlays = props.overlays ?? NO_OVERLAYS;
  const anchors = useMemo(() => anchorIndex(geometry), [geometry]);
  const prepared = useMemo(() => prepareOverlays(overlays, { geometry, anchors }), [overlays, geometry, anchors]);
  const overlaysKey = prepared.map((o) => `${o.id}:${o.key}:${o.opacity}`).join(',');
  const overlayIds = prepared.map((o) => o.id.replace(/^overlay-/, '')).join(',');

  // Layers are cheap descriptions: rebuilt each render, deck.gl diffs them by id.
  useEffect(() => {
    overlayRef.current?.setProps({
      layers: buildLayers({
        geometry,
        level: props.level,
        parent: props.parent,
        fill: props.fill,
        fillKey: props.fillKey,
        suppressed: props.suppressed,
        suppressedKey,
        highlightedRings,
        selectedRings,
        labels,
        charset,
        zoom,
        basemap,
        overlays: buildOverlayLayers(prepared),
      }),
    });
  });

  useEffect(() => {
    markBusyRef.current();
  }, [geometry, props.level, props.parent, props.fillKey, suppressedKey, highlightedRings, selectedRings, labels, basemap]);

  // Overlay ids on the region, set together with the busy mark, so a test can wait for
  // "these overlays drawn" as `data-overlays` plus `data-render-state="idle"`.
  useEffect(() => {
    markBusyRef.current();
    const region = regionRef.current;
    if (region) region.dataset['overlays'] = overlayIds;
  }, [overlaysKey, overlayIds]);

  const attribution = props.attribution === undefined ? SYNTHETIC_ATTRIBUTION : props.attribution;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    // Until the style has loaded, its 'style.load' handler adds the carrier from the latest props.
    const apply = (): void => setAttributionCarrier(map, attribution);
    if (map.isStyleLoaded()) apply();
    else map.once('idle', apply);
    return () => {
      map.off('idle', apply);
    };
  }, [attribution]);

  const fitKey = props.fitTo?.key ?? null;
  useEffect(() => {
    const map = mapRef.current;
    const fit = propsRef.current.fitTo;
    if (!map || !fit || fit.key === lastFitKey.current) return;
    lastFitKey.current = fit.key;
    map.fitBounds(fit.bbox, { padding: FIT_PADDING, maxZoom: 16, duration: prefersReducedMotion() ? 0 : 700 });
  }, [fitKey]);

  useEffect(() => {
    const map = mapRef.current;
    const url = props.basemapUrl ?? null;
    if (!map || url === styleUrl.current) return;
    styleUrl.current = url;
    map.setStyle(url ?? offlineStyle(), { diff: false });
    markBusyRef.current();
  }, [props.basemapUrl]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', props.ariaLabel);
  }, [props.ariaLabel]);

  useEffect(() => {
    if (containerRef.current) setZoomTitles(containerRef.current, props.lang ?? 'id');
  }, [props.lang]);

  return (
    <div ref={regionRef} className="sasaran-map" role="region" aria-label={props.ariaLabel}>
      <div ref={containerRef} className="sasaran-map__canvas" />
      {failed && <p className="sasaran-map__error">{NO_WEBGL[props.lang ?? 'id']}</p>}
    </div>
  );
}
