import { type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import {
  noDynamicCodePlugin,
  precompressPlugin,
  securityHeadersPlugin,
  serviceWorkerPlugin,
} from './src/sw/build-plugin.ts';

const DEMO_DIR = resolve(import.meta.dirname, 'data/demo');
const DEMO_FILES = new Set([
  'manifest.json',
  'kota.geojson',
  'kecamatan.geojson',
  'kelurahan.geojson',
  'rw.geojson',
  'households.parquet',
  'settlement_upgrading.csv',
]);
const MIME: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.parquet': 'application/vnd.apache.parquet',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves the generated demo data (data/demo, not committed) at /data/demo/ in dev and preview,
 * and copies it into dist/data/demo at build time, so the app reads it from its own origin.
 */
function demoData(): Plugin {
  const serve: Plugin['configureServer'] = (server) => {
    server.middlewares.use('/data/demo/', (req, res, next) => {
      const name = normalize(decodeURIComponent((req.url ?? '').split('?')[0] ?? '')).replace(/^\/+/, '');
      if (!DEMO_FILES.has(name)) return next();
      const file = join(DEMO_DIR, name);
      if (!existsSync(file)) return next();
      res.setHeader('Content-Type', MIME[extname(name)] ?? 'application/octet-stream');
      res.setHeader('Content-Length', String(statSync(file).size));
      createReadStream(file).pipe(res);
    });
  };
  return {
    name: 'sasaran-demo-data',
    configureServer: serve,
    async writeBundle(options) {
      const out = options.dir ?? resolve(import.meta.dirname, 'dist');
      if (existsSync(DEMO_DIR)) await cp(DEMO_DIR, join(out, 'data/demo'), { recursive: true });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    demoData(),
    noDynamicCodePlugin(),
    securityHeadersPlugin(),
    serviceWorkerPlugin([{ dir: DEMO_DIR, urlPrefix: 'data/demo/', names: DEMO_FILES }]),
    precompressPlugin(),
  ],
  // Workers are bundled separately: the DuckDB worker needs the dependency rewrites too.
  worker: { format: 'es', plugins: () => [noDynamicCodePlugin()] },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, sourcemap: false },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', '**/*.dom.test.tsx', 'node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.dom.test.tsx'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
