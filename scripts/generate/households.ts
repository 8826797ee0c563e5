/**
 * Synthetic registry households (the DTKS/P3KE-like table), generated column by column into typed
 * arrays. Every rule below is a modelling assumption made to look like Jakarta, calibrated by
 * construction to the facts of DOMAIN.md (poverty and extreme-poverty rates of people, the kota
 * pattern of extreme poverty, KJP Plus and KLJ recipients) and then measured by householdStats.
 */
import {
  DEFAULT_PERIOD_ID,
  FLOOR_MATERIALS,
  HEAD_AGE_BANDS,
  HEAD_WORK,
  KUMUH_LEVELS,
  ROOF_MATERIALS,
  SANITATION,
  TENURE,
  VALIDATION_STATUS,
  WALL_MATERIALS,
  WATER_SOURCES,
  povertyPeriod,
  type HouseholdColumn,
  type HouseholdRow,
  type PovertyPeriod,
} from '../../src/db/contracts';
import { KOTA_EXTREME_RATE_2022, cityScale, kotaOf, type RwProfile } from './rw-profile';
import { apportion, binomial, createRng, deriveSeed, normal, poisson, type Rng } from './rng';

/** Columns stored as small codes or numbers (everything but hh_id and rw_code). */
export type CodedColumn = Exclude<HouseholdColumn, 'hh_id' | 'rw_code'>;

/**
 * The households table as typed columns. Categorical columns hold the index into the contract's
 * `values` list, booleans 0/1, `validated_on` days since 1970-01-01 with -1 for NULL.
 */
export type HouseholdColumns = {
  readonly length: number;
  /** RW codes in file order; `rw_code[i]` indexes this list. */
  readonly rwCodes: readonly string[];
  readonly hh_id: string[];
  readonly rw_code: Uint16Array;
  readonly expenditure_per_capita: Int32Array;
  readonly validated_on: Int32Array;
  readonly floor_area_m2: Float32Array;
} & {
  readonly [
    K in Exclude<CodedColumn, 'expenditure_per_capita' | 'validated_on' | 'floor_area_m2'>
  ]: Uint8Array;
};

/** The result of generateHouseholds. */
export interface GeneratedHouseholds {
  columns: HouseholdColumns;
  /** The RW profiles, with population/households raised where the registry would exceed them. */
  rws: RwProfile[];
}

/** Share of registry rows per desil 1..10 (desil 5–10 = registry errors, 10 % here). */
export const DESIL_SHARES = [
  0.22, 0.24, 0.23, 0.21, 0.035, 0.025, 0.018, 0.011, 0.007, 0.004,
] as const;
/** Poverty rate of people the demo is calibrated to (BPS Mar 2024), fraction. */
export const TARGET_POVERTY_RATE = 0.043;
/** Extreme-poverty rate of people the demo is calibrated to (BPS Mar 2022: 0.89 %), fraction. */
export const TARGET_EXTREME_RATE = 0.009;
/** KJP Plus recipients in 2024 (DOMAIN.md) at the reference registry size, children. */
export const TARGET_KJP_PLUS = 533_000;
/** KLJ recipients in 2022 (DOMAIN.md) at the reference registry size, persons. */
export const TARGET_KLJ = 102_000;

/** First and last day of field validation (Feb 2023 start, DOMAIN.md), days since 1970-01-01. */
export const VALIDATION_START_DAY = Date.UTC(2023, 1, 3) / 86_400_000;
export const VALIDATION_END_DAY = Date.UTC(2024, 11, 31) / 86_400_000;

const KUMUH_INDEX = new Map(KUMUH_LEVELS.map((l, i) => [l, i]));
const idx = <T extends string>(values: readonly T[], v: T): number => values.indexOf(v);

/** Ordered-probit draw: the number of cuts below `u` (0 = best category). */
function ordered(u: number, cuts: readonly number[]): number {
  let k = 0;
  while (k < cuts.length && u > cuts[k]!) k++;
  return k;
}

