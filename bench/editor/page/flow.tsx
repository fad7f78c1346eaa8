import '@xyflow/react/dist/style.css'
import type { WorkflowDocument } from '@shotchain/graph'
import { type Edge, type Node, ReactFlow } from '@xyflow/react'
import { createRoot } from 'react-dom/client'
import type { MountEditor } from './mounted-editor.ts'

/** Our node cards' width (`GEOMETRY.width` in `@shotchain/editor`), px. */
const NODE_WIDTH = 260
/** As our editor's zoom limits (`ZOOM_LIMITS`), but low enough to fit 1,002 nodes. */
const ZOOM = { min: 0.02, max: 2 } as const

/**
 * The second baseline: the document drawn with React Flow (`@xyflow/react`) as its docs' first
 * example does: uncontrolled `defaultNodes` and `defaultEdges`, default nodes (a label, one
 * target and one source handle) 260 px wide like ours, default edges between them, `fitView`;
 * every other option at its default (so `onlyRenderVisibleElements` is off). Nodes and edges
 * carry `data-testid` (`node`, `connection`) for the page's probes; the pan drag starts on its
 * pane.
 */
export const mountFlow: MountEditor = (container, doc) => {
  let ready: () => void = () => {}
  const loaded = new Promise<void>((resolve) => {
    ready = resolve
  })
  const { nodes, edges } = flowGraph(doc)
  createRoot(container).render(
    <ReactFlow
      defaultNodes={nodes}
      defaultEdges={edges}
      fitView
      minZoom={ZOOM.min}
      maxZoom={ZOOM.max}
      onInit={() => ready()}
    />,
  )
  return { loaded, surface: () => container.querySelector('.react-flow__pane') }
}

/** The document's nodes and edges as React Flow's, labelled with their ids. */
function flowGraph(doc: WorkflowDocument): { nodes: Node[]; edges: Edge[] } {
  const nodes = doc.nodes.map(
    (node): Node => ({
      id: node.id,
      position: { x: node.position[0], y: node.position[1] },
      data: { label: node.id },
      style: { width: NODE_WIDTH },
      domAttributes: { 'data-testid': 'node' } as Node['domAttributes'],
    }),
  )
  const edges = doc.edges.map(
    (edge): Edge => ({
      id: edge.id,
      source: edge.from.node,
      target: edge.to.node,
      domAttributes: { 'data-testid': 'connection' } as Edge['domAttributes'],
    }),
  )
  return { nodes, edges }
}
