/** The settlement_upgrading table (CSV): CAP/CIP stages of slum-RW upgrading. */
import type { ColumnSpec } from './households';

/** CAP = community action plan (year t); CIP = implementation (year t+1). */
export const UPGRADING_STAGES = ['cap', 'cip'] as const;
export const UPGRADING_STATUS = ['rencana', 'berjalan', 'selesai'] as const;

/** One row of settlement_upgrading.csv. */
export interface UpgradingRow {
  rw_code: string;
  stage: (typeof UPGRADING_STAGES)[number];
  year: number;
  status: (typeof UPGRADING_STATUS)[number];
  /** Rp */
  budget_idr: number;
}

export const UPGRADING_COLUMNS = [
  { name: 'rw_code', type: 'VARCHAR', unit: 'RW key PP.KK.CC.DDDD.RRR' },
  { name: 'stage', type: 'VARCHAR', unit: 'cap | cip', values: UPGRADING_STAGES },
  { name: 'year', type: 'SMALLINT', unit: 'budget year', range: [2015, 2035] },
  {
    name: 'status',
    type: 'VARCHAR',
    unit: 'rencana | berjalan | selesai',
    values: UPGRADING_STATUS,
  },
  {
    name: 'budget_idr',
    type: 'INTEGER',
    unit: 'Rp',
    range: [0, 2_000_000_000],
    nullable: true,
    optional: true,
  },
] as const satisfies readonly ColumnSpec[];
