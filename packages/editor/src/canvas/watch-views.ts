import type { CanvasStore } from './canvas-store.ts'
import type { CanvasArea } from './rete-types.ts'

/**
 * Hands the elements Rete's area makes for nodes and connections to the store, where one React
 * tree fills them through portals — instead of one React root per node, socket and connection.
 */
export function watchViews(area: CanvasArea, store: CanvasStore): void {
  const owners = new WeakMap<HTMLElement, { kind: 'node' | 'connection'; id: string }>()
  area.addPipe((context) => {
    if (context.type === 'render') {
      const { element } = context.data
      if (context.data.type === 'node') {
        const node = context.data.payload
        if (!owners.has(element)) {
          owners.set(element, { kind: 'node', id: node.id })
          element.dataset.nodeId = node.id
          store.setNodeView(node.id, element)
        }
        store.setSelected(node.id, node.selected === true)
      } else if (context.data.type === 'connection' && !owners.has(element)) {
        const id = context.data.payload.id
        owners.set(element, { kind: 'connection', id })
        store.setConnectionView(id, element)
      }
    } else if (context.type === 'unmount') {
      const owner = owners.get(context.data.element)
      if (owner?.kind === 'node') store.setNodeView(owner.id, null)
      if (owner?.kind === 'connection') store.setConnectionView(owner.id, null)
      owners.delete(context.data.element)
    }
    return context
  })
}
