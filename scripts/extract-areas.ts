/**
 * Extracts DKI Jakarta's kota, kecamatan and kelurahan codes and names from the `idn-area-data`
 * package (ODbL) into data/areas/jakarta-areas.csv, which is committed so the demo generator
 * needs nothing else. Run: `npx tsx scripts/extract-areas.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('idn-area-data/package.json'));

function readCsv(name: string): string[][] {
  const text = readFileSync(join(pkgDir, 'data', name), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

const shortKota = (name: string): string =>
  name.replace(/^Kabupaten Administrasi /, '').replace(/^Kota Administrasi /, '');

const regencies = new Map(
  readCsv('regencies.csv')
    .filter(([, prov]) => prov === '31')
    .map(([code, , name]) => [code!, shortKota(name!)]),
);
const districts = new Map(
  readCsv('districts.csv')
    .filter(([, reg]) => regencies.has(reg!))
    .map(([code, reg, name]) => [code!, { reg: reg!, name: name! }]),
);
const rows = readCsv('villages.csv')
  .filter(([, dist]) => districts.has(dist!))
  .map(([code, dist, name]) => {
    const d = districts.get(dist!)!;
    return [d.reg, regencies.get(d.reg)!, dist!, d.name, code!, name!];
  })
  .sort((a, b) => (a[4]! < b[4]! ? -1 : 1));

const header = 'kota_code,kota_name,kecamatan_code,kecamatan_name,kelurahan_code,kelurahan_name';
const out = join(import.meta.dirname, '..', 'data', 'areas', 'jakarta-areas.csv');
writeFileSync(out, [header, ...rows.map((r) => r.join(','))].join('\n') + '\n');
console.log(`wrote ${rows.length} kelurahan in ${districts.size} kecamatan, ${regencies.size} kota to ${out}`);
