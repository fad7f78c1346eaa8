import type { PortType, WorkflowDocument, WorkflowEdge } from '../document/types.ts'
import type { InputSpec } from '../spec/node-spec.ts'
import type { NodeRegistry } from '../spec/registry.ts'
import type { Path } from '../util/path.ts'
import type { Issue } from '../validate/issue.ts'
import {
  formatLoop,
  inputPortProblem,
  inputTakenMessage,
  missingOrderMessage,
  outputPortProblem,
  typeMismatchMessage,
} from '../validate/port-checks.ts'
import { commandIssue } from './command-step.ts'

/**
 * What the registry says against adding `edge` (whose end nodes exist): unknown ports, a type
 * mismatch, a second edge into a single input, a list input without `order`, or a cycle.
 * Ends whose node type is unknown are not checked: the document may come from a pack that is
 * not installed, and validation reports the type itself.
 */
export function connectIssues(
  doc: WorkflowDocument,
  edge: WorkflowEdge,
  at: Path,
  registry: NodeRegistry,
): Issue[] {
  const issues: Issue[] = []
  const fromNode = doc.nodes.find((n) => n.id === edge.from.node)
  const toNode = doc.nodes.find((n) => n.id === edge.to.node)
  const fromSpec = fromNode && registry.get(fromNode.type)
  const toSpec = toNode && registry.get(toNode.type)
  let outType: PortType | undefined
  let input: InputSpec | undefined
  if (fromSpec !== undefined) {
    const problem = outputPortProblem(fromSpec, edge.from.node, edge.from.port)
    if (problem === undefined) outType = fromSpec.outputs[edge.from.port]?.type
    else issues.push(commandIssue('unknown-port', [...at, 'from', 'port'], problem, edge.from.node))
  }
  if (toSpec !== undefined) {
    const problem = inputPortProblem(toSpec, edge.to.node, edge.to.port)
    if (problem === undefined) input = toSpec.inputs[edge.to.port]
    else issues.push(commandIssue('unknown-port', [...at, 'to', 'port'], problem, edge.to.node))
  }
  if (outType !== undefined && input !== undefined && outType !== input.type) {
    const message = typeMismatchMessage(edge, outType, input.type)
    issues.push({
      ...commandIssue('type-mismatch', at, message, edge.to.node),
      nodeIds: [edge.from.node, edge.to.node],
    })
  }
  if (input?.list === true && !Number.isFinite(edge.order)) {
    issues.push(
      commandIssue('missing-order', [...at, 'order'], missingOrderMessage(edge), edge.to.node),
    )
  }
  if (input !== undefined && input.list !== true) {
    const taken = doc.edges.find((e) => e.to.node === edge.to.node && e.to.port === edge.to.port)
    if (taken !== undefined) {
      const message = inputTakenMessage(edge, taken.id)
      issues.push(commandIssue('input-taken', [...at, 'to', 'port'], message, edge.to.node))
    }
  }
  const loop = closedLoop(doc, edge)
  if (loop !== undefined) {
    const message = `this edge would close a cycle: ${formatLoop(loop)}; a workflow must not loop back on itself`
    issues.push({ ...commandIssue('cycle', at, message, loop[0]), nodeIds: loop })
  }
  return issues
}

/**
 * The cycle `edge` would close, from its `from` node in edge order, or undefined. A
 * breadth-first search from the `to` node for a path back to `from`: O(V + E).
 */
function closedLoop(doc: WorkflowDocument, edge: WorkflowEdge): string[] | undefined {
  const start = edge.from.node
  if (edge.to.node === start) return [start]
  const next = new Map<string, string[]>()
  for (const e of doc.edges) {
    const list = next.get(e.from.node)
    if (list === undefined) next.set(e.from.node, [e.to.node])
    else list.push(e.to.node)
  }
  const parent = new Map<string, string>([[edge.to.node, start]])
  const queue = [edge.to.node]
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as string
    for (const w of next.get(v) ?? []) {
      if (w === start) {
        const path: string[] = []
        for (let u: string = v; u !== start; u = parent.get(u) as string) path.push(u)
        return [start, ...path.reverse()]
      }
      if (parent.has(w)) continue
      parent.set(w, v)
      queue.push(w)
    }
  }
  return undefined
}