/** Draws an index with probability proportional to `w`. */
function pick(rng: Rng, w: readonly number[]): number {
  let total = 0;
  for (const x of w) total += x;
  let u = rng() * total;
  for (let i = 0; i < w.length; i++) {
    u -= w[i]!;
    if (u < 0) return i;
  }
  return w.length - 1;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Registry rows per RW: ∝ households × exp(0.8 deprivation), at most 55 % of the RW's households. */
function allocate(rws: readonly RwProfile[], n: number): number[] {
  const weights = rws.map(
    (r) =>
      r.households * Math.exp(0.8 * r.deprivation + 0.08 * (KUMUH_INDEX.get(r.kumuh_level) ?? 0)),
  );
  const cap = rws.map((r) => 0.55 * r.households);
  const capacity = cap.reduce((s, c) => s + c, 0);
  if (capacity > n) {
    const fixed = new Array<boolean>(rws.length).fill(false);
    for (let round = 0; round < 50; round++) {
      let free = n;
      let wsum = 0;
      rws.forEach((_, i) => (fixed[i] ? (free -= cap[i]!) : (wsum += weights[i]!)));
      let changed = false;
      rws.forEach((_, i) => {
        if (!fixed[i] && (free * weights[i]!) / wsum > cap[i]!) {
          fixed[i] = true;
          changed = true;
        }
      });
      if (!changed) {
        rws.forEach((_, i) => (weights[i] = fixed[i] ? cap[i]! : (free * weights[i]!) / wsum));
        break;
      }
    }
  }
  return apportion(n, weights);
}

/** Per-kota poverty targets: extreme from DOMAIN.md, poverty ∝ √extreme; both normalised to the city. */
function kotaTargets(
  popByKota: Map<string, number>,
): Map<string, { extreme: number; poverty: number }> {
  let total = 0;
  let ext = 0;
  let pov = 0;
  for (const [kota, pop] of popByKota) {
    const e = KOTA_EXTREME_RATE_2022[kota] ?? TARGET_EXTREME_RATE;
    total += pop;
    ext += e * pop;
    pov += Math.sqrt(e) * pop;
  }
  const out = new Map<string, { extreme: number; poverty: number }>();
  for (const kota of popByKota.keys()) {
    const e = KOTA_EXTREME_RATE_2022[kota] ?? TARGET_EXTREME_RATE;
    out.set(kota, {
      extreme: (e * TARGET_EXTREME_RATE * total) / ext,
      poverty: (Math.sqrt(e) * TARGET_POVERTY_RATE * total) / pov,
    });
  }
  return out;
}

/** Piecewise-linear interpolation through sorted anchor points. */
function interpolate(x: number, xs: readonly number[], ys: readonly number[]): number {
  if (x <= xs[0]!) return ys[0]!;
  for (let i = 1; i < xs.length; i++) {
    if (x <= xs[i]!) {
      const t = (x - xs[i - 1]!) / (xs[i]! - xs[i - 1]! || 1);
      return ys[i - 1]! + t * (ys[i]! - ys[i - 1]!);
    }
  }
  return ys[ys.length - 1]!;
}

/**
 * Expenditure per capita by construction: within each kota, households are ranked by welfare
 * `welfare` (lower = poorer) and the people-weighted rank q (share of the kota's whole population
 * living in poorer registry households) is mapped log-linearly through anchors, so that exactly the
 * kota's extreme share of people falls under the extreme line and its poverty share under the
 * poverty line. A 16,384-bin histogram stands in for a sort (O(n)).
 */
function expenditure(
  welfare: Float64Array,
  members: Uint8Array,
  kotaOfRow: Uint8Array,
  kotas: readonly string[],
  popByKota: Map<string, number>,
  period: PovertyPeriod,
  out: Int32Array,
): void {
  const targets = kotaTargets(popByKota);
  const bins = 16_384;
  kotas.forEach((kota, k) => {
    let lo = Infinity;
    let hi = -Infinity;
    let people = 0;
    for (let i = 0; i < welfare.length; i++) {
      if (kotaOfRow[i] !== k) continue;
      lo = Math.min(lo, welfare[i]!);
      hi = Math.max(hi, welfare[i]!);
      people += members[i]!;
    }
    if (people === 0) return;
    const width = (hi - lo) / bins || 1;
    const binOf = (w: number): number => Math.min(bins - 1, Math.floor((w - lo) / width));
    const hist = new Float64Array(bins);
    for (let i = 0; i < welfare.length; i++)
      if (kotaOfRow[i] === k) hist[binOf(welfare[i]!)]! += members[i]!;
    const before = new Float64Array(bins);
    for (let b = 1; b < bins; b++) before[b] = before[b - 1]! + hist[b - 1]!;
    const pop = popByKota.get(kota)!;
    const r = people / pop;
    const t = targets.get(kota)!;
    const pov = Math.min(t.poverty, 0.7 * r);
    const ext = Math.min(t.extreme, 0.5 * pov);
    const u1 = ext / r;
    const u2 = pov / r;
    const u3 = u2 + 0.55 * (0.9 - u2);
    const xs = [0, u1, u2, u3, 0.9, 0.98, 1];
    const ys = [
      120_000,
      period.extremeLine,
      period.povertyLine,
      1_350_000,
      2_000_000,
      3_500_000,
      9_000_000,
    ].map(Math.log);
    for (let i = 0; i < welfare.length; i++) {
      if (kotaOfRow[i] !== k) continue;
      const w = welfare[i]!;
      const b = binOf(w);
      const frac = clamp((w - lo) / width - b, 0, 1);
      const q = (before[b]! + frac * hist[b]!) / pop;
      out[i] = Math.round(Math.exp(interpolate(q / r, xs, ys)) / 1000) * 1000;
    }
  });
}

/** Bisection for the factor f with Σ expected(f) = target (expected is increasing in f). */
function solveFactor(expected: (f: number) => number, target: number): number {
  let lo = 0;
  let hi = 64;
  for (let it = 0; it < 40; it++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Generates `n` registry households over the RWs (in the given order, which becomes the file
 * order), each RW's rows sorted by RT. Deterministic for a seed. `rws` should come from
 * buildRwProfiles with scale cityScale(n), so rates do not depend on n.
 */
export function generateHouseholds(
  rwsIn: readonly RwProfile[],
  n: number,
  seed: number,
  period: PovertyPeriod = povertyPeriod(DEFAULT_PERIOD_ID),
): GeneratedHouseholds {
  const rws = rwsIn.map((r) => ({ ...r }));
  const nRw = rws.length;
  const scale = cityScale(n);
  const kotas = [...new Set(rws.map((r) => r.kota_code))].sort();
  const kotaIndex = new Map(kotas.map((k, i) => [k, i]));
  const kelurahan = [...new Set(rws.map((r) => r.kelurahan_code))].sort();
  const kelIndex = new Map(kelurahan.map((k, i) => [k, i]));

  // RW- and kelurahan-level factors: program reach (with ~7 % gap RWs), PMT reach, KB uptake,
  // share without a Jakarta ID, RT count; validation visit rate and campaign start per kelurahan.
  const fr = createRng(deriveSeed(seed, 'rw-factors'));
  const kelReach = kelurahan.map(() => Math.exp(0.25 * normal(fr)));
  const kelVisit = kelurahan.map(() => clamp(0.66 + 0.2 * normal(fr), 0.12, 0.97));
  const kelStart = kelurahan.map(() => VALIDATION_START_DAY + Math.floor(fr() * 180));
  const reach = new Float64Array(nRw);
  const pmtReach = new Float64Array(nRw);
  const kbRate = new Float64Array(nRw);
  const noKtp = new Float64Array(nRw);
  const rtCount = new Uint8Array(nRw);
  const kumuhIdx = new Uint8Array(nRw);
  rws.forEach((r, i) => {
    const kumuh = KUMUH_INDEX.get(r.kumuh_level) ?? 0;
    kumuhIdx[i] = kumuh;
    const gap = fr() < 0.07 ? 0.3 : 1;
    reach[i] = kelReach[kelIndex.get(r.kelurahan_code)!]! * Math.exp(0.35 * normal(fr)) * gap;
    pmtReach[i] = Math.exp(0.5 * normal(fr));
    kbRate[i] = clamp(0.61 + 0.09 * normal(fr) - 0.02 * kumuh, 0.3, 0.85);
    noKtp[i] = clamp(
      0.085 +
        (r.kota_code === '31.72' ? 0.05 : 0) +
        (kumuh > 0 ? 0.035 + 0.015 * kumuh : 0) +
        0.035 * normal(fr),
      0.01,
      0.45,
    );
    rtCount[i] = clamp(Math.round(11 * Math.exp(0.22 * normal(fr))), 4, 16);
  });

  const perRw = allocate(rws, n);
  const rw = new Uint16Array(n);
  const rt = new Uint8Array(n);
  const ra = createRng(deriveSeed(seed, 'hh-place'));
  let at = 0;
  for (let r = 0; r < nRw; r++) {
    const count = perRw[r]!;
    const rtCounts = new Uint32Array(rtCount[r]! + 1);
    for (let j = 0; j < count; j++) rtCounts[1 + Math.floor(ra() * rtCount[r]!)]!++;
    for (let t = 1; t <= rtCount[r]!; t++) {
      for (let j = 0; j < rtCounts[t]!; j++) {
        rw[at] = r;
        rt[at++] = t;
      }
    }
  }

  // Latent welfare (lower = poorer): RW deprivation and slum grade plus household noise. The desil
  // comes from a noisier copy, so desil and expenditure agree only loosely, as in real registries.
  const welfare = new Float64Array(n);
  const ranked = new Float64Array(n);
  const rw1 = createRng(deriveSeed(seed, 'hh-welfare'));
  for (let i = 0; i < n; i++) {
    const r = rw[i]!;
    welfare[i] = -(0.6 * rws[r]!.deprivation + 0.2 * kumuhIdx[r]!) + normal(rw1);
    ranked[i] = welfare[i]! + 0.6 * normal(rw1);
  }
  const sorted = Float64Array.from(ranked).sort();
  const cuts: number[] = [];
  let cum = 0;
  for (const s of DESIL_SHARES.slice(0, -1)) {
    cum += s;
    cuts.push(sorted[Math.min(n - 1, Math.floor(cum * n))]!);
  }
  const desil = new Uint8Array(n);
  for (let i = 0; i < n; i++) desil[i] = 1 + ordered(ranked[i]!, cuts);

  const members = new Uint8Array(n);
  const headFemale = new Uint8Array(n);
  const headAge = new Uint8Array(n);
  const headWork = new Uint8Array(n);
  const ktp = new Uint8Array(n);
  const toddlers = new Uint8Array(n);
  const children06 = new Uint8Array(n);
  const school = new Uint8Array(n);
  const elderly = new Uint8Array(n);
  const disabled = new Uint8Array(n);
  const pus = new Uint8Array(n);
  const kb = new Uint8Array(n);
  const floorArea = new Float32Array(n);
  const floor = new Uint8Array(n);
  const wall = new Uint8Array(n);
  const roof = new Uint8Array(n);
  const water = new Uint8Array(n);
  const sanitation = new Uint8Array(n);
  const tenure = new Uint8Array(n);

  // Ordered categories, best first, with cuts on a latent (sd ≈ 1.1, mean ≈ 0.3 in the registry)
  // that give about: floor keramik 68 / semen 21 / kayu 6 / bambu 3 / tanah 1.5 %; wall tembok
  // 77 / unplastered 14 / kayu 6 / bambu 3 %; roof beton 14 / genteng 43 / asbes 22 / seng 19 /
  // rumbia 2 %; water bottled 55 / piped 25 / protected well 15 / unprotected 4 / river 1 %;
  // toilet own 73 / shared 15 / public 9 / none 2 %.
  const floorCuts = [0.85, 1.65, 2.2, 2.75];
  const wallCuts = [1.15, 1.9, 2.5];
  const roofCuts = [-0.9, 0.5, 1.25, 2.6];
  const roofOrder = (['beton', 'genteng', 'asbes', 'seng', 'rumbia'] as const).map((v) =>
    idx(ROOF_MATERIALS, v),
  );
  const waterCuts = [0.3, 1.1, 2.0, 2.85];
  const waterOrder = (
    ['air_kemasan', 'ledeng', 'sumur_terlindung', 'sumur_tak_terlindung', 'sungai'] as const
  ).map((v) => idx(WATER_SOURCES, v));
  const sanitationCuts = [0.95, 1.65, 2.5];
  const desilHousing = [0.45, 0.2, 0, -0.15];
  const extraMembers = [3.8, 3.4, 3.1, 2.8];
  const perCapitaArea = [7.5, 9, 10.5, 12];
  const childShare = [0.95, 0.92, 0.7, 0.35];
  // Of children by head age band: toddler (0–4), pre-school (5–6), school age (6–21).
  const childAges = [
    [0.6, 0.15, 0.25],
    [0.25, 0.09, 0.66],
    [0.07, 0.04, 0.89],
    [0.15, 0.05, 0.8],
  ];
  const rb = createRng(deriveSeed(seed, 'hh-people'));
  const u30 = idx(HEAD_AGE_BANDS, 'u30');
  const old = idx(HEAD_AGE_BANDS, '60_plus');
  for (let i = 0; i < n; i++) {
    const r = rw[i]!;
    const d = desil[i]!;
    const dk = Math.min(d, 5) - 1;
    const m = Math.min(12, 1 + poisson(rb, extraMembers[dk] ?? 2.4));
    members[i] = m;
    const age = pick(rb, m <= 2 ? [0.12, 0.22, 0.28, 0.38] : [0.1, 0.37, 0.34, 0.19]);
    headAge[i] = age;
    const spouse = m >= 2 && rb() < 0.82 ? 1 : 0;
    headFemale[i] = rb() < (spouse ? 0.05 : age === old ? 0.62 : 0.5) ? 1 : 0;
    let eld = age === old ? 1 + (spouse && rb() < 0.7 ? 1 : 0) : 0;
    let others = m - 1 - spouse;
    if (age !== old && others > 0 && rb() < 0.1) {
      eld++;
      others--;
    }
    elderly[i] = eld;
    let tod = 0;
    let pre = 0;
    let sch = 0;
    const shares = childAges[age]!;
    for (let j = 0; j < others; j++) {
      if (rb() >= childShare[age]!) continue;
      const k = pick(rb, shares);
      if (k === 0) tod++;
      else if (k === 1) pre++;
      else sch++;
    }
    toddlers[i] = tod;
    children06[i] = tod + pre;
    school[i] = sch;
    disabled[i] = Math.min(m, binomial(rb, m, 0.012) + (eld > 0 && rb() < 0.06 ? 1 : 0));
    const fertile = spouse === 1 && (age <= 1 ? rb() < 0.9 : age === 2 ? rb() < 0.4 : false);
    pus[i] = fertile ? 1 : 0;
    kb[i] = fertile && rb() < kbRate[r]! ? 1 : 0;
    const noId = noKtp[r]! * (d > 4 ? 0.7 : 1) * (age === u30 ? 1.5 : 1);
    ktp[i] = rb() < noId ? 0 : 1;
    const work =
      age === old
        ? [0.55, 0.35, 0.1]
        : d === 1
          ? [0.2, 0.62, 0.18]
          : d <= 3
            ? [0.15, 0.56, 0.29]
            : d === 4
              ? [0.12, 0.5, 0.38]
              : [0.08, 0.35, 0.57];
    headWork[i] = pick(rb, work);

    const h =
      0.3 * rws[r]!.deprivation +
      0.22 * kumuhIdx[r]! +
      (desilHousing[dk] ?? -0.5) +
      0.6 * normal(rb);
    floor[i] = ordered(h + 0.8 * normal(rb), floorCuts);
    wall[i] = ordered(h + 0.8 * normal(rb), wallCuts);
    roof[i] = roofOrder[ordered(h + 0.8 * normal(rb), roofCuts)]!;
    water[i] = waterOrder[ordered(h + 0.8 * normal(rb), waterCuts)]!;
    sanitation[i] = ordered(h + 0.8 * normal(rb), sanitationCuts);
    const noId2 = ktp[i] ? 1 : 1.7;
    tenure[i] = pick(rb, [
      0.42 * Math.exp(-0.35 * h) * (ktp[i] ? 1 : 0.4),
      0.2 * noId2,
      0.22 * noId2 * Math.exp(0.1 * h),
      0.05 * Math.exp(0.2 * h),
      0.08 * Math.exp(0.3 * h),
    ]);
    const area =
      (perCapitaArea[dk] ?? 16) *
      Math.pow(m, 0.85) *
      1.15 *
      Math.exp(-0.06 * kumuhIdx[r]! + 0.35 * normal(rb));
    floorArea[i] = Math.round(clamp(area, 4, 600) * 2) / 2;
    // Larger households are poorer per person.
    welfare[i] = welfare[i]! - 0.12 * (m - 4);
  }

  // Registry people must fit in their RW's residents (only binds at rounding edges or tiny n).
  const peopleInRw = new Float64Array(nRw);
  for (let i = 0; i < n; i++) peopleInRw[rw[i]!]! += members[i]!;
  rws.forEach((r, i) => {
    if (r.population < peopleInRw[i]!) r.population = peopleInRw[i]!;
    r.households = Math.max(r.households, perRw[i]!);
  });
  const popByKota = new Map<string, number>(kotas.map((k) => [k, 0]));
  for (const r of rws) popByKota.set(r.kota_code, popByKota.get(r.kota_code)! + r.population);
  const kotaOfRow = new Uint8Array(n);
  const rwKota = rws.map((r) => kotaIndex.get(r.kota_code)!);
  for (let i = 0; i < n; i++) kotaOfRow[i] = rwKota[rw[i]!]!;
  const spend = new Int32Array(n);
  expenditure(welfare, members, kotaOfRow, kotas, popByKota, period, spend);

  // Programs: eligible = registry desil 1–4 with a Jakarta ID; others leak in at a small rate.
  // KJP Plus and KLJ totals are solved for (expected value) so they scale with n.
  const eligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) eligible[i] = desil[i]! <= 4 && ktp[i] ? 1 : 0;
  const rowReach = new Float64Array(n);
  for (let i = 0; i < n; i++) rowReach[i] = reach[rw[i]!]!;
  const kjpWeight = (i: number): number => rowReach[i]! * (eligible[i] ? 1 : 0.08);
  const kljWeight = (i: number): number =>
    rowReach[i]! * (!ktp[i] || desil[i]! > 4 ? 0.05 : desil[i] === 4 ? 0.5 : 1);
  const expectedOver = (counts: Uint8Array, weight: (i: number) => number) => (f: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) if (counts[i]) s += counts[i]! * Math.min(0.95, f * weight(i));
    return s;
  };
  const fKjp = solveFactor(expectedOver(school, kjpWeight), TARGET_KJP_PLUS * scale);
  const fKlj = solveFactor(expectedOver(elderly, kljWeight), TARGET_KLJ * scale);

  const kjp = new Uint8Array(n);
  const kjmu = new Uint8Array(n);
  const kartuAnak = new Uint8Array(n);
  const kartuLansia = new Uint8Array(n);
  const kartuDisabilitas = new Uint8Array(n);
  const kpar = new Uint8Array(n);
  const pbi = new Uint8Array(n);
  const pangan = new Uint8Array(n);
  const pmtBalita = new Uint8Array(n);
  const pmtLansia = new Uint8Array(n);
  const pelatihan = new Uint8Array(n);
  const jakpreneur = new Uint8Array(n);
  const rusunawa = idx(TENURE, 'rusunawa');
  const rp = createRng(deriveSeed(seed, 'hh-programs'));
  for (let i = 0; i < n; i++) {
    const r = rw[i]!;
    const reachI = rowReach[i]!;
    const e = eligible[i] ? 1 : 0.1;
    const d = desil[i]!;
    kjp[i] = binomial(rp, school[i]!, Math.min(0.95, fKjp * kjpWeight(i)));
    kjmu[i] = binomial(
      rp,
      school[i]! - kjp[i]!,
      Math.min(0.5, 0.1 * reachI * (eligible[i] ? 1 : 0.05)),
    );
    kartuAnak[i] = binomial(rp, children06[i]!, Math.min(0.95, 0.55 * reachI * e));
    kartuLansia[i] = binomial(rp, elderly[i]!, Math.min(0.95, fKlj * kljWeight(i)));
    kartuDisabilitas[i] = binomial(rp, disabled[i]!, Math.min(0.95, 0.5 * reachI * e));
    const kids = children06[i]! + school[i]!;
    if (kids > 0 && rp() < 0.004 * e) kpar[i] = kids >= 2 && rp() < 0.25 ? 2 : 1;
    pbi[i] = rp() < Math.min(0.97, 0.78 * Math.sqrt(reachI) * (eligible[i] ? 1 : 0.3)) ? 1 : 0;
    pangan[i] =
      rp() < Math.min(0.9, (0.3 + (tenure[i] === rusunawa ? 0.45 : 0)) * reachI * e) ? 1 : 0;
    const pmtNeed = d <= 2 ? 1.5 : d <= 4 ? 1 : 0.3;
    pmtBalita[i] = binomial(rp, toddlers[i]!, Math.min(0.9, 0.07 * pmtReach[r]! * pmtNeed));
    pmtLansia[i] = binomial(rp, elderly[i]!, Math.min(0.9, (d <= 2 ? 0.22 : 0.015) * pmtReach[r]!));
    pelatihan[i] = rp() < Math.min(0.5, 0.05 * reachI * (eligible[i] ? 1 : 0.3)) ? 1 : 0;
    jakpreneur[i] = rp() < Math.min(0.5, 0.03 * reachI * (eligible[i] ? 1 : 0.3)) ? 1 : 0;
  }

  // Field validation: visit rate per kelurahan; outcome mostly valid, tidak_layak for many
  // desil > 4 rows, moved/not found more often without a Jakarta ID, deaths among older heads.
  const status = new Uint8Array(n);
  const visitedOn = new Int32Array(n).fill(-1);
  const rv = createRng(deriveSeed(seed, 'hh-validation'));
  const rwKel = rws.map((r) => kelIndex.get(r.kelurahan_code)!);
  for (let i = 0; i < n; i++) {
    const k = rwKel[rw[i]!]!;
    if (rv() >= kelVisit[k]!) continue;
    const noId = ktp[i] ? 0 : 1;
    status[i] =
      1 +
      pick(rv, [
        0.82,
        0.07 + (desil[i]! > 4 ? 0.3 : 0),
        0.05 + 0.05 * noId,
        0.015 + (headAge[i] === old ? 0.03 : 0),
        0.035 + 0.05 * noId,
      ]);
    const start = kelStart[k]!;
    let day = start + Math.floor(-Math.log(1 - rv()) * 160);
    if (day > VALIDATION_END_DAY) day = start + Math.floor(rv() * (VALIDATION_END_DAY - start + 1));
    visitedOn[i] = day;
  }

  const hhId: string[] = new Array<string>(n);
  const seen = new Set<number>();
  const rid = createRng(deriveSeed(seed, 'hh-id'));
  for (let i = 0; i < n; i++) {
    let hi: number;
    let lo: number;
    do {
      hi = Math.floor(rid() * 0x1000000);
      lo = Math.floor(rid() * 0x1000000);
    } while (seen.has(hi * 0x1000000 + lo));
    seen.add(hi * 0x1000000 + lo);
    hhId[i] = hi.toString(16).padStart(6, '0') + lo.toString(16).padStart(6, '0');
  }

  const columns: HouseholdColumns = {
    length: n,
    rwCodes: rws.map((r) => r.rw_code),
    hh_id: hhId,
    rw_code: rw,
    rt_number: rt,
    desil,
    members,
    expenditure_per_capita: spend,
    head_female: headFemale,
    head_age_band: headAge,
    head_work: headWork,
    ktp_dki: ktp,
    toddlers,
    children_0_6: children06,
    school_age: school,
    elderly,
    disabled,
    pus,
    kb_active: kb,
    floor_area_m2: floorArea,
    floor_material: floor,
    wall_material: wall,
    roof_material: roof,
    water_source: water,
    sanitation,
    tenure,
    kjp_plus: kjp,
    kjmu,
    kartu_anak: kartuAnak,
    kartu_lansia: kartuLansia,
    kartu_disabilitas: kartuDisabilitas,
    kpar,
    pbi_jkn: pbi,
    subsidi_pangan: pangan,
    pmt_balita: pmtBalita,
    pmt_lansia: pmtLansia,
    pelatihan_kerja: pelatihan,
    jakpreneur,
    validation_status: status,
    validated_on: visitedOn,
  };
  return { columns, rws };
}

/** ISO date `YYYY-MM-DD` of a day number since 1970-01-01. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Row `i` as a contract HouseholdRow (for tests and debugging; slow for whole tables). */
export function householdRow(c: HouseholdColumns, i: number): HouseholdRow {
  const b = (a: Uint8Array): boolean => a[i] === 1;
  const u = (a: Uint8Array): number => a[i]!;
  return {
    hh_id: c.hh_id[i]!,
    rw_code: c.rwCodes[c.rw_code[i]!]!,
    rt_number: u(c.rt_number),
    desil: u(c.desil),
    members: u(c.members),
    expenditure_per_capita: c.expenditure_per_capita[i]!,
    head_female: b(c.head_female),
    head_age_band: HEAD_AGE_BANDS[u(c.head_age_band)]!,
    head_work: HEAD_WORK[u(c.head_work)]!,
    ktp_dki: b(c.ktp_dki),
    toddlers: u(c.toddlers),
    children_0_6: u(c.children_0_6),
    school_age: u(c.school_age),
    elderly: u(c.elderly),
    disabled: u(c.disabled),
    pus: b(c.pus),
    kb_active: b(c.kb_active),
    floor_area_m2: c.floor_area_m2[i]!,
    floor_material: FLOOR_MATERIALS[u(c.floor_material)]!,
    wall_material: WALL_MATERIALS[u(c.wall_material)]!,
    roof_material: ROOF_MATERIALS[u(c.roof_material)]!,
    water_source: WATER_SOURCES[u(c.water_source)]!,
    sanitation: SANITATION[u(c.sanitation)]!,
    tenure: TENURE[u(c.tenure)]!,
    kjp_plus: u(c.kjp_plus),
    kjmu: u(c.kjmu),
    kartu_anak: u(c.kartu_anak),
    kartu_lansia: u(c.kartu_lansia),
    kartu_disabilitas: u(c.kartu_disabilitas),
    kpar: u(c.kpar),
    pbi_jkn: b(c.pbi_jkn),
    subsidi_pangan: b(c.subsidi_pangan),
    pmt_balita: u(c.pmt_balita),
    pmt_lansia: u(c.pmt_lansia),
    pelatihan_kerja: b(c.pelatihan_kerja),
    jakpreneur: b(c.jakpreneur),
    validation_status: VALIDATION_STATUS[u(c.validation_status)]!,
    validated_on: c.validated_on[i]! < 0 ? null : isoDay(c.validated_on[i]!),
  };
}

/** Measured calibration of a generated table against the RW populations. */
export interface HouseholdStats {
  households: number;
  /** persons in registry households */
  registryPeople: number;
  /** persons, all residents (sum of RW population) */
  population: number;
  /** people in households under the poverty line / population, fraction */
  povertyRatePeople: number;
  /** people in households under the extreme line / population, fraction */
  extremeRatePeople: number;
  povertyRateByKota: Record<string, number>;
  extremeRateByKota: Record<string, number>;
  /** children receiving KJP Plus */
  kjpPlusChildren: number;
  /** elderly receiving KLJ */
  kljElderly: number;
  /** share of rows with desil 5–10 */
  leakageShare: number;
  /** share of rows whose head holds a KTP DKI */
  ktpDkiShare: number;
  /** share of rows visited (status not `belum`) */
  visitedShare: number;
  /** share of PUS households using KB */
  kbAmongPus: number;
}

/** Measures calibration (rates of people against all residents) for a poverty period. */
export function householdStats(
  c: HouseholdColumns,
  rws: readonly RwProfile[],
  period: PovertyPeriod = povertyPeriod(DEFAULT_PERIOD_ID),
): HouseholdStats {
  const popKota = new Map<string, number>();
  const poorKota = new Map<string, number>();
  const extKota = new Map<string, number>();
  for (const r of rws) popKota.set(r.kota_code, (popKota.get(r.kota_code) ?? 0) + r.population);
  const rwKota = c.rwCodes.map(kotaOf);
  let people = 0;
  let poor = 0;
  let ext = 0;
  let kjp = 0;
  let klj = 0;
  let leak = 0;
  let ktp = 0;
  let visited = 0;
  let pus = 0;
  let kb = 0;
  for (let i = 0; i < c.length; i++) {
    const m = c.members[i]!;
    const kota = rwKota[c.rw_code[i]!]!;
    people += m;
    if (c.expenditure_per_capita[i]! < period.povertyLine) {
      poor += m;
      poorKota.set(kota, (poorKota.get(kota) ?? 0) + m);
    }
    if (c.expenditure_per_capita[i]! < period.extremeLine) {
      ext += m;
      extKota.set(kota, (extKota.get(kota) ?? 0) + m);
    }
    kjp += c.kjp_plus[i]!;
    klj += c.kartu_lansia[i]!;
    leak += c.desil[i]! > 4 ? 1 : 0;
    ktp += c.ktp_dki[i]!;
    visited += c.validation_status[i]! > 0 ? 1 : 0;
    pus += c.pus[i]!;
    kb += c.kb_active[i]!;
  }
  const population = [...popKota.values()].reduce((s, x) => s + x, 0);
  const byKota = (m: Map<string, number>): Record<string, number> =>
    Object.fromEntries([...popKota].sort().map(([k, p]) => [k, (m.get(k) ?? 0) / p]));
  return {
    households: c.length,
    registryPeople: people,
    population,
    povertyRatePeople: poor / population,
    extremeRatePeople: ext / population,
    povertyRateByKota: byKota(poorKota),
    extremeRateByKota: byKota(extKota),
    kjpPlusChildren: kjp,
    kljElderly: klj,
    leakageShare: leak / c.length,
    ktpDkiShare: ktp / c.length,
    visitedShare: visited / c.length,
    kbAmongPus: kb / Math.max(1, pus),
  };
}
