/** Matching areas by name or code for the search box (pure, tested). */
import type { AreaEntry } from '../../state/dataset';

/** A search hit with a readable context ("Gambir, Jakarta Pusat"). */
export interface SearchHit {
  readonly area: AreaEntry;
  readonly context: string;
}

/** Lower-case, accents and punctuation folded, "Kel."/"Kelurahan" prefixes dropped. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(kel|kelurahan|kec|kecamatan|kota|kab|kabupaten|administrasi|adm)\b\.?/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const digits = (s: string): string => s.replace(/\D/g, '');

/** Finds up to `limit` areas matching `query`: name prefix/word, then substring, or a code. */
export function searchAreas(areas: readonly AreaEntry[], query: string, limit = 12): SearchHit[] {
  const q = normalizeName(query);
  if (q === '') return [];
  const qDigits = digits(query);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const context = (a: AreaEntry): string => {
    const names: string[] = [];
    let p = a.parent ? byCode.get(a.parent) : undefined;
    while (p && p.level !== 'provinsi') {
      names.push(p.name);
      p = p.parent ? byCode.get(p.parent) : undefined;
    }
    return names.join(', ');
  };
  const scored: { area: AreaEntry; score: number }[] = [];
  const isCodeQuery = /^[\d.\s]+$/.test(query.trim()) && qDigits.length >= 2;
  for (const a of areas) {
    if (a.level === 'provinsi') continue;
    let score = -1;
    if (isCodeQuery) {
      const c = digits(a.code);
      if (c === qDigits) score = 100;
      else if (c.startsWith(qDigits)) score = 50 - c.length;
    } else {
      const n = normalizeName(a.name);
      const full = a.level === 'rw' ? `${n} ${normalizeName(context(a))}` : n;
      if (n === q) score = 90;
      else if (n.startsWith(q)) score = 70;
      else if (n.split(' ').some((w) => w.startsWith(q))) score = 60;
      else if (full.includes(q)) score = 40;
      if (score >= 0 && a.level === 'rw') score -= 20;
    }
    if (score >= 0) scored.push({ area: a, score });
  }
  scored.sort((x, y) => y.score - x.score || x.area.code.localeCompare(y.area.code));
  return scored.slice(0, limit).map(({ area }) => ({ area, context: context(area) }));
}
