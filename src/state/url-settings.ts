/**
 * Settings kept in the URL beside the view (the side tab, the ranking): each owns a few query
 * keys, is decoded forgivingly on start and on back/forward, and is written with replaceState, so
 * moving a weight slider does not add a history entry per step. The view's own writer
 * (useViewState) keeps these keys when it rewrites the URL.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toQueryString } from './url-state';

/** How one group of settings lives in the URL. */
export interface UrlCodec<T> {
  /** The query keys this codec owns; every other key is left alone. */
  readonly keys: readonly string[];
  /** Parameters for `value`, leaving out fields at their default. */
  readonly encode: (value: T) => URLSearchParams;
  /** A valid value from any parameters; bad or missing fields fall back to defaults. Never throws. */
  readonly decode: (params: URLSearchParams) => T;
}

/** `search` with the codec's keys replaced by `encoded`, other keys kept in place. */
export function mergeParams(search: string, keys: readonly string[], encoded: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(search);
  for (const k of keys) out.delete(k);
  for (const [k, v] of encoded) out.append(k, v);
  return out;
}

/** A setting held in the URL; the setter accepts a value or an updater. */
export function useUrlSettings<T>(codec: UrlCodec<T>): [T, (update: T | ((prev: T) => T)) => void] {
  const codecRef = useRef(codec);
  const [value, setValue] = useState<T>(() => codec.decode(new URLSearchParams(window.location.search)));
  const valueRef = useRef(value);

  useEffect(() => {
    const onPop = (): void => {
      const next = codecRef.current.decode(new URLSearchParams(window.location.search));
      valueRef.current = next;
      setValue(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((u: T | ((prev: T) => T)) => {
    const c = codecRef.current;
    const next = typeof u === 'function' ? (u as (prev: T) => T)(valueRef.current) : u;
    // Round-trip through the URL form so the state is always exactly what the URL says.
    const encoded = c.encode(next);
    const canonical = c.decode(encoded);
    valueRef.current = canonical;
    const params = mergeParams(window.location.search, c.keys, encoded);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${toQueryString(params)}${window.location.hash}`);
    setValue(canonical);
  }, []);

  return [value, update];
}

/** A codec for one key holding one of `values`; the default is left out of the URL. */
export function choiceCodec<T extends string>(key: string, values: readonly T[], dflt: T): UrlCodec<T> {
  return {
    keys: [key],
    encode: (v) => new URLSearchParams(v === dflt ? [] : [[key, v]]),
    decode: (p) => values.find((v) => v === p.get(key)) ?? dflt,
  };
}
