/** Starts our DuckDB worker at once (the wasm is large: its download begins with the page). */
import { useEffect, useState } from 'react';
import { createDbClient, type DbClient } from '../db/client';

/** The opened database client, or null while DuckDB-WASM instantiates; an error message on failure. */
export function useDatabase(): { db: DbClient | null; error: string | null } {
  const [state, setState] = useState<{ db: DbClient | null; error: string | null }>({ db: null, error: null });
  useEffect(() => {
    const worker = new Worker(new URL('../db/worker.ts', import.meta.url), { type: 'module', name: 'sasaran-duckdb' });
    const client = createDbClient(worker);
    let alive = true;
    client.open().then(
      () => {
        performance.mark('sasaran:db-open');
        if (alive) setState({ db: client, error: null });
      },
      (e: unknown) => alive && setState({ db: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      alive = false;
      client.dispose();
      worker.terminate();
    };
  }, []);
  return state;
}
