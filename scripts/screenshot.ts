/**
 * Takes the README's screenshot from the built app: serves `dist` with the preview server, opens
 * a view in Debian's Chromium (software WebGL2), waits until the map has drawn, and writes a PNG.
 *
 *   npm run build && npm run screenshot -- [--view '?lvl=rw&ind=extreme_poverty_rate'] [--out FILE]
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const { values } = parseArgs({
  options: {
    view: { type: 'string', default: '?lvl=kelurahan&ind=extreme_poverty_rate&k=5&ov=upgrading' },
    out: { type: 'string', default: 'data/docs/screenshot.png' },
    width: { type: 'string', default: '1440' },
    height: { type: 'string', default: '900' },
  },
});

const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
});
try {
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the preview server gave no URL');
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
  await page.goto(new URL(values.view, base).href);
  await page.waitForSelector('[data-app-state="ready"]', { timeout: 120_000 });
  await page.waitForSelector('[data-render-state="idle"]', { timeout: 120_000 });
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
