import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyRewrites, pickEncoding } from './build-plugin';

const moduleDir = (pkg: string) => resolve(import.meta.dirname, '../../node_modules', pkg);

type IsValid = (x: unknown) => boolean;

/** Imports a variant of apache-arrow's builder/valid.mjs from a temp file (its import made absolute). */
async function loadValid(code: string): Promise<(nullValues?: readonly unknown[]) => IsValid> {
  const pretty = pathToFileURL(join(moduleDir('apache-arrow'), 'util/pretty.mjs')).href;
  const file = join(mkdtempSync(join(tmpdir(), 'sasaran-valid-')), 'valid.mjs');
  writeFileSync(
    file,
    code.replace('../util/pretty.mjs', pretty).replace(/^\/\/# sourceMappingURL=.*$/m, ''),
  );
  const mod = (await import(pathToFileURL(file).href)) as {
    createIsValidFunction: (n?: readonly unknown[]) => IsValid;
  };
  return mod.createIsValidFunction;
}

describe('applyRewrites', () => {
  const validPath = join(moduleDir('apache-arrow'), 'builder/valid.mjs');
  const original = readFileSync(validPath, 'utf8');

  it('replaces apache-arrow’s generated null test by a closure with the same answers', async () => {
    const rewritten = applyRewrites(original, validPath)!;
    expect(rewritten).not.toMatch(/new Function/);
    const [before, after] = await Promise.all([loadValid(original), loadValid(rewritten)]);
    const probes: unknown[] = [
      null,
      undefined,
      NaN,
      0,
      -0,
      1,
      '',
      'N/A',
      'n/a',
      1n,
      2n,
      false,
      true,
      Infinity,
    ];
    const nullSets: (readonly unknown[] | undefined)[] = [
      undefined,
      [],
      [null],
      [null, undefined],
      [null, 'N/A', NaN],
      [NaN],
      [0, 1n, ''],
      [false],
    ];
    for (const nulls of nullSets) {
      const a = before(nulls);
      const b = after(nulls);
      for (const p of probes) expect(b(p), `${String(nulls)} / ${String(p)}`).toBe(a(p));
    }
  });

  it('takes every eval out of duckdb-wasm’s browser-blocking bundle', () => {
    const path = join(moduleDir('@duckdb/duckdb-wasm'), 'dist/duckdb-browser-blocking.mjs');
    const code = readFileSync(path, 'utf8');
    expect(code.match(/(?<![\w$.])eval\(/g)).toHaveLength(12);
    expect(applyRewrites(code, path)!).not.toMatch(/(?<![\w$.])eval\(/);
  });

  it('fails loudly when a dependency changed under a rewrite, and ignores other modules', () => {
    expect(() => applyRewrites('export const x = 1;\n', validPath)).toThrow(
      /no-dynamic-code: expected 1 match/,
    );
    expect(applyRewrites('eval(x)', '/app/node_modules/other/index.js')).toBeNull();
  });
});

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});
