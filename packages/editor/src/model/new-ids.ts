import type { WorkflowDocument } from '@shotchain/graph'

/** A readable node id not used in `doc` (nor in `taken`): `prompt-3`, `kling-o1-i2v-2`. */
export function nextNodeId(
  doc: WorkflowDocument,
  type: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = new Set(doc.nodes.map((n) => n.id))
  for (let k = 1; ; k++) {
    const id = `${type}-${k}`
    if (!used.has(id) && !taken.has(id)) return id
  }
}

/** A fresh edge id; random, so edges made in two tabs never collide. */
export function newEdgeId(): string {
  return `e-${crypto.randomUUID().slice(0, 8)}`
}
