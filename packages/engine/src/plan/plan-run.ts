import {
  type AnyNodeSpec,
  analyzeDocument,
  type NodeOutputs,
  type NodeRegistry,
  type WorkflowDocument,
  type WorkflowNode,
} from '@shotchain/graph'
import type { CacheStore } from '../cache/cache-store.ts'
import type { Journal } from '../journal/journal.ts'
import { keyTextOfInputs, keyTextOfNode } from '../keys/cache-key.ts'
import { type HashText, sha256Hex } from '../keys/hash.ts'
import { collectAncestors, indexGraph, topologicalOrder } from './graph-index.ts'
import { groupInputs, type MutableInput } from './group-inputs.ts'
import { isSameInputs, type PlanMemo } from './plan-memo.ts'
import { summarize } from './summarize.ts'
import { blockingIssues, resolveTargets } from './targets.ts'
import type { PlannedNode, PlanResult } from './types.ts'

export interface PlanOptions {
  /** Node ids to produce; by default every output node (or every node when there is none). */
  readonly targets?: readonly string[]
  /** Where finished results are looked up; without one, everything needed runs. */
  readonly cache?: CacheStore
  /** Paid requests of interrupted runs, to re-attach to instead of paying again. */
  readonly journal?: Journal
  /** SHA-256 as hex; Node callers pass `node:crypto`'s for speed. */
  readonly hash?: HashText
  /** Kept across plans of one workflow, so unchanged nodes are not analysed and keyed again. */
  readonly memo?: PlanMemo
}

/**
 * Decides what a run does before anything runs or is paid for: the nodes the targets need,
 * which of them the cache already holds, and what the rest will cost. A graph with errors in
 * the nodes it needs (a cycle, a type mismatch, a missing input, bad params) is refused here
 * with the issues, never half-run. O(V + E).
 *
 * @example
 * const result = planRun(doc, registry, { cache, journal })
 * if (!result.ok) return showIssues(result.issues)
 * console.log(`${result.plan.estimate.run} to run, $${result.plan.estimate.usd}`)
 */
export function planRun(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  options: PlanOptions = {},
): PlanResult {
  const { memo, cache } = options
  const analysis = memo ? memo.analyze(doc, registry) : analyzeDocument(doc, registry)
  const index = indexGraph(doc)
  const targets = resolveTargets(doc, registry, index, options.targets)
  if (!targets.ok) return { ok: false, issues: targets.issues }
  const needed = collectAncestors(index, targets.indexes)
  const { blocking, warnings } = blockingIssues(analysis.issues, index, needed)
  if (blocking.length > 0) return { ok: false, issues: blocking }
  const order = topologicalOrder(index, needed)
  if (order === undefined) throw new Error('planRun: a cycle passed validation')

  // Keys, in dependency order: each node's key needs the keys of what feeds it.
  const hash = options.hash ?? sha256Hex
  const n = doc.nodes.length
  const specs = new Array<AnyNodeSpec>(n)
  const keys = new Array<string>(n)
  const inputs = new Array<MutableInput[]>(n)
  for (const i of order) {
    const node = doc.nodes[i] as WorkflowNode
    const spec = registry.get(node.type) as AnyNodeSpec
    specs[i] = spec
    const grouped = groupInputs(index, i, spec, keys)
    inputs[i] = grouped
    const known = memo?.node(node, spec)
    if (known !== undefined && isSameInputs(known.inputs, grouped)) {
      keys[i] = known.key
      continue
    }
    const nodeText =
      known?.nodeText ?? keyTextOfNode(spec.type, spec.version, analysis.params.get(node.id))
    const key = hash(nodeText + keyTextOfInputs(grouped))
    keys[i] = key
    memo?.remember(node, { spec, nodeText, inputs: grouped, key })
  }

  // Walk back from the targets; a cached node's own inputs need not be produced.
  const touched = new Uint8Array(n)
  const hits = new Array<NodeOutputs | undefined>(n)
  const stack = [...targets.indexes]
  while (stack.length > 0) {
    const i = stack.pop() as number
    if (touched[i] === 1) continue
    touched[i] = 1
    const hit = cache?.get(keys[i] as string)
    if (hit !== undefined) {
      hits[i] = hit.outputs
      continue
    }
    for (const input of inputs[i] as MutableInput[])
      for (const s of input.sources) stack.push(s.from)
  }

  const nodes: PlannedNode[] = []
  const planIndex = new Int32Array(n).fill(-1)
  const leaders = new Map<string, number>()
  for (const i of order) {
    if (touched[i] !== 1) continue
    const id = (doc.nodes[i] as WorkflowNode).id
    const spec = specs[i] as AnyNodeSpec
    const cacheKey = keys[i] as string
    const params = analysis.params.get(id)
    const grouped = inputs[i] as MutableInput[]
    const dependsOn: number[] = []
    for (const input of grouped) {
      for (const source of input.sources) {
        source.index = planIndex[source.from] as number
        if (source.index >= 0 && !dependsOn.includes(source.index)) dependsOn.push(source.index)
      }
    }
    planIndex[i] = nodes.length
    const outputs = hits[i]
    const leader = leaders.get(cacheKey)
    const entry =
      outputs === undefined && leader === undefined ? options.journal?.get(cacheKey) : undefined
    const action = outputs !== undefined ? 'cached' : leader !== undefined ? 'reuse' : 'run'
    if (action === 'run') leaders.set(cacheKey, nodes.length)
    // Every planned node has the same fields in the same order: one object shape keeps the
    // executor's property reads fast on 100,000-node plans.
    nodes.push({
      id,
      spec,
      params,
      cacheKey,
      action,
      outputs,
      reuseOf: leader === undefined ? undefined : (nodes[leader] as PlannedNode).id,
      costUsd: action === 'run' && entry === undefined ? (spec.cost?.(params) ?? 0) : 0,
      resumeRequestId: entry?.state === 'submitted' ? entry.requestId : undefined,
      needsDecision: entry?.state === 'submitting',
      inputs: grouped,
      dependsOn: action === 'run' ? dependsOn : action === 'reuse' ? [leader as number] : [],
    })
  }
  return {
    ok: true,
    plan: { doc, targets: targets.ids, nodes, estimate: summarize(nodes), warnings },
  }
}
