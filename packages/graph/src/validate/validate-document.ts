import { checkReferences, type ReferenceCheck } from '../document/check-references.ts'
import type { PortType, WorkflowDocument, WorkflowEdge, WorkflowNode } from '../document/types.ts'
import type { AnyNodeSpec, InputSpec, UpstreamNode } from '../spec/node-spec.ts'
import type { NodeRegistry } from '../spec/registry.ts'
import { type Adjacency, buildAdjacency, findCycles } from './find-cycles.ts'
import { formatPath, type Issue } from './issue.ts'
import { outputNameClashes } from './output-names.ts'
import {
  cycleMessage,
  inputPortProblem,
  inputTakenMessage,
  missingOrderMessage,
  outputPortProblem,
  typeMismatchMessage,
} from './port-checks.ts'
import { takeProblems } from './take-checks.ts'
import { fromZodIssues, humanizeZodIssue } from './zod-issues.ts'

/** What {@link analyzeDocument} learns about a document in one pass. */
export interface DocumentAnalysis {
  /** Every problem found, errors and warnings. */
  readonly issues: readonly Issue[]
  /** Parsed params (defaults filled) of every node whose params pass its spec's schema. */
  readonly params: ReadonlyMap<string, unknown>
}

const HUMAN_MESSAGES = { error: humanizeZodIssue }

/**
 * Parses params on zod's fast path; only a failure is parsed again with the error map that
 * words its messages (passing one on every parse makes the common, valid case ~30x slower).
 */
function parseParams(spec: AnyNodeSpec, params: unknown) {
  const fast = spec.params.safeParse(params)
  return fast.success ? fast : spec.params.safeParse(params, HUMAN_MESSAGES)
}

/**
 * Checks a document against the node types in `registry`: known types, ports that exist and
 * match in type, one edge per single input, an `order` on edges into list inputs, required
 * inputs connected, valid params, each spec's own `check`, and no cycles. O(V + E) with no
 * recursion, so it is fit for the planner on 100,000-node documents.
 *
 * @example
 * const { issues, params } = analyzeDocument(doc, registry)
 * if (!hasErrors(issues)) run(doc, params)
 */
export function analyzeDocument(doc: WorkflowDocument, registry: NodeRegistry): DocumentAnalysis {
  const refs = checkReferences(doc.nodes, doc.edges)
  const specs = doc.nodes.map((node) => registry.get(node.type))
  const edges = checkEdges(doc, specs, refs)
  const nodes = checkNodes(doc, specs, refs, edges.connected)
  const cycles = checkCycles(doc, edges.graph)
  const names = outputNameClashes(doc, specs)
  const takes = takeProblems(doc, specs)
  return {
    issues: [...refs.issues, ...nodes.issues, ...names, ...takes, ...edges.issues, ...cycles],
    params: nodes.params,
  }
}

/** Per input port name: the nodes (by index) whose port has an edge, and the first such edge's id. */
type Connections = ReadonlyMap<string, ReadonlyMap<number, string>>

/** Port, type, taken-input and order rules of every edge between existing nodes. */
function checkEdges(
  doc: WorkflowDocument,
  specs: readonly (AnyNodeSpec | undefined)[],
  refs: ReferenceCheck,
) {
  const issues: Issue[] = []
  // Keyed by port first: port names are few, so this allocates a handful of maps, not one per node.
  const connected = new Map<string, Map<number, string>>()
  const from = new Int32Array(doc.edges.length)
  const to = new Int32Array(doc.edges.length)
  let arcs = 0
  doc.edges.forEach((edge, j) => {
    const fi = refs.edgeFrom[j] as number
    const ti = refs.edgeTo[j] as number
    if (fi === -1 || ti === -1) return // reported as a dangling edge
    from[arcs] = fi
    to[arcs++] = ti
    const outType = checkOutput(specs[fi], edge, j, issues)
    const input = checkInput(specs[ti], edge, j, issues)
    if (input === undefined) return
    let byNode = connected.get(edge.to.port)
    if (byNode === undefined) {
      byNode = new Map()
      connected.set(edge.to.port, byNode)
    }
    const first = byNode.get(ti)
    if (first === undefined) byNode.set(ti, edge.id)
    if (input.list === true) {
      if (!Number.isFinite(edge.order)) {
        issues.push(
          edgeIssue('missing-order', edge, ['edges', j, 'order'], missingOrderMessage(edge)),
        )
      }
    } else if (first !== undefined) {
      const message = inputTakenMessage(edge, first)
      issues.push(edgeIssue('input-taken', edge, ['edges', j, 'to', 'port'], message))
    }
    if (outType !== undefined && outType !== input.type) {
      const message = typeMismatchMessage(edge, outType, input.type)
      issues.push({
        ...edgeIssue('type-mismatch', edge, ['edges', j], message),
        nodeIds: [edge.from.node, edge.to.node],
      })
    }
  })
  return {
    issues,
    connected: connected as Connections,
    graph: buildAdjacency(doc.nodes.length, from, to, arcs),
  }
}

