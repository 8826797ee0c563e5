import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBenchArgs } from './bench';
import { JS_MEASURE_NAMES } from './bench/js-engines';
import { formatReport, runBench } from './bench/run';
import { MEASURE_NAMES } from '../src/query/measures';

let cache: string | undefined;

afterAll(async () => {
  if (cache) await rm(cache, { recursive: true, force: true });
});

describe('benchmark', () => {
  it('runs at 5,000 households and every engine gives the same numbers as native DuckDB', async () => {
    cache = await mkdtemp(join(tmpdir(), 'sasaran-bench-'));
    const r = await runBench({ households: 5_000, runs: 1, cacheDir: cache, mode: 'node' });
    expect(r.mismatches).toEqual({ wasm: [], arquero: [], objects: [], typed: [] });
    expect(r.measures).toBe(JS_MEASURE_NAMES.length);
    expect(r.rw).toBeGreaterThan(2000);
    for (const key of ['aggregate_wasm_ms', 'aggregate_native_1t_ms', 'aggregate_native_ms', 'aggregate_arquero_ms', 'aggregate_objects_ms', 'aggregate_typed_ms'] as const) {
      expect(r[key], key).toBeGreaterThan(0);
    }
    expect(formatReport(r)).toContain('same numbers');
    expect(formatReport(r)).not.toContain('DIFFERENT');
  }, 240_000);

  it('covers every cube measure, under the cube names', () => {
    expect(JS_MEASURE_NAMES.filter((n) => !MEASURE_NAMES.has(n))).toEqual([]);
    expect(new Set(JS_MEASURE_NAMES).size).toBe(JS_MEASURE_NAMES.length);
  });

  it('parses its options and refuses bad ones', () => {
    expect(parseBenchArgs(['--households', '1_000_000', '--runs', '3', '--json', 'out.json'])).toEqual({
      options: { households: 1_000_000, runs: 3 },
      json: 'out.json',
    });
    expect(parseBenchArgs([]).json).toBe('.bench/bench-700000.json');
    expect(() => parseBenchArgs(['--households', '10'])).toThrow(/--households/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option/);
  });
});
