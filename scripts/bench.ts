/**
 * The benchmark (issue 8):
 *   npm run bench -- [--households N] [--runs R] [--json FILE] [--reuse-build] [--node]
 * Generates (and caches under data/cache/) the data at scale N, builds and serves the app,
 * drives headless Chromium, compares the RW aggregate with native DuckDB, arquero, an
 * array-of-objects group-by and a typed-array pass, prints a table and writes JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HOUSEHOLDS_RANGE } from './generate-demo';
import { DEFAULT_BENCH, formatReport, runBench, type BenchOptions } from './bench/run';

/** Usage text. */
export const BENCH_USAGE = `usage: npm run bench -- [--households N] [--runs R] [--json FILE] [--reuse-build] [--node]
  --households N   households to generate (default ${DEFAULT_BENCH.households})
  --runs R         timed repetitions, the median is reported (default ${DEFAULT_BENCH.runs})
  --json FILE      also write the result as JSON (default .bench/bench-N.json)
  --reuse-build    serve the existing build in ${DEFAULT_BENCH.outDir} instead of building
  --node           no browser: DuckDB-WASM on its Node bindings (quick engine comparison)`;

/** Parsed command line. */
export interface BenchArgs {
  readonly options: Partial<BenchOptions>;
  readonly json: string;
}

/** Parses the command line; throws an Error with the usage on a bad argument. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const options: { -readonly [K in keyof BenchOptions]?: BenchOptions[K] } = {};
  let json: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${BENCH_USAGE}`);
      return v;
    };
    const integer = (v: string, lo: number, hi: number): number => {
      const n = Number(v.replaceAll('_', ''));
      if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`${arg} must be a whole number in ${lo}–${hi}, got "${v}"`);
      return n;
    };
    switch (arg) {
      case '--households':
        options.households = integer(value(), HOUSEHOLDS_RANGE[0], HOUSEHOLDS_RANGE[1]);
        break;
      case '--runs':
        options.runs = integer(value(), 1, 100);
        break;
      case '--json':
        json = value();
        break;
      case '--reuse-build':
        options.reuseBuild = true;
        break;
      case '--node':
        options.mode = 'node';
        break;
      default:
        throw new Error(`unknown option "${arg}"\n${BENCH_USAGE}`);
    }
  }
  const n = options.households ?? DEFAULT_BENCH.households;
  return { options, json: json ?? `.bench/bench-${n}.json` };
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const result = await runBench({ ...args.options, log: (line) => console.error(`· ${line}`) });
  console.log(formatReport(result));
  const file = resolve(args.json);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nJSON: ${file}`);
  if (Object.values(result.mismatches).some((m) => m.length > 0)) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
