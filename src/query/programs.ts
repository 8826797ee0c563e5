/**
 * The person- or household-level programs whose coverage Sasaran measures. Eligibility is a
 * simplified, documented rule over the households contract (DOMAIN.md, "Programs").
 */

/** Stable program ids. */
export const PROGRAM_IDS = [
  'kb',
  'pmt_balita',
  'pmt_lansia',
  'kjp_plus',
  'kaj',
  'klj',
  'kpdj',
] as const;
/** A program id. */
export type ProgramId = (typeof PROGRAM_IDS)[number];

/** How a program's eligible and received units are counted for one household row. */
export interface ProgramRule {
  readonly id: ProgramId;
  readonly label: { readonly id: string; readonly en: string };
  /** What one unit is: a household (KB: one couple) or a person. */
  readonly unit: 'households' | 'persons';
  /** SQL over a `hh_flags` row: number of eligible units in the household. */
  readonly eligible: string;
  /** SQL over a `hh_flags` row: number of units receiving the program. */
  readonly received: string;
  /** Whether receipt by a desil > 4 household counts as leakage (not for universal KB). */
  readonly leakage: boolean;
  /** Eligibility rule in words. */
  readonly rule: { readonly id: string; readonly en: string };
}

/** The registry proper: desil 1–4. */
const REG = 'registry';

export const PROGRAMS: readonly ProgramRule[] = [
  {
    id: 'kb',
    label: { id: 'KB (keluarga berencana)', en: 'Family planning (KB)' },
    unit: 'households',
    eligible: `CASE WHEN ${REG} AND pus THEN 1 ELSE 0 END`,
    received: 'CASE WHEN pus AND kb_active THEN 1 ELSE 0 END',
    leakage: false,
    rule: {
      id: 'Pasangan usia subur (PUS) di rumah tangga desil 1–4; terjangkau = peserta KB aktif.',
      en: 'Couples of reproductive age (PUS) in desil 1–4 households; reached = active KB users.',
    },
  },
  {
    id: 'pmt_balita',
    label: { id: 'PMT balita', en: 'PMT for toddlers' },
    unit: 'persons',
    eligible: `CASE WHEN ${REG} THEN toddlers ELSE 0 END`,
    received: 'pmt_balita',
    leakage: true,
    rule: {
      id: 'Balita (0–4 tahun) di rumah tangga desil 1–4.',
      en: 'Toddlers (0–4) in desil 1–4 households.',
    },
  },
  {
    id: 'pmt_lansia',
    label: { id: 'PMT lansia', en: 'PMT for the elderly' },
    unit: 'persons',
    eligible: 'CASE WHEN desil <= 2 THEN elderly ELSE 0 END',
    received: 'pmt_lansia',
    leakage: true,
    rule: {
      id: 'Lansia (60+) di rumah tangga desil 1–2.',
      en: 'Elderly (60+) in desil 1–2 households.',
    },
  },
  {
    id: 'kjp_plus',
    label: { id: 'KJP Plus', en: 'KJP Plus' },
    unit: 'persons',
    eligible: `CASE WHEN ${REG} AND ktp_dki THEN school_age ELSE 0 END`,
    received: 'kjp_plus',
    leakage: true,
    rule: {
      id: 'Anak usia sekolah (6–21) di rumah tangga desil 1–4 ber-KTP DKI.',
      en: 'School-age children (6–21) in desil 1–4 households with a Jakarta ID.',
    },
  },
  {
    id: 'kaj',
    label: { id: 'Kartu Anak Jakarta', en: 'Jakarta Child Card (KAJ)' },
    unit: 'persons',
    eligible: `CASE WHEN ${REG} AND ktp_dki THEN children_0_6 ELSE 0 END`,
    received: 'kartu_anak',
    leakage: true,
    rule: {
      id: 'Anak 0–6 tahun di rumah tangga desil 1–4 ber-KTP DKI.',
      en: 'Children aged 0–6 in desil 1–4 households with a Jakarta ID.',
    },
  },
  {
    id: 'klj',
    label: { id: 'Kartu Lansia Jakarta', en: 'Jakarta Elderly Card (KLJ)' },
    unit: 'persons',
    eligible: `CASE WHEN ${REG} AND ktp_dki THEN elderly ELSE 0 END`,
    received: 'kartu_lansia',
    leakage: true,
    rule: {
      id: 'Lansia (60+) di rumah tangga desil 1–4 ber-KTP DKI.',
      en: 'Elderly (60+) in desil 1–4 households with a Jakarta ID.',
    },
  },
  {
    id: 'kpdj',
    label: { id: 'Kartu Penyandang Disabilitas', en: 'Disability Card (KPDJ)' },
    unit: 'persons',
    eligible: `CASE WHEN ${REG} AND ktp_dki THEN disabled ELSE 0 END`,
    received: 'kartu_disabilitas',
    leakage: true,
    rule: {
      id: 'Penyandang disabilitas di rumah tangga desil 1–4 ber-KTP DKI.',
      en: 'People with a disability in desil 1–4 households with a Jakarta ID.',
    },
  },
];
