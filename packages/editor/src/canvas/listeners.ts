/** Listener sets keyed by id: how one node's component hears only about its own changes. */
export interface KeyedListeners {
  /** Adds `listener` for `key`; returns the function that removes it. */
  on(key: string, listener: () => void): () => void
  /** Calls the listeners of `key` (those present when it starts), in the order they came. */
  emit(key: string): void
}

/**
 * An empty set of keyed listeners; a key with no listeners left takes no memory.
 * @example
 * const nodes = createKeyedListeners()
 * const off = nodes.on('prompt-1', redraw)
 * nodes.emit('prompt-1') // redraw()
 * off()
 */
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
