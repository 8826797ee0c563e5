/** Strings of the area table that the shared dictionary does not have (id/en). */
import type { Lang } from '../../lib/i18n';

const S = {
  name: { id: 'Nama wilayah', en: 'Area name' },
  code: { id: 'Kode', en: 'Code' },
  rank: { id: 'Peringkat', en: 'Rank' },
  rankNote: {
    id: 'Peringkat 1 = kondisi paling buruk; "=3" berarti nilai sama dengan wilayah lain.',
    en: 'Rank 1 = the worst; "=3" means the value is tied with another area.',
  },
  suppressed: { id: 'disembunyikan', en: 'suppressed' },
  suppressedNote: {
    id: 'Disembunyikan: kurang dari {k} rumah tangga, demi kerahasiaan.',
    en: 'Suppressed: fewer than {k} households, to protect privacy.',
  },
  noData: { id: 'tidak ada data', en: 'no data' },
  showing: {
    id: 'Menampilkan {shown} dari {total} wilayah.',
    en: 'Showing {shown} of {total} areas.',
  },
  more: { id: 'Tampilkan {n} lagi', en: 'Show {n} more' },
  all: { id: 'Tampilkan semua', en: 'Show all' },
} as const;

/** A key of the table's dictionary. */
export type TableStringKey = keyof typeof S;

/** A table string in the given language, with `{name}` placeholders filled from params. */
export function s(
  lang: Lang,
  key: TableStringKey,
  params: Record<string, string | number> = {},
): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
