import {
  type AnyNodeSpec,
  analyzeDocument,
  type DocumentAnalysis,
  type NodeRegistry,
  type WorkflowDocument,
  type WorkflowNode,
} from '@shotchain/graph'

import type { KeyedInput } from '../keys/cache-key.ts'

interface NodeMemo {
  readonly spec: AnyNodeSpec
  readonly fingerprint: string | undefined
  readonly nodeText: string
  /** The inputs the key was made from; the upstream keys are compared by identity. */
  readonly inputs: readonly KeyedInput[]
  readonly key: string
}

/**
 * What planning learned about frozen documents, kept between plans of the same workflow so that
 * re-planning after an edit (or running an unchanged document again) only redoes what changed:
 * the analysis of an identical document, and each unchanged node's key text and key. Documents
 * from `parseWorkflow` and graph commands are frozen; unfrozen nodes are never memoised.
 */
export interface PlanMemo {
  /**
   * The keyed document for these arguments: the one computed last time when the document,
   * registry, targets, hash and fingerprints are the same (a frozen document cannot have changed), else `compute()`.
   */
  keyed<T>(
    args: {
      doc: WorkflowDocument
      registry: NodeRegistry
      targets?: readonly string[]
      hash: unknown
      fingerprints?: ReadonlyMap<string, string>
    },
    compute: () => T,
  ): T
  analyze(doc: WorkflowDocument, registry: NodeRegistry): DocumentAnalysis
  node(node: WorkflowNode, spec: AnyNodeSpec, fingerprint: string | undefined): NodeMemo | undefined
  remember(node: WorkflowNode, memo: NodeMemo): void
}

/** Whether two input lists name the same ports and sources, upstream keys compared by identity. */
export function isSameInputs(a: readonly KeyedInput[], b: readonly KeyedInput[]): boolean {
  if (a.length !== b.length) return false
  for (let g = 0; g < a.length; g++) {
    const x = a[g] as KeyedInput
    const y = b[g] as KeyedInput
    if (x.port !== y.port || x.sources.length !== y.sources.length) return false
    for (let k = 0; k < x.sources.length; k++) {
      const s = x.sources[k]
      const t = y.sources[k]
      if (s?.key !== t?.key || s?.port !== t?.port) return false
    }
  }
  return true
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.length === b.length && a.every((id, i) => id === b[i])
}

function sameMap(
  a: ReadonlyMap<string, string> | undefined,
  b: ReadonlyMap<string, string> | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.size !== b.size) return false
  for (const [id, value] of a) if (b.get(id) !== value) return false
  return true
}

export function createPlanMemo(): PlanMemo {
  let last:
    | { doc: WorkflowDocument; registry: NodeRegistry; analysis: DocumentAnalysis }
    | undefined
  let lastKeyed: { args: Parameters<PlanMemo['keyed']>[0]; value: unknown } | undefined
  const nodes = new WeakMap<WorkflowNode, NodeMemo>()
  return {
    keyed(args, compute) {
      const was = lastKeyed?.args
      const same =
        was !== undefined &&
        was.doc === args.doc &&
        was.registry === args.registry &&
        was.hash === args.hash &&
        sameList(was.targets, args.targets) &&
        sameMap(was.fingerprints, args.fingerprints) &&
        Object.isFrozen(args.doc)
      if (same) return lastKeyed?.value as ReturnType<typeof compute>
      const value = compute()
      lastKeyed = {
        args: { ...args, ...(args.targets ? { targets: [...args.targets] } : {}) },
        value,
      }
      return value
    },
    analyze(doc, registry) {
      if (last?.doc === doc && last.registry === registry && Object.isFrozen(doc))
        return last.analysis
      const analysis = analyzeDocument(doc, registry)
      last = { doc, registry, analysis }
      return analysis
    },
    node(node, spec, fingerprint) {
      const memo = nodes.get(node)
      return memo?.spec === spec && memo.fingerprint === fingerprint ? memo : undefined
    },
    remember(node, memo) {
      if (Object.isFrozen(node) && Object.isFrozen(node.params)) nodes.set(node, memo)
    },
  }
}

export type { NodeMemo }
