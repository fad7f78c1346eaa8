import type { WorkflowDocument, WorkflowEdge } from '@shotchain/graph'
import { memo } from 'react'
import { connectionPath, inputPoint, outputPoint, portLayout } from '../model/geometry.ts'
import { useEditor } from './editor-context.ts'
import { useNodePosition, useNodeSnapshot } from './use-canvas-store.ts'

const edgeIndexes = new WeakMap<WorkflowDocument, Map<string, WorkflowEdge>>()

function findEdge(doc: WorkflowDocument | undefined, id: string): WorkflowEdge | undefined {
  if (doc === undefined) return undefined
  let index = edgeIndexes.get(doc)
  if (index === undefined) {
    index = new Map(doc.edges.map((e) => [e.id, e]))
    edgeIndexes.set(doc, index)
  }
  return index.get(id)
}

/**
 * One edge, drawn from fixed node geometry and the nodes' live positions: it follows a drag
 * without reading the DOM. Coloured by the type it carries.
 */
export const ConnectionPath = memo(function ConnectionPath({ id }: { id: string }) {
  const { canvas } = useEditor()
  const edge = findEdge(canvas.store.doc(), id)
  const source = useNodeSnapshot(edge?.from.node ?? '')
  const target = useNodeSnapshot(edge?.to.node ?? '')
  const sourceAt = useNodePosition(edge?.from.node ?? '')
  const targetAt = useNodePosition(edge?.to.node ?? '')
  if (edge === undefined || !source?.spec || !target?.spec) return null
  const from = sourceAt
    ? { ...source.node, position: [sourceAt.x, sourceAt.y] as const }
    : source.node
  const to = targetAt
    ? { ...target.node, position: [targetAt.x, targetAt.y] as const }
    : target.node
  const start = outputPoint(from, portLayout(source.spec, source.into), edge.from.port)
  const end = inputPoint(to, portLayout(target.spec, target.into), edge, target.into)
  const type = source.spec.outputs[edge.from.port]?.type ?? 'unknown'
  return (
    <svg
      aria-hidden="true"
      className={`sc-connection sc-connection--${type}`}
      data-testid="connection"
      data-edge-id={id}
    >
      <path d={connectionPath(start, end)} />
    </svg>
  )
})
