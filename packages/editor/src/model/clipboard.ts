import type {
  GraphCommand,
  NodeRegistry,
  WorkflowDocument,
  WorkflowEdge,
  WorkflowNode,
} from '@shotchain/graph'
import { newEdgeId, nextNodeId } from './new-ids.ts'

/** Copied nodes and the edges among them, as plain JSON (what goes on the system clipboard). */
export interface Clip {
  readonly format: 'shotchain.clip'
  readonly nodes: readonly WorkflowNode[]
  readonly edges: readonly WorkflowEdge[]
}

/** The selected nodes and the edges that join two of them; undefined when nothing is selected. */
export function copyNodes(doc: WorkflowDocument, ids: readonly string[]): Clip | undefined {
  const chosen = new Set(ids)
  const nodes = doc.nodes.filter((n) => chosen.has(n.id))
  if (nodes.length === 0) return undefined
  const edges = doc.edges.filter((e) => chosen.has(e.from.node) && chosen.has(e.to.node))
  return { format: 'shotchain.clip', nodes, edges }
}

/**
 * Reads a clip back from clipboard text; undefined for anything else. Only what pasting needs
 * before the document checks the rest is checked here: node ids and positions, edge ends.
 */
export function readClip(text: string): Clip | undefined {
  try {
    const value = JSON.parse(text) as Partial<Clip>
    if (value?.format !== 'shotchain.clip') return undefined
    if (!Array.isArray(value.nodes) || !Array.isArray(value.edges)) return undefined
    if (!value.nodes.every(isPlaceable) || !value.edges.every(hasEnds)) return undefined
    return value as Clip
  } catch {
    return undefined
  }
}

function isPlaceable(node: unknown): boolean {
  const { id, position } = (node ?? {}) as Partial<WorkflowNode>
  return typeof id === 'string' && Array.isArray(position) && position.every(Number.isFinite)
}

function hasEnds(edge: unknown): boolean {
  const { from, to } = (edge ?? {}) as Partial<WorkflowEdge>
  return typeof from?.node === 'string' && typeof to?.node === 'string'
}

/**
 * Commands that paste `clip` with fresh ids, its top-left corner at `at`. The document checks
 * each node and edge as it applies them, so a hand-edited clip cannot half-paste. A pasted id
 * follows the node's type, as the palette's do: its spec's `idStem` in `registry`, else the type
 * (a copy of `shot1` or `shot-4` pastes as the next free `shot-N`).
 */
export function pasteCommands(
  doc: WorkflowDocument,
  clip: Clip,
  at: readonly [number, number],
  registry?: NodeRegistry,
): { readonly commands: GraphCommand[]; readonly ids: string[] } {
  const left = Math.min(...clip.nodes.map((n) => n.position[0]))
  const top = Math.min(...clip.nodes.map((n) => n.position[1]))
  const renamed = new Map<string, string>()
  const taken = new Set<string>()
  for (const node of clip.nodes) {
    const id = nextNodeId(doc, registry?.get(node.type)?.idStem ?? node.type, taken)
    taken.add(id)
    renamed.set(node.id, id)
  }
  const commands: GraphCommand[] = clip.nodes.map((node) => ({
    type: 'addNode',
    node: {
      ...node,
      id: renamed.get(node.id) as string,
      position: [node.position[0] - left + at[0], node.position[1] - top + at[1]],
    },
  }))
  for (const edge of clip.edges) {
    const from = renamed.get(edge.from.node)
    const to = renamed.get(edge.to.node)
    if (from === undefined || to === undefined) continue
    commands.push({
      type: 'connect',
      edge: {
        ...edge,
        id: newEdgeId(),
        from: { ...edge.from, node: from },
        to: { ...edge.to, node: to },
      },
    })
  }
  return { commands, ids: [...renamed.values()] }
}
