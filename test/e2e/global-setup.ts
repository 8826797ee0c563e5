/** Serves the built app (dist/) with `vite preview` on a free loopback port for the e2e tests. */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // SASARAN_DIST lets several builds be tested side by side (default: dist/).
  const outDir = process.env.SASARAN_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` first (npm run test:e2e does)`);
  server = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    build: { outDir },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
