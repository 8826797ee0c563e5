/**
 * Vite plugins for issue 9 (Node side): the service worker entry with its precache manifest,
 * precompressed (.br/.gz) copies of large files served with Content-Encoding by `vite preview`,
 * and the security headers on every preview/dev response.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import type { PrecacheManifest } from './precache';
import { parseBasemapOrigins, securityHeaders } from './security-headers.ts';

/** Path of the built service worker inside outDir (and under the base URL). */
export const SW_FILE = 'sw.js';

/** A same-origin data folder the app fetches and the service worker must cache. */
export interface DataFolder {
  /** Absolute folder on disk. */
  readonly dir: string;
  /** URL path under the base, with trailing slash (e.g. `data/demo/`). */
  readonly urlPrefix: string;
  /** The file names the app reads from it. */
  readonly names: ReadonlySet<string>;
}

const DUCKDB_WASM = /^assets\/duckdb-(eh|mvp)-[\w-]+\.wasm$/;

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Emits src/sw/sw.ts as `/sw.js` (a fixed name: a service worker's URL must not change between
 * versions) and prepends the precache manifest of this build: every emitted file, the public
 * folder and the data folders, with a version derived from file names and unhashed contents.
 */
export function serviceWorkerPlugin(data: readonly DataFolder[]): Plugin {
  let publicDir = '';
  return {
    name: 'sasaran-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: resolve(import.meta.dirname, 'sw.ts'),
        fileName: SW_FILE,
      });
    },
    // 'post': index.html is emitted by Vite's own generateBundle.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const sw = bundle[SW_FILE];
        if (sw?.type !== 'chunk')
          throw new Error(`service worker chunk ${SW_FILE} missing from the bundle`);
        if (sw.imports.length > 0)
          throw new Error(
            `${SW_FILE} must be one classic script but imports ${sw.imports.join(', ')}`,
          );
        const fingerprint: string[] = [];
        const files: string[] = [];
        let eh = '';
        let mvp = '';
        for (const [name, item] of Object.entries(bundle)) {
          if (name === SW_FILE || name.endsWith('.map')) continue;
          const kind = DUCKDB_WASM.exec(name)?.[1];
          if (kind === 'eh') eh = name;
          else if (kind === 'mvp') mvp = name;
          else files.push(name);
          fingerprint.push(
            name.startsWith('assets/')
              ? name
              : `${name}:${sha256(item.type === 'chunk' ? item.code : item.source)}`,
          );
        }
        if (existsSync(publicDir)) {
          for (const name of readdirSync(publicDir, { recursive: true, encoding: 'utf8' })) {
            const file = join(publicDir, name);
            if (!statSync(file).isFile()) continue;
            const url = name.split(sep).join('/');
            files.push(url);
            fingerprint.push(`${url}:${sha256(readFileSync(file))}`);
          }
        }
        for (const folder of data) {
          for (const name of [...folder.names].sort()) {
            const file = join(folder.dir, name);
            if (!existsSync(file)) continue;
            const url = `${folder.urlPrefix}${name}`;
            files.push(url);
            fingerprint.push(`${url}:${sha256(readFileSync(file))}`);
          }
        }
        files.sort();
        const manifest: PrecacheManifest = {
          version: sha256(fingerprint.sort().join('\n')).slice(0, 16),
          files,
          duckdb: eh && mvp ? { eh, mvp } : null,
        };
        sw.code = `var __SASARAN_PRECACHE__ = ${JSON.stringify(manifest)};\n${sw.code}`;
      },
    },
  };
}

/** Extensions worth compressing (WebAssembly, scripts, styles, text data). Parquet is compressed already. */
const COMPRESSIBLE: Readonly<Record<string, string>> = {
  '.wasm': 'application/wasm',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
};

/** Files smaller than this (bytes) are sent as they are. */
const MIN_COMPRESS_BYTES = 1024;

async function listFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, encoding: 'utf8' });
  const out: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    if ((await stat(file)).isFile()) out.push(file);
  }
  return out;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * After the build (and after the demo data copy), writes `name.br` and `name.gz` next to every
 * compressible file of at least 1 KiB in outDir; `vite preview` then serves them with
 * Content-Encoding (the middleware below). Brotli quality defaults to 5 with a 16 MiB window, which
 * compresses the 34 MB DuckDB binary to about 6 MB in under two seconds; set
 * SASARAN_BROTLI_QUALITY=11 for a release (about 5 MB, but minutes per binary).
 */
