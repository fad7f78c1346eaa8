import { WorkflowEditor } from '@shotchain/editor'
import { createHistory } from '@shotchain/graph'
import { createRoot } from 'react-dom/client'
import type { MountEditor } from './mounted-editor.ts'

/**
 * Our editor: `@shotchain/editor`'s `WorkflowEditor` over a history of the document, rendered
 * into `container` (it brings its own stylesheet). The page counts it as drawn when all nodes
 * (`[data-testid="node"]`) and connection paths (`[data-testid="connection"] path`) are in the
 * DOM; the pan drag starts on its canvas (`[data-testid="canvas"]`).
 */
export const mountOurs: MountEditor = (container, doc, registry) => {
  createRoot(container).render(<WorkflowEditor history={createHistory(doc)} registry={registry} />)
  return {
    loaded: Promise.resolve(),
    surface: () => container.querySelector('[data-testid="canvas"]'),
  }
}
