/**
 * Renders the synthetic geometry to an SVG (and a PNG when rsvg-convert is installed) to look at:
 * RW outlines thin, kelurahan thicker, kota thickest, kota tinted, with Kepulauan Seribu inset.
 *
 *   npx tsx scripts/preview-geometry.ts [--seed 20230203] [--out /tmp/geometry.svg] [--seribu]
 *
 * --seribu draws only Kepulauan Seribu, large.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { allocateRw, readKelurahan } from './generate/areas';
import { buildGeometry, SERIBU } from './generate/geometry';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const seed = Number(opt('--seed', '20230203'));
const out = opt('--out', '/tmp/geometry.svg');
const seribuOnly = args.includes('--seribu');

const TINT: Record<string, string> = {
  '31.01': '#d9c8a9',
  '31.71': '#f4b6b6',
  '31.72': '#b6d7f4',
  '31.73': '#c6e8b5',
  '31.74': '#f4e3a6',
  '31.75': '#dcc4ee',
};

/** A view: lon/lat box drawn into a pixel rectangle. */
interface View {
  lon0: number;
  lat1: number;
  scale: number;
  dx: number;
  dy: number;
}

const rings = (g: Polygon | MultiPolygon): Position[][] =>
  g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();

function path(g: Polygon | MultiPolygon, v: View): string {
  return rings(g)
    .map(
      (r) =>
        'M' +
        r
          .map(
            (p) =>
              `${(v.dx + (p[0]! - v.lon0) * v.scale).toFixed(1)},${(v.dy + (v.lat1 - p[1]!) * v.scale).toFixed(1)}`,
          )
          .join('L') +
        'Z',
    )
    .join('');
}

const t0 = performance.now();
const geo = buildGeometry(allocateRw(readKelurahan(), seed), seed);
const ms = performance.now() - t0;

const main: View = { lon0: 106.665, lat1: -6.075, scale: 3200, dx: 0, dy: 10 };
const inset: View = { lon0: 106.44, lat1: -5.49, scale: 880, dx: 10, dy: 560 };
const draw = (v: View, onlySeribu: boolean): string => {
  const keep = (code: string): boolean => code.startsWith(SERIBU) === onlySeribu;
  const parts: string[] = [];
  for (const f of geo.kota.features.filter((f) => keep(f.properties.kota_code))) {
    parts.push(
      `<path d="${path(f.geometry, v)}" fill="${TINT[f.properties.kota_code] ?? '#ddd'}" stroke="none"/>`,
    );
  }
  for (const f of geo.rw.features.filter((f) => keep(f.properties.rw_code))) {
    parts.push(`<path d="${path(f.geometry, v)}" fill="none" stroke="#666" stroke-width="0.4"/>`);
  }
  for (const f of geo.kelurahan.features.filter((f) => keep(f.properties.kelurahan_code))) {
    parts.push(`<path d="${path(f.geometry, v)}" fill="none" stroke="#222" stroke-width="1.1"/>`);
  }
  for (const f of geo.kecamatan.features.filter((f) => keep(f.properties.kecamatan_code))) {
    parts.push(`<path d="${path(f.geometry, v)}" fill="none" stroke="#000" stroke-width="2"/>`);
  }
  for (const f of geo.kota.features.filter((f) => keep(f.properties.kota_code))) {
    parts.push(`<path d="${path(f.geometry, v)}" fill="none" stroke="#b00" stroke-width="3"/>`);
  }
  return parts.join('\n');
};
const width = 1030;
const height = 1000;
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
  `<rect width="${width}" height="${height}" fill="#e8f1f8"/>`,
  ...(seribuOnly
    ? [draw({ lon0: 106.44, lat1: -5.49, scale: 2000, dx: 20, dy: 20 }, true)]
    : [
        draw(main, false),
        `<g><rect x="10" y="560" width="230" height="430" fill="#dbe8f3" stroke="#555"/>${draw(inset, true)}</g>`,
      ]),
  `<text x="${width - 10}" y="${height - 12}" font-family="sans-serif" font-size="14" text-anchor="end">seed ${seed}, synthetic, built in ${(ms / 1000).toFixed(1)} s</text>`,
  '</svg>',
].join('\n');
writeFileSync(out, svg);
console.log(`wrote ${out} (build ${ms.toFixed(0)} ms)`);
const png = out.replace(/\.svg$/, '.png');
if (png !== out && spawnSync('rsvg-convert', ['-o', png, out]).status === 0)
  console.log(`wrote ${png}`);
