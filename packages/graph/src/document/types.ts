import type { Takes } from '../takes/takes.ts'

/** The data types a port carries. Add one only when a node needs it. */
export const PORT_TYPES = ['image', 'video', 'audio', 'text'] as const
export type PortType = (typeof PORT_TYPES)[number]

export const WORKFLOW_FORMAT = 'shotchain.workflow'
/** The document version this build writes. Older versions are migrated on load. */
export const WORKFLOW_VERSION = 1

/** One end of an edge: a port on a node. */
export interface PortRef {
  readonly node: string
  readonly port: string
}

export interface WorkflowNode {
  readonly id: string
  readonly type: string
  readonly position: readonly [number, number]
  readonly params: Readonly<Record<string, unknown>>
  /** A person's name for the node; the spec's title is shown when absent. */
  readonly label?: string
  /** A paid node generated more than once, and the take that goes on; one take when absent. */
  readonly takes?: Takes
}

export interface WorkflowEdge {
  readonly id: string
  readonly from: PortRef
  readonly to: PortRef
  /** Position among the edges of a list input; lower comes first. Required on list inputs. */
  readonly order?: number
}

/** The saved, shared, versioned workflow: plain JSON, frozen once parsed or edited. */
export interface WorkflowDocument {
  readonly format: typeof WORKFLOW_FORMAT
  readonly version: typeof WORKFLOW_VERSION
  readonly name: string
  readonly nodes: readonly WorkflowNode[]
  readonly edges: readonly WorkflowEdge[]
}

/** An empty document, ready for commands. */
export function createDocument(name = 'Untitled'): WorkflowDocument {
  return { format: WORKFLOW_FORMAT, version: WORKFLOW_VERSION, name, nodes: [], edges: [] }
}
