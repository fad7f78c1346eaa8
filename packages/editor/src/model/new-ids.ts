import type { WorkflowDocument } from '@shotchain/graph'

/** Short id stems for node types whose type id is long. */
const ID_STEMS: Readonly<Record<string, string>> = {
  'kling-o1-i2v': 'shot',
  'image-source': 'image',
  'extract-frame': 'frame',
}

/**
 * A readable node id not used in `doc` (nor in `taken`): `prompt-3`, `shot-2` for a Kling node.
 * `type` may also be a stem (`shot`), as when pasting a copied `shot-4`.
 */
export function nextNodeId(
  doc: WorkflowDocument,
  type: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const stem = ID_STEMS[type] ?? type
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
