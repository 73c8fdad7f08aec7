/** The value kept under `key`, made (once) by `make` when there is none yet. */
export function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  if (!map.has(key)) map.set(key, make());
  return map.get(key)!;
}
