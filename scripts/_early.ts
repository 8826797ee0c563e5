import { chromium } from 'playwright-core';
import { preview } from 'vite';
const server = await preview({ build: { outDir: process.env.DIST ?? 'dist' }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader','--ignore-gpu-blocklist'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.addInitScript(`
  window.__ev = [];
  new MutationObserver((ms) => { for (const m of ms) { const v = m.target.getAttribute(m.attributeName); window.__ev.push(m.attributeName.replace('data-','') + '=' + v + '@' + Math.round(performance.now())); } })
    .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-render-state', 'data-app-state'] });
  let frames = 0; const f = () => { frames++; if (performance.now() < 20000) requestAnimationFrame(f); }; requestAnimationFrame(f);
  window.__frames = () => frames;
`);
await page.goto(new URL('?lvl=rw', server.resolvedUrls!.local[0]).href);
await page.waitForSelector('[data-app-state="ready"]', { timeout: 120000 });
await page.waitForSelector('[data-render-state="idle"]', { timeout: 120000 });
await page.waitForTimeout(1000);
console.log(await page.evaluate(`JSON.stringify({ ev: window.__ev.filter((e, i, a) => a.indexOf(e) === i), frames: window.__frames(), marks: performance.getEntriesByType('mark').map(m => m.name + '@' + Math.round(m.startTime)) })`));
await browser.close(); await server.close();
