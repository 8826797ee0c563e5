/**
 * Keeping imported data across reloads, all or nothing. A *set* names, per slot (each table and
 * derived map layer), either the demo data or a stored part (the validated, canonical bytes). An
 * import is staged first (parts and a `pending` set, in one IndexedDB transaction, so a full
 * disk fails it before anything else changes), then activated once the database has swapped.
 */
import type { LoadFormat } from '../../db/protocol';

/** What a set holds: the four tables, and the kecamatan and kota outlines derived from kelurahan. */
export type Slot = 'kelurahan' | 'rw' | 'households' | 'settlement_upgrading' | 'kecamatan' | 'kota';

/** Every slot, tables first. */
export const SLOTS: readonly Slot[] = ['kelurahan', 'rw', 'households', 'settlement_upgrading', 'kecamatan', 'kota'];

/** One slot of a set. */
export type SlotSource =
  | { readonly source: 'demo' }
  | { readonly source: 'import'; readonly partId: string; readonly format: LoadFormat | 'geojson'; readonly rows: number; readonly file: string };

/** A stored data set: where each slot comes from, and when it was made. */
export interface StoredSet {
  readonly id: string;
  /** ISO timestamp of the import. */
  readonly createdAt: string;
  readonly slots: Readonly<Record<Slot, SlotSource>>;
}

/** The all-demo set (what the app shows with nothing stored). */
export function demoSet(): StoredSet {
  const slots = Object.fromEntries(SLOTS.map((s) => [s, { source: 'demo' }])) as Record<Slot, SlotSource>;
  return { id: 'demo', createdAt: '', slots };
}

/** Whether any slot of a set comes from the demo data. */
export function usesDemo(set: StoredSet): boolean {
  return SLOTS.some((s) => set.slots[s].source === 'demo');
}

/** Storage full: the browser refused to keep the import. */
export class QuotaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuotaError';
  }
}

/** Where sets and parts are kept. */
export interface ImportStore {
  /** The active set and its parts' bytes, or null when nothing is stored. */
  load(): Promise<{ set: StoredSet; parts: ReadonlyMap<string, Uint8Array> } | null>;
  /** Writes new parts and the set as pending, atomically; rejects with QuotaError when storage is full. */
  stage(set: StoredSet, parts: ReadonlyMap<string, Uint8Array>): Promise<void>;
  /** Makes the pending set the active one and deletes parts no longer referenced. */
  activate(set: StoredSet): Promise<void>;
  /** Forgets the pending set and the parts only it referenced. */
  discard(set: StoredSet): Promise<void>;
  /** Deletes everything: the app goes back to the demo data. */
  clear(): Promise<void>;
}

function referenced(set: StoredSet | null | undefined): Set<string> {
  const ids = new Set<string>();
  if (set) for (const s of SLOTS) {
    const slot = set.slots[s];
    if (slot.source === 'import') ids.add(slot.partId);
  }
  return ids;
}

function isQuota(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || (e instanceof Error && /quota/i.test(e.message));
}

/** An in-memory store with an optional byte quota (tests and browsers without IndexedDB). */
export function createMemoryStore(quotaBytes = Infinity): ImportStore {
  let current: StoredSet | null = null;
  let pending: StoredSet | null = null;
  const parts = new Map<string, Uint8Array>();
  const used = (): number => [...parts.values()].reduce((n, b) => n + b.byteLength, 0);
  const prune = (): void => {
    const keep = new Set([...referenced(current), ...referenced(pending)]);
    for (const id of [...parts.keys()]) if (!keep.has(id)) parts.delete(id);
  };
  return {
    load() {
      if (!current) return Promise.resolve(null);
      const own = new Map([...referenced(current)].map((id) => [id, parts.get(id)!]));
      return Promise.resolve({ set: current, parts: own });
    },
    stage(set, newParts) {
      const extra = [...newParts.values()].reduce((n, b) => n + b.byteLength, 0);
      if (used() + extra > quotaBytes) return Promise.reject(new QuotaError(`storage quota of ${quotaBytes} bytes exceeded`));
      for (const [id, b] of newParts) parts.set(id, b.slice());
      pending = set;
      return Promise.resolve();
    },
    activate(set) {
      current = set;
      pending = null;
      prune();
      return Promise.resolve();
    },
    discard() {
      pending = null;
      prune();
      return Promise.resolve();
    },
    clear() {
      current = null;
      pending = null;
      parts.clear();
      return Promise.resolve();
    },
  };
}

const DB_NAME = 'sasaran-import';
const PARTS = 'parts';
const SETS = 'sets';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** The IndexedDB store of the browser (database `sasaran-import`: stores `parts` and `sets`). */
export function createIndexedDbStore(factory: IDBFactory = indexedDB): ImportStore {
  let opened: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    opened ??= new Promise((resolve, reject) => {
      const r = factory.open(DB_NAME, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore(PARTS);
        r.result.createObjectStore(SETS);
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    });
    return opened;
  };
  /** Deletes every part that neither the current nor the pending set references. */
  const prune = async (db: IDBDatabase, keepSets: (StoredSet | null)[]): Promise<void> => {
    const keep = new Set(keepSets.flatMap((s) => [...referenced(s)]));
    const tx = db.transaction(PARTS, 'readwrite');
    const keys = await request(tx.objectStore(PARTS).getAllKeys());
    for (const k of keys) if (typeof k === 'string' && !keep.has(k)) tx.objectStore(PARTS).delete(k);
    await done(tx);
  };
  return {
    async load() {
      const db = await open();
      const tx = db.transaction([SETS, PARTS], 'readonly');
      const set = (await request(tx.objectStore(SETS).get('current'))) as StoredSet | undefined;
      if (!set) return null;
      const parts = new Map<string, Uint8Array>();
      for (const id of referenced(set)) {
        const bytes = (await request(tx.objectStore(PARTS).get(id))) as Uint8Array | undefined;
        if (!bytes) return null;
        parts.set(id, bytes);
      }
      return { set, parts };
    },
    async stage(set, parts) {
      const db = await open();
      const tx = db.transaction([SETS, PARTS], 'readwrite');
      try {
        for (const [id, bytes] of parts) tx.objectStore(PARTS).put(bytes, id);
        tx.objectStore(SETS).put(set, 'pending');
        await done(tx);
      } catch (e) {
        if (isQuota(e)) throw new QuotaError(e instanceof Error ? e.message : String(e));
        throw e;
      }
    },
    async activate(set) {
      const db = await open();
      const tx = db.transaction(SETS, 'readwrite');
      tx.objectStore(SETS).put(set, 'current');
      tx.objectStore(SETS).delete('pending');
      await done(tx);
      await prune(db, [set]);
    },
    async discard() {
      const db = await open();
      const tx = db.transaction(SETS, 'readwrite');
      tx.objectStore(SETS).delete('pending');
      await done(tx);
      const current = (await request(db.transaction(SETS, 'readonly').objectStore(SETS).get('current'))) as StoredSet | undefined;
      await prune(db, [current ?? null]);
    },
    async clear() {
      const db = await open();
      const tx = db.transaction([SETS, PARTS], 'readwrite');
      tx.objectStore(SETS).clear();
      tx.objectStore(PARTS).clear();
      await done(tx);
    },
  };
}
