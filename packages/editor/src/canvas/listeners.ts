/** Listener sets keyed by id: how one node's component hears only about its own changes. */
export interface KeyedListeners {
  on(key: string, listener: () => void): () => void
  emit(key: string): void
}

export function createKeyedListeners(): KeyedListeners {
  const byKey = new Map<string, Set<() => void>>()
  return {
    on(key, listener) {
      let set = byKey.get(key)
      if (set === undefined) {
        set = new Set()
        byKey.set(key, set)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) byKey.delete(key)
      }
    },
    emit(key) {
      const set = byKey.get(key)
      if (set !== undefined) for (const listener of [...set]) listener()
    },
  }
}
