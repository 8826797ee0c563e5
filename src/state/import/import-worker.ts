/**
 * The import worker: reads the user's files and runs the pipeline off the main thread, so large
 * files never freeze the page. It answers one request and is then terminated (also to cancel).
 */
import initParquet, { Table as ParquetTable, readParquet, writeParquet } from 'parquet-wasm/esm';
import { PARQUET_WASM_URL } from '../../db/wasm-bundles';
import { ImportError, err } from './messages';
import { createHierarchy } from './names';
import { analyseFile, prepareImport, type FileChoice, type ImportContext } from './pipeline';
import type { ImportRequest, ImportResponse, WireContext } from './protocol';
import type { ParquetCodec } from './tabular';

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: ImportResponse, transfer?: Transferable[]): void };

const codec: ParquetCodec = {
  read: (bytes) => readParquet(bytes).intoIPCStream(),
  write: (ipc) => writeParquet(ParquetTable.fromIPCStream(ipc)),
};

function context(wire: WireContext, report: (fraction: number) => void): ImportContext {
  return {
    hierarchy: createHierarchy(wire.hierarchy),
    current: { rw: new Map(wire.rw), kelurahan: new Map(wire.kelurahan) },
    parquet: codec,
    remembered: wire.remembered,
    onProgress: report,
  };
}

async function read(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

async function handle(req: ImportRequest): Promise<void> {
  await initParquet({ module_or_path: PARQUET_WASM_URL });
  if (req.type === 'analyse') {
    const analyses = [];
    for (const [index, file] of req.files.entries()) {
      const ctx = context(req.ctx, (fraction) => scope.postMessage({ type: 'progress', file: file.name, index, total: req.files.length, fraction }));
      scope.postMessage({ type: 'progress', file: file.name, index, total: req.files.length, fraction: 0 });
      analyses.push(analyseFile({ name: file.name, bytes: await read(file) }, ctx, req.roles[index] ?? undefined));
    }
    scope.postMessage({ type: 'analysed', analyses });
    return;
  }
  const total = req.choices.length;
  const inputs: FileChoice[] = [];
  for (const [index, c] of req.choices.entries()) {
    scope.postMessage({ type: 'progress', file: c.file.name, index, total, fraction: 0 });
    inputs.push({ file: { name: c.file.name, bytes: await read(c.file) }, role: c.role, mapping: c.mapping });
  }
  const ctx = context(req.ctx, (fraction) => scope.postMessage({ type: 'progress', file: '', index: total - 1, total, fraction }));
  const prepared = prepareImport(inputs, req.options, ctx);
  // The parts' bytes move to the main thread without a copy.
  scope.postMessage({ type: 'prepared', prepared }, prepared.parts.map((p) => p.bytes.buffer as ArrayBuffer));
}

scope.onmessage = (e: MessageEvent) => {
  handle(e.data as ImportRequest).catch((e: unknown) => {
    const messages = e instanceof ImportError ? e.messages : [err('failed', { detail: e instanceof Error ? e.message : String(e) })];
    scope.postMessage({ type: 'failed', messages });
  });
};
