import { WorkflowEditor } from '@shotchain/editor'
import { createHistory } from '@shotchain/graph'
import { builtInViews } from '@shotchain/nodes-ui'
import { createRoot } from 'react-dom/client'
import type { MountEditor } from './mounted-editor.ts'

/**
 * Our editor: `@shotchain/editor`'s `WorkflowEditor` over a history of the document with the
 * built-in pack's views, as the app draws it, rendered into `container` (the editor and the
 * views bring their own stylesheets). It puts in the DOM only the nodes near the view, and
 * paints the others on its map (`[data-testid="canvas-map"]`): the page counts it as drawn once
 * the map has painted, no node on screen is still waiting for React, and every connection in
 * the DOM has its path. The pan drag starts on its canvas (`[data-testid="canvas"]`).
 */
export const mountOurs: MountEditor = (container, doc, registry) => {
  createRoot(container).render(
    <WorkflowEditor history={createHistory(doc)} registry={registry} views={builtInViews} />,
  )
  return {
    loaded: Promise.resolve(),
    surface: () => container.querySelector('[data-testid="canvas"]'),
    isDrawn() {
      const map = container.querySelector<HTMLElement>('[data-testid="canvas-map"]')
      if (map?.dataset.nodes === undefined || map.dataset.waiting !== '0') return false
      const paths = container.querySelectorAll('[data-testid="connection"] path')
      return [...paths].every((path) => path.getAttribute('d'))
    },
  }
}
