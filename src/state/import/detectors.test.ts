import { describe, expect, it } from 'vitest';
import { autoMap, boundaryRole, tabularRole } from './fields';
import { extentOf, geometryProblem, judgeCoordinates, swapGeometry } from './geo';
import { parseRwKey } from './pipeline';
import { containsIdentifierValue, identifierByContent, identifierByName } from './privacy';
import { sniffFormat } from './sniff';
import { canonicalBoolean, canonicalNumber, decodeText, detectNumberStyle, parseCsv, sniffDelimiter } from './text';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('identifier columns by name', () => {
  it.each([
    ['NIK', 'nik'],
    ['nik_krt', 'nik'],
    ['No. KK', 'nik'],
    ['nomor_kartu_keluarga', 'nik'],
    ['No KTP', 'nik'],
    ['nama_krt', 'name'],
    ['Nama Kepala Keluarga', 'name'],
    ['no_hp', 'phone'],
    ['Telepon', 'phone'],
    ['alamat', 'address'],
    ['Alamat Domisili', 'address'],
    ['tgl_lahir', 'birth'],
    ['latitude', 'coordinates'],
    ['Koordinat', 'coordinates'],
    ['email', 'email'],
  ] as const)('%s → %s', (h, want) => expect(identifierByName(h)).toBe(want));

  it.each(['ktp_dki', 'kelurahan_name', 'nama_kelurahan', 'NAMA_KEC', 'jumlah_kk', 'kartu_anak', 'kartu_lansia', 'krt_perempuan', 'pekerjaan_krt', 'desil', 'rw', 'water_source', 'NAMOBJ'])(
    '%s is not an identifier',
    (h) => expect(identifierByName(h)).toBeNull(),
  );
});

describe('identifier columns by content', () => {
  const many = (f: (i: number) => string, n = 30): string[] => Array.from({ length: n }, (_, i) => f(i));
  it('finds 16-digit NIK/KK numbers, also spaced or with a leading apostrophe', () => {
    expect(identifierByContent(many((i) => `31710125038700${String(10 + i)}`))).toBe('nik');
    expect(identifierByContent(many((i) => `'3171 0125 0387 00${String(10 + i)}`))).toBe('nik');
  });
  it('finds phone numbers, e-mail and street addresses', () => {
    expect(identifierByContent(many((i) => `0812-3${String(100 + i)}-4567`))).toBe('phone');
    expect(identifierByContent(many((i) => `+62 812 345 6${String(100 + i)}`))).toBe('phone');
    expect(identifierByContent(many((i) => `warga${i}@mail.co.id`))).toBe('email');
    expect(identifierByContent(many((i) => `Jl. Kramat Raya No. ${i}`))).toBe('address');
    expect(identifierByContent(many((i) => `Gg. Mawar ${i}`))).toBe('address');
  });
  it('finds precise coordinates in Jakarta, alone or as pairs', () => {
    expect(identifierByContent(many((i) => (-6.17 - i * 1e-4).toFixed(6)))).toBe('coordinates');
    expect(identifierByContent(many((i) => `-6.1${i}1234, 106.8${i}4321`))).toBe('coordinates');
  });
  it('finds person names when there are enough distinct ones, unless the column holds area names', () => {
    const people = many((i) => `${['Siti', 'Budi', 'Agus', 'Dewi', 'Rina'][i % 5]} ${['Rahayu', 'Santoso', 'Wijaya', 'Lestari', 'Hidayat', 'Pratama', 'Kurnia'][i % 7]}`, 35);
    expect(identifierByContent(people)).toBe('name');
    expect(identifierByContent(people, { allowNames: true })).toBeNull();
    expect(identifierByContent(people.slice(0, 10))).toBeNull();
  });
  it('leaves ordinary columns alone', () => {
    expect(identifierByContent(many((i) => String(i % 10)))).toBeNull();
    expect(identifierByContent(many((i) => ['keramik', 'semen', 'tanah'][i % 3]!))).toBeNull();
    expect(identifierByContent(many((i) => `R${100000 + i}`))).toBeNull();
    expect(identifierByContent(many((i) => String(250_000 + i * 1000)))).toBeNull();
    expect(identifierByContent(many(() => 'Gambir'))).toBeNull();
    expect(identifierByContent([])).toBeNull();
  });
  it('flags a single identifier value', () => {
    expect(containsIdentifierValue('3171012503870001')).toBe('nik');
    expect(containsIdentifierValue('081234567890')).toBe('phone');
    expect(containsIdentifierValue('R100001')).toBeNull();
  });
});

describe('file formats', () => {
  it.each([
    [new Uint8Array(0), 'empty'],
    [bytes(' \n\r\n'), 'empty'],
    [bytes('PAR1....'), 'parquet'],
    [bytes('{"type":"FeatureCollection"'), 'geojson'],
    [bytes('[1,2]'), 'json'],
    [bytes('\uFEFFa;b\n1;2'), 'csv'],
    [bytes('%PDF-1.4'), 'pdf'],
    [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'xls'],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 0, 0]), 'image'],
    [new Uint8Array([0xff, 0xfe, 0x61, 0, 0x3b, 0]), 'csv'],
    [Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256), 'binary'],
  ] as const)('%#: %s', (b, want) => expect(sniffFormat(b)).toBe(want));
});

