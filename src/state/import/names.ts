/**
 * Joining imported areas to the Kemendagri hierarchy: codes with or without dots, names
 * normalised (case, spacing, accents, "Kel."/"Kelurahan" prefixes), the kecamatan breaking ties.
 */

/** One kelurahan of the reference hierarchy (Kemendagri codes, dotted). */
export interface HierarchyEntry {
  readonly kelurahanCode: string;
  readonly kelurahanName: string;
  readonly kecamatanCode: string;
  readonly kecamatanName: string;
  readonly kotaCode: string;
  readonly kotaName: string;
}

/** The reference hierarchy with lookups by code and by normalised name. */
export interface Hierarchy {
  readonly entries: readonly HierarchyEntry[];
  readonly byCode: ReadonlyMap<string, HierarchyEntry>;
  /** Normalised kelurahan name → every kelurahan with that name. */
  readonly byName: ReadonlyMap<string, readonly HierarchyEntry[]>;
}

/** Parses `data/areas/jakarta-areas.csv` (kota_code, kota_name, kecamatan_code, …, kelurahan_name). */
export function parseHierarchyCsv(text: string): HierarchyEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',');
  const at = (name: string): number => header.indexOf(name);
  const idx = {
    kotaCode: at('kota_code'),
    kotaName: at('kota_name'),
    kecamatanCode: at('kecamatan_code'),
    kecamatanName: at('kecamatan_name'),
    kelurahanCode: at('kelurahan_code'),
    kelurahanName: at('kelurahan_name'),
  };
  if (Object.values(idx).some((i) => i < 0)) throw new Error('hierarchy CSV lacks a required column');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const get = (i: number): string => (cells[i] ?? '').trim();
    return {
      kotaCode: get(idx.kotaCode),
      kotaName: get(idx.kotaName),
      kecamatanCode: get(idx.kecamatanCode),
      kecamatanName: get(idx.kecamatanName),
      kelurahanCode: get(idx.kelurahanCode),
      kelurahanName: get(idx.kelurahanName),
    };
  });
}

/** Builds the lookups of a hierarchy. */
export function createHierarchy(entries: readonly HierarchyEntry[]): Hierarchy {
  const byCode = new Map(entries.map((e) => [e.kelurahanCode, e]));
  const byName = new Map<string, HierarchyEntry[]>();
  for (const e of entries) {
    const key = normaliseAreaName(e.kelurahanName);
    byName.set(key, [...(byName.get(key) ?? []), e]);
  }
  return { entries, byCode, byName };
}

const PREFIXES =
  /^(?:kelurahan|kel|desa|ds|kecamatan|kec|kota administrasi|kota adm|kota|kabupaten administrasi|kab adm|kabupaten|kab|jakarta)\s+/;

/**
 * A name reduced for matching: lower case, accents and punctuation removed, spaces collapsed,
 * administrative prefixes ("Kel.", "Kelurahan", "Desa", "Kec.", "Kota Adm.") dropped.
 */
export function normaliseAreaName(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    const next = s.replace(PREFIXES, '');
    // A bare prefix ("Kota") is a name, not a prefix.
    if (next !== '') s = next;
  }
  return s;
}

/** Digits per level of a Kemendagri code: kota 4, kecamatan 6, kelurahan 10. */
const CODE_DIGITS = { kota: 4, kecamatan: 6, kelurahan: 10 } as const;

/**
 * A Kemendagri code in dotted form (`31.71.01.1001`) from dotted, undotted (`3171011001`) or
 * spaced input; null when the digits do not make a code of that level. Whether the code exists
 * is for the hierarchy to say: an undotted code may also be a BPS code.
 */
export function normaliseCode(raw: string, level: keyof typeof CODE_DIGITS): string | null {
  // A spreadsheet may have turned the code into a number (3171011001.0).
  const s = raw.trim().replace(/^(\d{4,})\.0+$/, '$1');
  if (s === '') return null;
  const dotted = s.split(/[.\s-]+/);
  let digits: string;
  if (dotted.length > 1 && dotted.every((p) => /^\d+$/.test(p))) {
    // Dotted parts may have lost leading zeros in a spreadsheet (31.71.1.1001).
    const widths = [2, 2, 2, 4];
    if (dotted.length > widths.length) return null;
    digits = dotted.map((p, i) => p.padStart(widths[i] ?? 0, '0')).join('');
  } else if (/^\d+(\.0+)?$/.test(s)) {
    digits = s.replace(/\.0+$/, '');
  } else {
    return null;
  }
  if (digits.length !== CODE_DIGITS[level]) return null;
  const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6, 10)];
  return parts.filter((p) => p !== '').join('.');
}

/** How one imported area was matched to the hierarchy. */
export type AreaMatch =
  | { readonly kind: 'code' | 'name'; readonly entry: HierarchyEntry }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly HierarchyEntry[] }
  | { readonly kind: 'unmatched' };

/** What an imported row or feature says about its kelurahan. */
export interface AreaClue {
  readonly code?: string | null;
  readonly name?: string | null;
  readonly kecamatan?: string | null;
}

/**
 * Matches an imported kelurahan to the hierarchy: by code first (with or without dots), else by
 * normalised name, with the kecamatan (name or code) breaking ties between equal names.
 */
export function matchKelurahan(h: Hierarchy, clue: AreaClue): AreaMatch {
  if (clue.code) {
    const code = normaliseCode(clue.code, 'kelurahan');
    const entry = code ? h.byCode.get(code) : undefined;
    if (entry) return { kind: 'code', entry };
  }
  if (!clue.name) return { kind: 'unmatched' };
  const candidates = h.byName.get(normaliseAreaName(clue.name)) ?? [];
  if (candidates.length === 1) return { kind: 'name', entry: candidates[0]! };
  if (candidates.length === 0) return { kind: 'unmatched' };
  if (clue.kecamatan) {
    const kecCode = normaliseCode(clue.kecamatan, 'kecamatan');
    const kecName = normaliseAreaName(clue.kecamatan);
    const hits = candidates.filter(
      (c) => c.kecamatanCode === kecCode || normaliseAreaName(c.kecamatanName) === kecName,
    );
    if (hits.length === 1) return { kind: 'name', entry: hits[0]! };
  }
  return { kind: 'ambiguous', candidates };
}

/** The RW key `PP.KK.CC.DDDD.RRR` of RW `rw` in a kelurahan; null unless 1 ≤ rw ≤ 999. */
export function rwKey(kelurahanCode: string, rw: number): string | null {
  if (!Number.isInteger(rw) || rw < 1 || rw > 999) return null;
  return `${kelurahanCode}.${String(rw).padStart(3, '0')}`;
}

/** An RW number from text such as `3`, `003`, `RW 03`, `RW.003`, `3,0`; null when not a whole number. */
export function parseRwNumber(raw: string): number | null {
  const s = raw.trim().replace(/^rw[\s.:-]*/i, '').replace(/[.,]0+$/, '');
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 ? n : null;
}
