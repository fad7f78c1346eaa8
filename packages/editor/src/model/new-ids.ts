import type { WorkflowDocument } from '@shotchain/graph'

/**
 * A readable node id not used in `doc` (nor in `taken`): `stem-1`, `stem-2`… `stem` is a node
 * type's `idStem` (`shot` for a Kling node) or its type id.
 */
export function nextNodeId(
  doc: WorkflowDocument,
  stem: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = new Set(doc.nodes.map((n) => n.id))
  for (let k = 1; ; k++) {
    const id = `${stem}-${k}`
    if (!used.has(id) && !taken.has(id)) return id
  }
}

/** A fresh edge id; random, so edges made in two tabs never collide. */
export function newEdgeId(): string {
  return `e-${crypto.randomUUID().slice(0, 8)}`
}
