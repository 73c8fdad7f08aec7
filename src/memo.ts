/** A map a memo keeps its values in: a Map, or a WeakMap for values that live as long as their key. */
interface Keeper<K, V> {
  has(key: K): boolean;
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value kept under `key`, made (once) by `make` when there is none yet. */
export function memo<K, V>(map: Keeper<K, V>, key: K, make: () => V): V {
  if (!map.has(key)) map.set(key, make());
  return map.get(key)!;
}

/**
 * A memo for a module's lifetime, keyed by values met over and over (dates, paths): a process that runs long
 * (a language server, a watch) is not made to keep them without end. Past `bound` keys, values are made and
 * not kept. `make` takes the key, so that a hot caller passes a function, not a new closure each time.
 */
export function boundedMemo<K, V>(map: Map<K, V>, key: K, make: (key: K) => V, bound = 100_000): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    if (map.size < bound) map.set(key, value);
  }
  return value;
}