export function precompressPlugin(): Plugin {
  let outDir = '';
  let failed = false;
  const quality = Number(process.env.SASARAN_BROTLI_QUALITY ?? 5);
  return {
    name: 'sasaran-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildEnd(error) {
      failed = error !== undefined;
    },
    closeBundle: {
      order: 'post',
      async handler() {
        if (failed || !existsSync(outDir)) return;
        const files = (await listFiles(outDir)).filter((f) => extname(f) in COMPRESSIBLE);
        await Promise.all(
          files.map(async (file) => {
            const bytes = await readFile(file);
            if (bytes.length < MIN_COMPRESS_BYTES) return;
            const [br, gzipped] = await Promise.all([
              brotli(bytes, {
                params: {
                  [zlib.BROTLI_PARAM_QUALITY]: quality,
                  [zlib.BROTLI_PARAM_LGWIN]: 24,
                  [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
                },
              }),
              gz(bytes, { level: 9 }),
            ]);
            await writeFile(`${file}.br`, br);
            await writeFile(`${file}.gz`, gzipped);
          }),
        );
      },
    },
  };
}

/** The encoding to send for an `Accept-Encoding` header: br, then gzip, else none. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const tokens = (accept ?? '')
    .split(',')
    .map((t) => t.trim().split(';'))
    .filter(([, q]) => q === undefined || !/^\s*q=0(\.0*)?\s*$/.test(q))
    .map(([name]) => (name ?? '').trim().toLowerCase());
  if (tokens.includes('br')) return 'br';
  if (tokens.includes('gzip')) return 'gzip';
  return null;
}

/** Files served as they are: already compressed inside (gzip would save under 1 % and burn CPU). */
const INCOMPRESSIBLE: Readonly<Record<string, string>> = {
  '.parquet': 'application/vnd.apache.parquet',
};

function servePrecompressed(root: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return next();
    }
    const ext = extname(path);
    const type = COMPRESSIBLE[ext] ?? INCOMPRESSIBLE[ext];
    const file = resolve(root, `.${path}`);
    if (!type || relative(root, file).startsWith('..') || !existsSync(file)) return next();
    const encoding = ext in COMPRESSIBLE ? pickEncoding(req.headers['accept-encoding']) : null;
    const packed = encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : null;
    if (ext in COMPRESSIBLE && (!packed || !existsSync(packed))) return next();
    const body = packed ?? file;
    const info = statSync(body);
    const etag = `W/"${encoding ?? 'id'}-${info.size}-${info.mtimeMs.toFixed(0)}"`;
    res.setHeader('Content-Type', type);
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', etag);
    res.setHeader(
      'Cache-Control',
      path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('Content-Length', String(info.size));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(body).pipe(res);
  };
}

/** Where the preview and dev servers collect CSP violation reports (preview/dev only). */
export const CSP_REPORT_PATH = '/__csp-report';

/**
 * Sends the security headers on every preview response (the CSP with the basemap origins from
 * SASARAN_BASEMAP_ORIGIN), serves the precompressed files, and keeps CSP violation reports: a
 * POST to /__csp-report is logged and stored, a GET returns them as JSON, so tests see violations
 * raised inside workers too, where no page listener can. In dev only the non-CSP headers are sent:
 * Vite's dev client injects inline scripts and styles that a strict policy rightly blocks.
 */
export function securityHeadersPlugin(): Plugin {
  const reports: unknown[] = [];
  const collect = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.url !== CSP_REPORT_PATH) return next();
    if (req.method === 'GET') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(reports));
      return;
    }
    if (req.method !== 'POST') return next();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').slice(0, 16_384);
      let report: unknown = text;
      try {
        report = JSON.parse(text);
      } catch {
        // keep the raw text
      }
      reports.push(report);
      console.warn(`[csp] violation report: ${text.slice(0, 500)}`);
      res.statusCode = 204;
      res.end();
    });
  };
  return {
    name: 'sasaran-security-headers',
    config() {
      return { preview: { cors: false }, server: { cors: false } };
    },
    configurePreviewServer(server) {
      const headers = securityHeaders({
        basemapOrigins: parseBasemapOrigins(process.env.SASARAN_BASEMAP_ORIGIN),
        reportPath: CSP_REPORT_PATH,
      });
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((_req, res, next) => {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        next();
      });
      server.middlewares.use(collect);
      server.middlewares.use(servePrecompressed(outDir));
    },
    configureServer(server) {
      const { 'Content-Security-Policy': _csp, ...rest } = securityHeaders();
      server.middlewares.use((_req, res, next) => {
        for (const [k, v] of Object.entries(rest)) res.setHeader(k, v);
        next();
      });
    },
  };
}

