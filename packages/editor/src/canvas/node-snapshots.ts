import type {
  AnyNodeSpec,
  Issue,
  NodeRegistry,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from '@shotchain/graph'
import { validateDocument } from '@shotchain/graph'
import { edgesByTarget } from '../model/geometry.ts'

/** Everything one node's component draws; a new object only when something in it changed. */
export interface NodeSnapshot {
  readonly node: WorkflowNode
  readonly spec: AnyNodeSpec | undefined
  /** Edges into this node, in document order. */
  readonly into: readonly WorkflowEdge[]
  readonly issues: readonly Issue[]
  readonly selected: boolean
}

/** What `refreshSnapshots` changed. */
export interface SnapshotChanges {
  /** Nodes that had no snapshot before. */
  readonly added: readonly WorkflowNode[]
  /** Nodes whose snapshot is a new object (the added ones too). */
  readonly changed: readonly string[]
}

/**
 * Brings `snapshots` in step with `doc`: re-checks the document, gives a node a new snapshot
 * only when its node, spec, edges in, issues or selection changed (unchanged lists keep their
 * old arrays), and drops the snapshots of nodes no longer in it.
 */
export function refreshSnapshots(
  snapshots: Map<string, NodeSnapshot>,
  doc: WorkflowDocument,
  registry: NodeRegistry,
  selected: (id: string) => boolean,
): SnapshotChanges {
  const issues = issuesByNode(doc, registry)
  const into = edgesByTarget(doc)
  const added: WorkflowNode[] = []
  const changed: string[] = []
  const alive = new Set<string>()
  for (const node of doc.nodes) {
    alive.add(node.id)
    const old = snapshots.get(node.id)
    const fresh: NodeSnapshot = {
      node,
      spec: registry.get(node.type),
      into: sameItems(old?.into, into.get(node.id)) ?? into.get(node.id) ?? [],
      issues: sameIssues(old?.issues, issues.get(node.id)) ?? issues.get(node.id) ?? [],
      selected: selected(node.id),
    }
    if (old === undefined) added.push(node)
    if (!sameSnapshot(old, fresh)) {
      snapshots.set(node.id, fresh)
      changed.push(node.id)
    }
  }
  for (const id of [...snapshots.keys()]) if (!alive.has(id)) snapshots.delete(id)
  return { added, changed }
}

function issuesByNode(doc: WorkflowDocument, registry: NodeRegistry): Map<string, Issue[]> {
  const byNode = new Map<string, Issue[]>()
  for (const issue of validateDocument(doc, registry)) {
    for (const id of issue.nodeIds ?? (issue.nodeId ? [issue.nodeId] : [])) {
      const list = byNode.get(id)
      if (list) list.push(issue)
      else byNode.set(id, [issue])
    }
  }
  return byNode
}

function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined) {
  if (a === undefined || b === undefined || a.length !== b.length) return undefined
  return a.every((x, k) => x === b[k]) ? a : undefined
}

function sameIssues(a: readonly Issue[] | undefined, b: readonly Issue[] | undefined) {
  if (a === undefined || b === undefined || a.length !== b.length) return undefined
  return a.every((x, k) => x.message === b[k]?.message && x.field === b[k]?.field) ? a : undefined
}

function sameSnapshot(a: NodeSnapshot | undefined, b: NodeSnapshot): boolean {
  return (
    a !== undefined &&
    a.node === b.node &&
    a.into === b.into &&
    a.issues === b.issues &&
    a.selected === b.selected &&
    a.spec === b.spec
  )
}
