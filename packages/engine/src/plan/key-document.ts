import {
  type AnyNodeSpec,
  analyzeDocument,
  type Issue,
  type NodeRegistry,
  type WorkflowDocument,
  type WorkflowNode,
} from '@shotchain/graph'
import { keyTextOfInputs, keyTextOfNode } from '../keys/cache-key.ts'
import type { HashText } from '../keys/hash.ts'
import { collectAncestors, indexGraph, packedArray, topologicalOrder } from './graph-index.ts'
import { groupInputs, type KeyedPort } from './group-inputs.ts'
import { isSameInputs, type PlanMemo } from './plan-memo.ts'
import { blockingIssues, resolveTargets } from './targets.ts'

/**
 * What a document and its targets determine, whatever the cache holds: the needed nodes in
 * dependency order, each with its spec, parsed params, grouped inputs and cache key (by
 * document position). Immutable once made, so a memo may hand it to several plans.
 */
export interface KeyedDocument {
  readonly targetIds: readonly string[]
  readonly targetIndexes: readonly number[]
  readonly warnings: readonly Issue[]
  readonly order: Int32Array
  readonly specs: readonly AnyNodeSpec[]
  readonly params: readonly unknown[]
  readonly inputs: readonly (readonly KeyedPort[])[]
  /** Each take's key, take 1 first, for a node of several takes; its `keys` entry is the pick's. */
  readonly takeKeys: readonly (readonly string[] | undefined)[]
  readonly keys: readonly string[]
}

export type KeyResult =
  | { readonly ok: true; readonly keyed: KeyedDocument }
  | { readonly ok: false; readonly issues: readonly Issue[] }

/** Validates the part of `doc` the targets need and computes its cache keys. O(V + E). */
export function keyDocument(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  options: {
    targets?: readonly string[]
    hash: HashText
    memo?: PlanMemo
    fingerprints?: ReadonlyMap<string, string>
  },
): KeyResult {
  const { memo, hash } = options
  const analysis = memo ? memo.analyze(doc, registry) : analyzeDocument(doc, registry)
  const index = indexGraph(doc)
  const targets = resolveTargets(doc, registry, index, options.targets)
  if (!targets.ok) return { ok: false, issues: targets.issues }
  const needed = collectAncestors(index, targets.indexes)
  const { blocking, warnings } = blockingIssues(analysis.issues, index, needed)
  if (blocking.length > 0) return { ok: false, issues: blocking }
  const order = topologicalOrder(index, needed)
  if (order === undefined) throw new Error('planRun: a cycle passed validation')

  // Each node's key needs the keys of what feeds it, hence dependency order.
  const n = doc.nodes.length
  const specs = packedArray<AnyNodeSpec>(n)
  const params = packedArray<unknown>(n)
  const keys = packedArray<string>(n)
  const inputs = packedArray<KeyedPort[]>(n)
  const takeKeys = packedArray<string[] | undefined>(n)
  for (const i of order) {
    const node = doc.nodes[i] as WorkflowNode
    const spec = registry.get(node.type) as AnyNodeSpec
    specs[i] = spec
    params[i] = analysis.params.get(node.id)
    const grouped = groupInputs(index, i, spec, keys)
    inputs[i] = grouped
    const fingerprint = options.fingerprints?.get(node.id)
    const known = memo?.node(node, spec, fingerprint)
    let key: string
    if (known !== undefined && isSameInputs(known.inputs, grouped)) key = known.key
    else {
      const nodeText =
        known?.nodeText ?? keyTextOfNode(spec.type, spec.version, params[i], fingerprint)
      key = hash(nodeText + keyTextOfInputs(grouped))
      memo?.remember(node, { spec, fingerprint, nodeText, inputs: grouped, key })
    }
    keys[i] = key
    const takes = node.takes
    if (takes !== undefined && takes.count > 1) {
      const each = takeKeysOf(key, takes.count, hash)
      takeKeys[i] = each
      keys[i] = each[takes.pick - 1] as string
    }
  }
  const keyed = {
    targetIds: targets.ids,
    targetIndexes: targets.indexes,
    warnings,
    order,
    specs,
    params,
    inputs,
    takeKeys,
    keys,
  }
  return { ok: true, keyed }
}

/**
 * The cache key of each take of a node whose one-take key is `key`: take 1 keeps that key, so
 * adding takes to a shot already made re-uses it; take k is its own paid work.
 */
function takeKeysOf(key: string, count: number, hash: HashText): string[] {
  return Array.from({ length: count }, (_, k) => (k === 0 ? key : hash(`${key}\ntake ${k + 1}`)))
}