describe('Indonesian CSV habits', () => {
  it('strips a BOM, falls back to Windows-1252, reads UTF-16', () => {
    expect(decodeText(bytes('\uFEFFa,b'))).toMatchObject({ text: 'a,b', bom: true, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toMatchObject({ text: 'café', encoding: 'windows-1252' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x62, 0]))).toMatchObject({ text: 'ab', encoding: 'utf-16le' });
  });
  it('sniffs the delimiter', () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3\n4;5;6')).toBe(';');
    expect(sniffDelimiter('a,b,c\n1,"2;5",3')).toBe(',');
    expect(sniffDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(sniffDelimiter('single\nvalue')).toBe(',');
  });
  it('parses quotes, embedded delimiters and newlines, CRLF and blank lines', () => {
    const t = parseCsv('h1;h2\r\n"a;b";"x\r\ny"\r\n\r\n"say ""hi""";2\r\n', ';');
    expect(t.header).toEqual(['h1', 'h2']);
    expect(t.rows).toEqual([['a;b', 'x\r\ny'], ['say "hi"', '2']]);
  });
  it('detects and converts comma decimals and dot thousands', () => {
    expect(detectNumberStyle(['1.250.000', '800.000'], ',')).toBe('comma-decimal');
    expect(detectNumberStyle(['36,5', '40'], ',')).toBe('comma-decimal');
    expect(detectNumberStyle(['1,250,000', '36.5'], ';')).toBe('dot-decimal');
    expect(detectNumberStyle(['12', '40'], ';')).toBe('comma-decimal');
    expect(detectNumberStyle(['12', '40'], ',')).toBe('dot-decimal');
    expect(canonicalNumber('Rp 1.250.000', 'comma-decimal')).toBe('1250000');
    expect(canonicalNumber('36,5', 'comma-decimal')).toBe('36.5');
    expect(canonicalNumber('1,250,000.75', 'dot-decimal')).toBe('1250000.75');
    expect(canonicalNumber('tiga', 'dot-decimal')).toBeNull();
    expect(canonicalNumber('', 'dot-decimal')).toBe('');
  });
  it('reads yes/no words in both languages', () => {
    expect(['Ya', 'y', 'TRUE', '1', 'iya'].map(canonicalBoolean)).toEqual(['true', 'true', 'true', 'true', 'true']);
    expect(['Tidak', 'tdk', 'false', '0', 'No'].map(canonicalBoolean)).toEqual(['false', 'false', 'false', 'false', 'false']);
    expect(canonicalBoolean('mungkin')).toBeNull();
  });
});

describe('column mapping', () => {
  it('recognises common Indonesian and English names', () => {
    const m = autoMap('households', ['ID_RUTA', 'KODE_DESA', 'DESA_KELUR', 'No RW', 'Desil', 'Jumlah ART', 'pengeluaran_per_kapita']);
    expect(m).toMatchObject({ hh_id: 'ID_RUTA', kelurahan_code: 'KODE_DESA', kelurahan_name: 'DESA_KELUR', rw_number: 'No RW', desil: 'Desil', members: 'Jumlah ART', expenditure_per_capita: 'pengeluaran_per_kapita' });
    expect(autoMap('kelurahan', ['kode_kel', 'kelurahan', 'kecamatan'])).toMatchObject({ kelurahan_code: 'kode_kel', kelurahan_name: 'kelurahan', kecamatan_name: 'kecamatan' });
  });
  it('prefers a remembered mapping when its column is present', () => {
    expect(autoMap('households', ['desil', 'kategori'], { desil: 'kategori' }).desil).toBe('kategori');
    expect(autoMap('households', ['desil'], { desil: 'gone' }).desil).toBe('desil');
  });
  it('tells households from upgrading lists, kelurahan from RW boundaries', () => {
    expect(tabularRole(['id_ruta', 'desil', 'jumlah_art'])).toBe('households');
    expect(tabularRole(['kode_rw', 'tahap', 'tahun', 'status'])).toBe('upgrading');
    expect(tabularRole(['warna', 'rasa'])).toBeNull();
    expect(boundaryRole(['KODE_DESA', 'DESA_KELUR'])).toBe('kelurahan');
    expect(boundaryRole(['kode_kel', 'RW'])).toBe('rw');
  });
  it('parses RW keys with or without dots', () => {
    expect(parseRwKey('31.71.01.1001.003')).toBe('31.71.01.1001.003');
    expect(parseRwKey('3171011001003')).toBe('31.71.01.1001.003');
    expect(parseRwKey('31.71.1.1001.3')).toBe('31.71.01.1001.003');
    expect(parseRwKey('31.71.01.1001')).toBeNull();
  });
});

describe('coordinates and geometry', () => {
  const poly = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y]]] });
  const f = (g: ReturnType<typeof poly>) => ({ type: 'Feature' as const, properties: {}, geometry: g });
  it('judges lon/lat, swapped, projected metres and elsewhere', () => {
    expect(judgeCoordinates(extentOf([f(poly(106.8, -6.2))]))).toBe('lonlat');
    expect(judgeCoordinates(extentOf([f(swapGeometry(poly(106.8, -6.2)))]))).toBe('swapped');
    expect(judgeCoordinates(extentOf([f(poly(700_000, 9_317_000))]))).toBe('projected');
    expect(judgeCoordinates(extentOf([f(poly(107.6, -6.9))]))).toBe('outside');
    expect(judgeCoordinates(null)).toBe('none');
  });
  it('names what makes a geometry unusable', () => {
    expect(geometryProblem(poly(106.8, -6.2))).toBeNull();
    expect(geometryProblem(null)).toContain('no geometry');
    expect(geometryProblem({ type: 'Point', coordinates: [106.8, -6.2] })).toContain('Point');
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[106.8, -6.2], [106.81, -6.2], [106.8, -6.2]]] })).toContain('3 positions');
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[106.8, -6.2], [106.81, -6.2], [106.81, -6.19], [106.8, -6.19]]] })).toContain('not closed');
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[106.8, NaN], [106.81, -6.2], [106.81, -6.19], [106.8, NaN]]] })).toContain('not two numbers');
  });
});
