import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHierarchy, matchKelurahan, normaliseAreaName, normaliseCode, parseHierarchyCsv, parseRwNumber, rwKey, type HierarchyEntry } from './names';

const real = createHierarchy(parseHierarchyCsv(readFileSync('data/areas/jakarta-areas.csv', 'utf8')));

function entry(code: string, name: string, kecCode: string, kecName: string): HierarchyEntry {
  return { kelurahanCode: code, kelurahanName: name, kecamatanCode: kecCode, kecamatanName: kecName, kotaCode: code.slice(0, 5), kotaName: 'Kota' };
}

describe('normaliseAreaName', () => {
  it.each([
    ['Kel. Gambir', 'gambir'],
    ['KELURAHAN  CIDENG', 'cideng'],
    ['  pasar   baru ', 'pasar baru'],
    ['Karang-Anyar', 'karang anyar'],
    ['Desa Pulau Panggang', 'pulau panggang'],
    ['Kec. Sawah Besar', 'sawah besar'],
    ['Kota Adm. Jakarta Pusat', 'pusat'],
    ['Kota', 'kota'],
    ['Cipete Selatan', 'cipete selatan'],
  ])('%s → %s', (raw, want) => expect(normaliseAreaName(raw)).toBe(want));
});

describe('normaliseCode', () => {
  it.each([
    ['31.71.01.1001', 'kelurahan', '31.71.01.1001'],
    ['3171011001', 'kelurahan', '31.71.01.1001'],
    ['3171011001.0', 'kelurahan', '31.71.01.1001'],
    ['31.71.1.1001', 'kelurahan', '31.71.01.1001'],
    [' 31 71 01 1001 ', 'kelurahan', '31.71.01.1001'],
    ['317101', 'kecamatan', '31.71.01'],
    ['31.71', 'kota', '31.71'],
    ['317101100', 'kelurahan', null],
    ['31.71.01.1001.003', 'kelurahan', null],
    ['Gambir', 'kelurahan', null],
    ['', 'kelurahan', null],
  ] as const)('%s (%s) → %s', (raw, level, want) => expect(normaliseCode(raw, level)).toBe(want));
});

describe('matchKelurahan on the real hierarchy', () => {
  it('matches by code with or without dots, and by name with prefixes and odd spacing', () => {
    expect(matchKelurahan(real, { code: '3171011001' })).toMatchObject({ kind: 'code', entry: { kelurahanName: 'Gambir' } });
    expect(matchKelurahan(real, { code: '31.74.01.1001' })).toMatchObject({ kind: 'code' });
    expect(matchKelurahan(real, { name: 'KEL.  PASAR BARU' })).toMatchObject({ kind: 'name', entry: { kelurahanCode: '31.71.02.1001' } });
  });

  it('does not take a BPS code for a Kemendagri one, and falls back to the name', () => {
    // BPS numbers Jakarta Pusat 3173 and kelurahan 001…; Kemendagri has 31.73 = Jakarta Barat with kelurahan 1001….
    expect(matchKelurahan(real, { code: '3173010001' }).kind).toBe('unmatched');
    expect(matchKelurahan(real, { code: '3173010001', name: 'Gambir' })).toMatchObject({ kind: 'name', entry: { kelurahanCode: '31.71.01.1001' } });
  });

  it('lists unknown names as unmatched', () => {
    expect(matchKelurahan(real, { name: 'Desa Khayalan' }).kind).toBe('unmatched');
    expect(matchKelurahan(real, {}).kind).toBe('unmatched');
  });

  it('breaks ties between equal names with the kecamatan name or code', () => {
    const h = createHierarchy([
      entry('31.71.01.1001', 'Kebon Baru', '31.71.01', 'Gambir'),
      entry('31.74.02.1001', 'Kebon Baru', '31.74.02', 'Tebet'),
    ]);
    expect(matchKelurahan(h, { name: 'Kebon Baru' })).toMatchObject({ kind: 'ambiguous' });
    expect(matchKelurahan(h, { name: 'Kel. Kebon Baru', kecamatan: 'Kec. TEBET' })).toMatchObject({ kind: 'name', entry: { kelurahanCode: '31.74.02.1001' } });
    expect(matchKelurahan(h, { name: 'kebon baru', kecamatan: '317101' })).toMatchObject({ kind: 'name', entry: { kelurahanCode: '31.71.01.1001' } });
    expect(matchKelurahan(h, { name: 'Kebon Baru', kecamatan: 'Menteng' }).kind).toBe('ambiguous');
  });

  it('has the 267 kelurahan of DKI Jakarta', () => {
    expect(real.entries).toHaveLength(267);
    expect(real.byName.size).toBe(267);
  });
});

describe('RW numbers and keys', () => {
  it.each([
    ['3', 3],
    ['003', 3],
    ['RW 03', 3],
    ['rw.012', 12],
    ['5,0', 5],
    ['0', null],
    ['RW satu', null],
    ['1000', null],
    ['', null],
  ] as const)('%s → %s', (raw, want) => expect(parseRwNumber(raw)).toBe(want));

  it('builds zero-padded keys within 1–999', () => {
    expect(rwKey('31.71.01.1001', 3)).toBe('31.71.01.1001.003');
    expect(rwKey('31.71.01.1001', 0)).toBeNull();
    expect(rwKey('31.71.01.1001', 1000)).toBeNull();
  });
});