/** One source rewrite that takes a dynamic-code construct out of a dependency. */
interface Rewrite {
  /** Matches the module id (a path under node_modules). */
  readonly id: RegExp;
  readonly from: RegExp;
  readonly to: string;
  /** How many matches the pinned dependency version has; any other count fails the build. */
  readonly count: number;
}

/**
 * The rewrites behind a CSP without 'unsafe-eval' (issue 9), each checked at runtime in Chromium:
 * - apache-arrow compiles its null-value test with `new Function` whenever a vector is built from
 *   JS values (our GeoJSON-properties ingest does), so the DuckDB worker failed under the CSP. It
 *   becomes a closure with the same semantics (strict equality per null value, NaN via x !== x).
 * - duckdb-wasm's emscripten glue has 6 `eval` calls: `emscripten_run_script*` (the wasm does not
 *   import them), a Node-only script loader, and the EM_ASM/EM_JS setup of dynamically linked side
 *   modules, i.e. extensions, which the engine's lockdown forbids. They now throw instead.
 * - decimal.js-light (via recharts) reaches for `Function('return this')()` when `self` is
 *   missing; `globalThis` says the same without code generation.
 */
const REWRITES: readonly Rewrite[] = [
  {
    id: /[\\/]node_modules[\\/]apache-arrow[\\/]builder[\\/]valid\.mjs$/,
    from: /export function createIsValidFunction\(nullValues\) \{[\s\S]*?\n\}\n/,
    to: `export function createIsValidFunction(nullValues) {
    if (!nullValues || nullValues.length <= 0) return function isValid(_value) { return true; };
    const nanIsNull = nullValues.some((x) => x !== x);
    const values = nullValues.filter((x) => x === x);
    return function isValid(x) { return !((nanIsNull && x !== x) || values.includes(x)); };
}
`,
    count: 1,
  },
  {
    id: /[\\/]node_modules[\\/]@duckdb[\\/]duckdb-wasm[\\/]dist[\\/]duckdb-browser-blocking\.mjs$/,
    from: /(?<![\w$.])eval\(/g,
    to: '(() => { throw new Error("Sasaran: eval is disabled (CSP without unsafe-eval); DuckDB extensions cannot load"); })(',
    count: 12,
  },
  {
    id: /[\\/]node_modules[\\/]decimal\.js-light[\\/]decimal\.(m?js)$/,
    from: /Function\('return this'\)\(\)/g,
    to: 'globalThis',
    count: 1,
  },
];

/**
 * Applies REWRITES to the dependencies of the app and of its workers (add it to both `plugins`
 * and `worker.plugins`). A pattern that no longer matches its pinned count fails the build, so a
 * dependency upgrade cannot silently bring code generation back.
 */
export function noDynamicCodePlugin(): Plugin {
  return {
    name: 'sasaran-no-dynamic-code',
    apply: 'build',
    transform(code, id) {
      const out = applyRewrites(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}

/**
 * The module `code` (path `id`) with its REWRITES applied, or null when none targets it. Throws
 * when a pattern's match count differs from the pinned one.
 */
export function applyRewrites(code: string, id: string): string | null {
  const rewrite = REWRITES.find((r) => r.id.test(id));
  if (!rewrite) return null;
  const found = code.match(
    new RegExp(
      rewrite.from.source,
      rewrite.from.flags.includes('g') ? rewrite.from.flags : `${rewrite.from.flags}g`,
    ),
  );
  if ((found?.length ?? 0) !== rewrite.count) {
    throw new Error(
      `no-dynamic-code: expected ${rewrite.count} match(es) of ${rewrite.from} in ${id}, found ${found?.length ?? 0}; review the rewrite`,
    );
  }
  return code.replace(rewrite.from, rewrite.to);
}
