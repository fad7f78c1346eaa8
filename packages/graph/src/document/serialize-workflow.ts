import { isPlainObject } from '../util/describe-value.ts'
import type { WorkflowDocument, WorkflowEdge, WorkflowNode } from './types.ts'

/**
 * Writes a document as pretty, stable JSON: fields in a fixed order, param keys sorted, two
 * spaces, a final newline. Equal documents give equal text, so files diff cleanly, and
 * `parseWorkflow(serializeWorkflow(doc))` gives back `doc`.
 */
export function serializeWorkflow(doc: WorkflowDocument): string {
  const out = {
    format: doc.format,
    version: doc.version,
    name: doc.name,
    nodes: doc.nodes.map(nodeJson),
    edges: doc.edges.map(edgeJson),
  }
  return `${JSON.stringify(out, null, 2)}\n`
}

function nodeJson(node: WorkflowNode): object {
  return {
    id: node.id,
    type: node.type,
    ...(node.label === undefined ? {} : { label: node.label }),
    position: [node.position[0], node.position[1]],
    params: sortKeys(node.params),
    ...(node.takes === undefined
      ? {}
      : { takes: { count: node.takes.count, pick: node.takes.pick } }),
  }
}

function edgeJson(edge: WorkflowEdge): object {
  return {
    id: edge.id,
    from: { node: edge.from.node, port: edge.from.port },
    to: { node: edge.to.node, port: edge.to.port },
    ...(edge.order === undefined ? {} : { order: edge.order }),
  }
}

/** A copy with object keys sorted at every level; depth is bounded by the loader's limit. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (!isPlainObject(value)) return value
  const keys = Object.keys(value).sort()
  return Object.fromEntries(keys.map((key) => [key, sortKeys(value[key])]))
}
