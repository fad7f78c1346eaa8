import {
  type NodeOutputs,
  type NodeRegistry,
  takeNodeId,
  takesOf,
  type WorkflowDocument,
  type WorkflowNode,
} from '@shotchain/graph'
import type { CacheStore } from '../cache/cache-store.ts'
import type { Journal } from '../journal/journal.ts'
import { type HashText, sha256Hex } from '../keys/hash.ts'
import { packedArray } from './graph-index.ts'
import type { KeyedPort } from './group-inputs.ts'
import { type KeyedDocument, keyDocument } from './key-document.ts'
import type { PlanMemo } from './plan-memo.ts'
import { summarize } from './summarize.ts'
import type { PlannedInput, PlannedNode, PlanResult } from './types.ts'

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
  /** From `fingerprintDocument`: what nodes read from outside the document, by node id. */
  readonly fingerprints?: ReadonlyMap<string, string>
  /**
   * Nodes a person chose to submit again whatever the journal holds for them (the run gets the
   * same set): planned and priced as fresh submits.
   */
  readonly resubmit?: ReadonlySet<string>
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
  const { memo, targets, fingerprints } = options
  const hash = options.hash ?? sha256Hex
  const args = { hash, ...(targets ? { targets } : {}), ...(fingerprints ? { fingerprints } : {}) }
  const compute = () => keyDocument(doc, registry, { ...args, ...(memo ? { memo } : {}) })
  const result = memo ? memo.keyed({ doc, registry, ...args }, compute) : compute()
  if (!result.ok) return result
  const { keyed } = result
  const { hits, touched } = touchNodes(keyed, options.cache)
  const nodes = planNodes(doc, keyed, hits, touched, options)
  return {
    ok: true,
    plan: {
      doc,
      targets: keyed.targetIds,
      nodes,
      estimate: summarize(nodes),
      warnings: keyed.warnings,
    },
  }
}

/** How a node is touched: not at all, needed by the targets, or only reported behind a cached node. */
const NEEDED = 1
const BEHIND = 2

/**
 * Walks back from the targets, marking what the run touches. A cached node's inputs are not
 * needed: behind it, only nodes the cache also holds are touched (reported as cached, so a run
 * tells every result it stands on), and a miss there is neither run nor paid for. A node with a
 * take the cache lacks is needed (the document asks for that take) and so are its inputs.
 */
function touchNodes(keyed: KeyedDocument, cache: CacheStore | undefined) {
  const n = keyed.keys.length
  const touched = new Uint8Array(n)
  const hits = packedArray<NodeOutputs | undefined>(n)
  // Entries are 2i for node i needed by the targets, 2i+1 for one only behind a cached node
  // (touched only if cached too): plain numbers, no allocation per step on large plans.
  const stack = keyed.targetIndexes.map((i) => 2 * i)
  const seenBehind = new Uint8Array(n)
  while (stack.length > 0) {
    const entry = stack.pop() as number
    const i = entry >> 1
    const onlyBehind = (entry & 1) === 1
    if (touched[i] === NEEDED || (onlyBehind && seenBehind[i] === 1)) continue
    const hit = cache?.get(keyed.keys[i] as string)
    if (onlyBehind) {
      seenBehind[i] = 1
      if (hit === undefined) continue
    }
    // A take the cache lacks is work the document asks for, even behind a cached node.
    const takes = keyed.takeKeys[i]
    const whole = hit !== undefined && (takes === undefined || allCached(takes, cache))
    touched[i] = onlyBehind && whole ? BEHIND : NEEDED
    hits[i] = hit?.outputs
    const bit = whole ? 1 : 0
    for (const input of keyed.inputs[i] as KeyedPort[])
      for (const s of input.sources) stack.push(2 * s.from + bit)
  }
  return { hits, touched }
}

function allCached(keys: readonly string[], cache: CacheStore | undefined): boolean {
  return keys.every((key) => cache?.get(key) !== undefined)
}

function planNodes(
  doc: WorkflowDocument,
  keyed: KeyedDocument,
  hits: readonly (NodeOutputs | undefined)[],
  touched: Uint8Array,
  options: PlanOptions,
): PlannedNode[] {
  const { journal, resubmit, cache } = options
  const nodes: PlannedNode[] = []
  const planIndex = new Int32Array(keyed.keys.length).fill(-1)
  const leaders = new Map<string, number>()
  const plan = (
    id: string,
    cacheKey: string,
    spec: PlannedNode['spec'],
    params: unknown,
    outputs: NodeOutputs | undefined,
    inputs: PlannedInput[],
    dependsOn: number[],
  ) => {
    const leader = leaders.get(cacheKey)
    const action = outputs !== undefined ? 'cached' : leader !== undefined ? 'reuse' : 'run'
    const entry = action === 'run' && !resubmit?.has(id) ? journal?.get(cacheKey) : undefined
    if (action === 'run') leaders.set(cacheKey, nodes.length)
    const submits = action === 'run' && entry?.state !== 'submitting'
    const price = submits ? spec.cost?.(params) : undefined
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
      // At most: a re-attached request the provider reports dead is submitted again.
      costUsd: submits ? (price ?? 0) : 0,
      priceUnknown: submits && spec.cost !== undefined && price === undefined,
      resumeRequestId: entry?.state === 'submitted' ? entry.requestId : undefined,
      needsDecision: entry?.state === 'submitting',
      inputs,
      dependsOn: action === 'run' ? dependsOn : action === 'reuse' ? [leader as number] : [],
    })
  }
  for (const i of keyed.order) {
    if (touched[i] === 0) continue
    const spec = keyed.specs[i] as PlannedNode['spec']
    const params = keyed.params[i]
    const dependsOn: number[] = []
    const inputs: PlannedInput[] = (keyed.inputs[i] as KeyedPort[]).map((port) => {
      const indexes = port.sources.map((s) => planIndex[s.from] as number)
      for (const at of indexes) if (at >= 0 && !dependsOn.includes(at)) dependsOn.push(at)
      return { port: port.port, list: port.list, sources: port.sources, indexes }
    })
    planIndex[i] = nodes.length
    const node = doc.nodes[i] as WorkflowNode
    plan(node.id, keyed.keys[i] as string, spec, params, hits[i], inputs, dependsOn)
    // The takes not picked: their own work under their own ids, which nothing downstream reads.
    const takeKeys = keyed.takeKeys[i]
    if (takeKeys === undefined) continue
    const pick = takesOf(node).pick
    takeKeys.forEach((key, k) => {
      if (k + 1 === pick) return
      const outputs = cache?.get(key)?.outputs
      plan(takeNodeId(node.id, k + 1), key, spec, params, outputs, inputs, dependsOn)
    })
  }
  return nodes
}
