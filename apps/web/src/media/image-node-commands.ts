import type { AddNodeCommand, WorkflowDocument } from '@shotchain/graph'

/** How far apart images dropped together land, so none hides another. */
export const DROP_STAGGER = 32

/**
 * One `addNode` command per uploaded image: an `image-source` node whose `path` is the
 * stored file, the first at the drop point and the rest staggered from it. Ids are
 * `image`, `image2`, … — the first ones the document does not use.
 */
export function imageNodeCommands(
  doc: WorkflowDocument,
  paths: readonly string[],
  at: readonly [number, number],
): AddNodeCommand[] {
  const taken = new Set(doc.nodes.map((n) => n.id))
  return paths.map((path, i) => {
    const id = freeId(taken, 'image')
    taken.add(id)
    return {
      type: 'addNode',
      node: {
        id,
        type: 'image-source',
        position: [at[0] + i * DROP_STAGGER, at[1] + i * DROP_STAGGER],
        params: { path },
      },
    }
  })
}

function freeId(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}${n}`)) n += 1
  return `${base}${n}`
}
