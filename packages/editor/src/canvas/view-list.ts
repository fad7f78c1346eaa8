/** The elements Rete made for nodes and connections, which React fills through portals. */
export interface ViewList {
  readonly nodes: ReadonlyMap<string, HTMLElement>
  readonly connections: ReadonlyMap<string, HTMLElement>
}

/**
 * The view list, published in batches: the elements Rete mounts (`element`) and unmounts
 * (`null`) within one task become one new list on the next microtask, or one after `release`
 * while held (a bulk load), and `onChange` is called once for it.
 */
export function createViewList(onChange: () => void) {
  let views: ViewList = { nodes: new Map(), connections: new Map() }
  let dirty = false
  let held = 0
  const pending = {
    nodes: new Map<string, HTMLElement | null>(),
    connections: new Map<string, HTMLElement | null>(),
  }
  const mark = (kind: keyof ViewList, id: string, element: HTMLElement | null) => {
    pending[kind].set(id, element)
    if (!dirty) {
      dirty = true
      queueMicrotask(publish)
    }
  }
  const publish = () => {
    if (held > 0) return
    const nodes = new Map(views.nodes)
    const connections = new Map(views.connections)
    for (const [id, el] of pending.nodes) el ? nodes.set(id, el) : nodes.delete(id)
    for (const [id, el] of pending.connections)
      el ? connections.set(id, el) : connections.delete(id)
    pending.nodes.clear()
    pending.connections.clear()
    dirty = false
    views = { nodes, connections }
    onChange()
  }
  return {
    /** The current list; a new object each time it changes. */
    views: () => views,
    /** A node's element appeared (`element`) or went away (`null`). */
    setNodeView: (id: string, element: HTMLElement | null) => mark('nodes', id, element),
    /** A connection's element appeared (`element`) or went away (`null`). */
    setConnectionView: (id: string, element: HTMLElement | null) =>
      mark('connections', id, element),
    /** Holds view-list updates (a bulk load) until `release`, then draws once. */
    hold: () => {
      held++
    },
    /** Ends one `hold`; the last one publishes what came meanwhile. */
    release: () => {
      held--
      if (held === 0 && dirty) publish()
    },
  }
}
