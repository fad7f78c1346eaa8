import {
  type AnyNodeSpec,
  analyzeDocument,
  type NodeRegistry,
  type WorkflowDocument,
} from '@shotchain/graph'
import type { CacheStore } from '../cache/cache-store.ts'
import type { Journal } from '../journal/journal.ts'
import { computeCacheKey, type InputSource } from '../keys/cache-key.ts'
import { type HashText, sha256Hex } from '../keys/hash.ts'
import { collectAncestors, type GraphIndex, indexGraph, topologicalOrder } from './graph-index.ts'
import { blockingIssues, resolveTargets } from './targets.ts'
import type { PlannedInput, PlannedNode, PlanResult, RunEstimate } from './types.ts'

export interface PlanOptions {
  /** Node ids to produce; by default every output node (or every node when there is none). */
  readonly targets?: readonly string[]
  /** Where finished results are looked up; without one, everything needed runs. */
  readonly cache?: CacheStore
  /** Paid requests of interrupted runs, to re-attach to instead of paying again. */
  readonly journal?: Journal
  /** SHA-256 as hex; Node callers pass `node:crypto`'s for speed. */
  readonly hash?: HashText
}

/**
 * Decides what a run does before anything runs or is paid for: the nodes the targets need,
 * which of them the cache already holds, and what the rest will cost. A graph with errors in
 * the nodes it needs (a cycle, a type mismatch, a missing input, bad params) is refused here
 * with the issues, never half-run.
 *
 * @example
 * const result = planRun(doc, registry, { cache })
 * if (!result.ok) return showIssues(result.issues)
 * console.log(`${result.plan.estimate.run} to run, $${result.plan.estimate.usd}`)
 */
export function planRun(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  options: PlanOptions = {},
): PlanResult {
  const analysis = analyzeDocument(doc, registry)
  const index = indexGraph(doc)
  const targets = resolveTargets(doc, registry, index, options.targets)
  if (!targets.ok) return { ok: false, issues: targets.issues }
  const needed = collectAncestors(index, targets.ids)
  const { blocking, warnings } = blockingIssues(analysis.issues, needed)
  if (blocking.length > 0) return { ok: false, issues: blocking }
  const order = topologicalOrder(index, needed)
  if (order === undefined) throw new Error('planRun: a cycle passed validation')

  const hash = options.hash ?? sha256Hex
  const keys = new Map<string, string>()
  const inputsOf = new Map<string, PlannedInput[]>()
  for (const id of order) {
    const node = index.nodes.get(id)
    const spec = node && registry.get(node.type)
    if (node === undefined || spec === undefined)
      throw new Error(`planRun: "${id}" passed validation unresolved`)
    const inputs = plannedInputs(index, id, spec)
    inputsOf.set(id, inputs)
    const sources = new Map<string, InputSource[]>()
    for (const input of inputs) {
      sources.set(
        input.port,
        input.sources.map((s) => ({ key: keys.get(s.node) as string, port: s.port })),
      )
    }
    const parts = {
      type: spec.type,
      version: spec.version,
      params: analysis.params.get(id),
      inputs: sources,
    }
    keys.set(id, computeCacheKey(parts, hash))
  }

  const touched = selectTouched(targets.ids, inputsOf, keys, options.cache)
  const nodes: PlannedNode[] = []
  const leaders = new Map<string, string>()
  for (const id of order) {
    const outputs = touched.get(id)
    if (outputs === undefined) continue
    const node = index.nodes.get(id)
    const spec = registry.get(node?.type ?? '') as AnyNodeSpec
    const params = analysis.params.get(id)
    const cacheKey = keys.get(id) as string
    const inputs = inputsOf.get(id) as PlannedInput[]
    if (outputs !== null) {
      nodes.push({ id, spec, params, cacheKey, action: 'cached', outputs, costUsd: 0, inputs })
      continue
    }
    const leader = leaders.get(cacheKey)
    if (leader !== undefined) {
      nodes.push({
        id,
        spec,
        params,
        cacheKey,
        action: 'reuse',
        reuseOf: leader,
        costUsd: 0,
        inputs,
      })
      continue
    }
    leaders.set(cacheKey, id)
    const entry = options.journal?.get(cacheKey)
    const resumeRequestId = entry?.state === 'submitted' ? entry.requestId : undefined
    const needsDecision = entry?.state === 'submitting'
    const costUsd = entry === undefined ? (spec.cost?.(params) ?? 0) : 0
    nodes.push({
      id,
      spec,
      params,
      cacheKey,
      action: 'run',
      costUsd,
      inputs,
      ...(resumeRequestId === undefined ? {} : { resumeRequestId }),
      ...(needsDecision ? { needsDecision } : {}),
    })
  }
  return {
    ok: true,
    plan: { doc, targets: targets.ids, nodes, estimate: estimate(nodes), warnings },
  }
}

function plannedInputs(index: GraphIndex, id: string, spec: AnyNodeSpec): PlannedInput[] {
  const ports = index.incoming.get(id)
  if (ports === undefined) return []
  const inputs: PlannedInput[] = []
  for (const [port, edges] of ports) {
    const list = spec.inputs[port]?.list === true
    inputs.push({ port, list, sources: edges.map((e) => e.from) })
  }
  return inputs
}

/**
 * Walks back from the targets, stopping at cached nodes: a cached node's own inputs need not be
 * produced. Maps each touched node to its cached outputs, or null when it must run.
 */
function selectTouched(
  targets: readonly string[],
  inputsOf: ReadonlyMap<string, readonly PlannedInput[]>,
  keys: ReadonlyMap<string, string>,
  cache: CacheStore | undefined,
): Map<string, PlannedNode['outputs'] | null> {
  const touched = new Map<string, PlannedNode['outputs'] | null>()
  const stack = [...targets]
  while (stack.length > 0) {
    const id = stack.pop() as string
    if (touched.has(id)) continue
    const hit = cache?.get(keys.get(id) as string)
    touched.set(id, hit === undefined ? null : hit.outputs)
    if (hit !== undefined) continue
    for (const input of inputsOf.get(id) ?? [])
      for (const source of input.sources) stack.push(source.node)
  }
  return touched
}

function estimate(nodes: readonly PlannedNode[]): RunEstimate {
  let usd = 0
  let run = 0
  let cached = 0
  let reused = 0
  let resumed = 0
  let needsDecision = 0
  for (const node of nodes) {
    if (node.action === 'cached') cached++
    else if (node.action === 'reuse') reused++
    else run++
    if (node.resumeRequestId !== undefined) resumed++
    if (node.needsDecision) needsDecision++
    usd += node.costUsd
  }
  return { usd: Math.round(usd * 1e6) / 1e6, run, cached, reused, resumed, needsDecision }
}
