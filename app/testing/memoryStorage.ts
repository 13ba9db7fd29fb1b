/** A Storage in memory for unit tests, optionally refusing writes as a full or disabled localStorage does. */
export function memoryStorage(refuse = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => {
      if (refuse) throw new DOMException('quota exceeded', 'QuotaExceededError');
      items.set(k, v);
    },
  };
}