/** Known type, valid params, required inputs and the spec's own check of every node. */
function checkNodes(
  doc: WorkflowDocument,
  specs: readonly (AnyNodeSpec | undefined)[],
  refs: ReferenceCheck,
  connected: Connections,
) {
  const issues: Issue[] = []
  const params = new Map<string, unknown>()
  const required = new Map<AnyNodeSpec, readonly string[]>()
  const checks: {
    i: number
    spec: AnyNodeSpec
    data: unknown
    isConnected: (port: string) => boolean
  }[] = []
  doc.nodes.forEach((node, i) => {
    if (refs.nodeIndex.get(node.id) !== i) return // a repeated id: reported, and edges meet the first
    const spec = specs[i]
    if (spec === undefined) {
      issues.push({
        code: 'unknown-node-type',
        path: formatPath(['nodes', i, 'type']),
        message: `unknown node type "${node.type}"; is the node pack that provides it installed?`,
        severity: 'error',
        nodeId: node.id,
        field: 'type',
      })
      return
    }
    const parsed = parseParams(spec, node.params)
    if (parsed.success) params.set(node.id, parsed.data)
    else {
      const target = {
        code: 'invalid-param',
        path: ['nodes', i, 'params'],
        nodeId: node.id,
        fieldFromPath: true,
      } as const
      issues.push(...fromZodIssues(parsed.error.issues, target))
    }
    const isConnected = (port: string) => connected.get(port)?.has(i) === true
    for (const port of requiredInputs(spec, required)) {
      if (isConnected(port)) continue
      issues.push({
        code: 'missing-input',
        path: formatPath(['nodes', i]),
        message: `input "${port}" of node "${node.id}" (${spec.title}) needs an edge`,
        severity: 'error',
        nodeId: node.id,
        field: port,
      })
    }
    if (parsed.success && spec.check !== undefined)
      checks.push({ i, spec, data: parsed.data, isConnected })
  })
  // Checks run once every node's params are parsed, so they can read what feeds them.
  const upstream = checks.length > 0 ? upstreamLookup(doc, refs, params) : () => undefined
  for (const { i, spec, data, isConnected } of checks) {
    const node = doc.nodes[i] as WorkflowNode
    const context = { params: data, isConnected, upstream: (port: string) => upstream(i, port) }
    for (const result of (spec.check as NonNullable<AnyNodeSpec['check']>)(context)) {
      const atParam = result.field !== undefined && !Object.hasOwn(spec.inputs, result.field)
      issues.push({
        code: 'node-check',
        path: formatPath(atParam ? ['nodes', i, 'params', result.field as string] : ['nodes', i]),
        message: result.message,
        severity: result.severity,
        nodeId: node.id,
        ...(result.field === undefined ? {} : { field: result.field }),
      })
    }
  }
  return { issues, params }
}

/** Finds the node feeding input `port` of node `i` (the first edge's, for a list input). */
function upstreamLookup(
  doc: WorkflowDocument,
  refs: ReferenceCheck,
  params: ReadonlyMap<string, unknown>,
): (i: number, port: string) => UpstreamNode | undefined {
  const feeding = new Map<string, string>()
  for (const edge of doc.edges) {
    const key = `${refs.nodeIndex.get(edge.to.node)}\u0000${edge.to.port}`
    if (!feeding.has(key)) feeding.set(key, edge.from.node)
  }
  return (i, port) => {
    const id = feeding.get(`${i}\u0000${port}`)
    const at = id === undefined ? undefined : refs.nodeIndex.get(id)
    const node = at === undefined ? undefined : doc.nodes[at]
    return node && { id: node.id, type: node.type, params: params.get(node.id) }
  }
}

/** One `cycle` issue per loop, naming its nodes in edge order. */
function checkCycles(doc: WorkflowDocument, graph: Adjacency): Issue[] {
  const idOf = (i: number) => doc.nodes[i]?.id as string
  return findCycles(graph).map(({ cycle, others }) => {
    const ids = cycle.map(idOf)
    return {
      code: 'cycle',
      path: formatPath(['nodes', cycle[0] as number]),
      message: cycleMessage(ids, others.length),
      severity: 'error',
      nodeId: ids[0] as string,
      nodeIds: [...ids, ...others.map(idOf)],
    }
  })
}

/**
 * Every problem {@link analyzeDocument} finds in `doc`: ids and references, then the nodes,
 * the edges and the cycles, each in document order. Without errors (see `hasErrors`) the
 * document can be planned and run; warnings only inform.
 */
export function validateDocument(doc: WorkflowDocument, registry: NodeRegistry): Issue[] {
  return [...analyzeDocument(doc, registry).issues]
}

function checkOutput(
  spec: AnyNodeSpec | undefined,
  edge: WorkflowEdge,
  j: number,
  issues: Issue[],
): PortType | undefined {
  if (spec === undefined) return undefined // reported as an unknown node type
  const problem = outputPortProblem(spec, edge.from.node, edge.from.port)
  if (problem === undefined) return spec.outputs[edge.from.port]?.type
  issues.push({
    ...edgeIssue('unknown-port', edge, ['edges', j, 'from', 'port'], problem),
    nodeId: edge.from.node,
    field: edge.from.port,
  })
  return undefined
}

function checkInput(
  spec: AnyNodeSpec | undefined,
  edge: WorkflowEdge,
  j: number,
  issues: Issue[],
): InputSpec | undefined {
  if (spec === undefined) return undefined
  const problem = inputPortProblem(spec, edge.to.node, edge.to.port)
  if (problem === undefined) return spec.inputs[edge.to.port]
  issues.push(edgeIssue('unknown-port', edge, ['edges', j, 'to', 'port'], problem))
  return undefined
}

/** An error about an edge, laid at its input's door: the `to` node and port. */
function edgeIssue(
  code: Issue['code'],
  edge: WorkflowEdge,
  path: readonly (string | number)[],
  message: string,
): Issue {
  return {
    code,
    path: formatPath(path),
    message,
    severity: 'error',
    nodeId: edge.to.node,
    field: edge.to.port,
  }
}

function requiredInputs(
  spec: AnyNodeSpec,
  cache: Map<AnyNodeSpec, readonly string[]>,
): readonly string[] {
  let ports = cache.get(spec)
  if (ports === undefined) {
    ports = Object.keys(spec.inputs).filter((port) => spec.inputs[port]?.required === true)
    cache.set(spec, ports)
  }
  return ports
}
