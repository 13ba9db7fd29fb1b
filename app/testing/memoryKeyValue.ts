/**
 * A KeyValueStore in memory for unit tests. `refuse` makes writes fail as the
 * browser's would: every write, or those whose value is larger than a quota.
 */
import type { KeyValueStore } from '../storage/keyValue.ts';

export interface MemoryKeyValue extends KeyValueStore {
  readonly items: Map<string, unknown>;
  /** Writes refused from now on: all of them, over `quota` characters of JSON, or none. */
  refuse: 'all' | { readonly quota: number } | null;
}

export function memoryKeyValue(refuse: MemoryKeyValue['refuse'] = null): MemoryKeyValue {
  const items = new Map<string, unknown>();
  const kv: MemoryKeyValue = {
    items,
    refuse,
    get: async (key) => structuredClone(items.get(key)),
    set: async (key, value) => {
      const r = kv.refuse;
      if (r === 'all' || (r !== null && JSON.stringify(value).length > r.quota)) throw new DOMException('quota exceeded', 'QuotaExceededError');
      items.set(key, structuredClone(value));
    },
    del: async (key) => void items.delete(key),
  };
  return kv;
}
