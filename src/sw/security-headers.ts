/**
 * The HTTP security headers Sasaran is served with (issue 9): one strict Content-Security-Policy
 * plus the small set of isolation headers. Pure functions, used by the Vite preview/dev servers
 * (vite.config.ts) and printed into the README's deployment snippets, so all three agree.
 */

/** Options for the policy; every field is optional. */
export interface PolicyOptions {
  /**
   * Extra origins the page may fetch from and show images of: the online basemap a deployment
   * opts into (style, tiles, glyphs, sprites). Default none: the app then cannot reach any host
   * but its own, whatever basemap URL a user types or a link carries.
   */
  readonly basemapOrigins?: readonly string[];
  /** Same-origin path that receives violation reports (`report-uri`); default none. */
  readonly reportPath?: string;
}

/**
 * Reads `SASARAN_BASEMAP_ORIGIN` (origins separated by spaces or commas, e.g.
 * `https://tiles.example.org`). Throws on anything that is not a plain http(s) origin, since a
 * path, wildcard or keyword here would silently widen the policy.
 */
export function parseBasemapOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[\s,]+/)
    .filter((s) => s !== '')
    .map((s) => {
      let url: URL;
      try {
        url = new URL(s);
      } catch {
        throw new Error(
          `SASARAN_BASEMAP_ORIGIN: "${s}" is not a URL; give an origin such as https://tiles.example.org`,
        );
      }
      const plainHost = /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/i.test(url.hostname);
      if (
        (url.protocol !== 'https:' && url.protocol !== 'http:') ||
        !plainHost ||
        url.origin !== s.replace(/\/$/, '')
      ) {
        throw new Error(
          `SASARAN_BASEMAP_ORIGIN: "${s}" is not a plain http(s) origin (no path, query or wildcard)`,
        );
      }
      return url.origin;
    });
}

/**
 * The Content-Security-Policy value. Scripts and workers come only from the app's origin;
 * `'wasm-unsafe-eval'` lets DuckDB and parquet-wasm compile WebAssembly without allowing
 * JavaScript `eval`. Network access (`connect-src`) is the app's own origin plus the opted-in
 * basemap origins. Inline styles stay blocked: React, MapLibre and deck.gl set styles through
 * the CSSOM (`element.style`), which CSP does not govern.
 */
export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const extra = options.basemapOrigins ?? [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['worker-src', "'self'"],
    ['connect-src', "'self'", ...extra],
    ['img-src', "'self'", 'data:', ...extra],
    ['style-src', "'self'"],
    ['font-src', "'self'"],
    ['manifest-src', "'self'"],
    ['media-src', "'none'"],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  if (options.reportPath) directives.push(['report-uri', options.reportPath]);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Every response header besides the CSP (names as sent). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** All security headers for one response: the CSP and the isolation headers. */
export function securityHeaders(options: PolicyOptions = {}): Record<string, string> {
  return { 'Content-Security-Policy': contentSecurityPolicy(options), ...ISOLATION_HEADERS };
}
