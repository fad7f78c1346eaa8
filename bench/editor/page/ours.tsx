import { WorkflowEditor } from '@shotchain/editor'
import { createHistory } from '@shotchain/graph'
import { builtInViews } from '@shotchain/nodes-ui'
import { createRoot } from 'react-dom/client'
import type { MountEditor } from './mounted-editor.ts'

/**
 * Our editor: `@shotchain/editor`'s `WorkflowEditor` over a history of the document with the
 * built-in pack's views, as the app draws it, rendered into `container` (the editor and the
 * views bring their own stylesheets). The page counts it as drawn when all nodes
 * (`[data-testid="node"]`) and connection paths (`[data-testid="connection"] path`) are in the
 * DOM; the pan drag starts on its canvas (`[data-testid="canvas"]`).
 */
export const mountOurs: MountEditor = (container, doc, registry) => {
  createRoot(container).render(
    <WorkflowEditor history={createHistory(doc)} registry={registry} views={builtInViews} />,
  )
  return {
    loaded: Promise.resolve(),
    surface: () => container.querySelector('[data-testid="canvas"]'),
  }
}
