import type { CanvasArea } from './rete-types.ts'

/**
 * Draws connections behind nodes: each connection's element goes first in the area's content, so
 * every node (appended after it, or already there) paints over it and a wire never crosses a
 * node's text. Only connections move: a node's element stays put, so clicks inside it are never
 * lost to a DOM move (area-plugin#29, why `simpleNodesOrder` is not used).
 * @listens connectioncreated
 * @internal
 */
export function wiresBehindNodes(area: CanvasArea): void {
  area.addPipe((context) => {
    if (context.type === 'connectioncreated') {
      const view = area.connectionViews.get(context.data.id)
      const { content } = area.area
      if (view && view.element !== content.holder.firstChild) {
        void content.reorder(view.element, content.holder.firstChild)
      }
    }
    return context
  })
}
