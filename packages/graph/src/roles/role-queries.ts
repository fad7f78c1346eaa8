import type { WorkflowDocument, WorkflowNode } from '../document/types.ts'
import type { AnyNodeSpec } from '../spec/node-spec.ts'
import type { NodeRegistry } from '../spec/registry.ts'
import type { NodeRole, OutputRole } from './node-role.ts'

type RoleKind = NodeRole['kind']
type RoleOfKind<K extends RoleKind> = Extract<NodeRole, { kind: K }>

/**
 * A node of the document with the role its pack declares for its type.
 * @public
 */
export interface RoleNode<R extends NodeRole = NodeRole> {
  readonly node: WorkflowNode
  /** Its position in `doc.nodes` (for issue paths). */
  readonly index: number
  readonly spec: AnyNodeSpec
  readonly role: R
}

/**
 * The nodes whose type has the role `kind`, in document order. Nodes of unknown types have none.
 * @public
 * @example const shots = nodesWithRole(doc, registry, 'shot')
 */
export function nodesWithRole<K extends RoleKind>(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  kind: K,
): RoleNode<RoleOfKind<K>>[] {
  const found: RoleNode<RoleOfKind<K>>[] = []
  doc.nodes.forEach((node, index) => {
    const spec = registry.get(node.type)
    if (spec?.role?.kind === kind) {
      found.push({ node, index, spec, role: spec.role as RoleOfKind<K> })
    }
  })
  return found
}

/**
 * The role of `node`'s type when it is `kind`, else undefined.
 * @public
 */
export function roleOf<K extends RoleKind>(
  registry: NodeRegistry,
  node: Pick<WorkflowNode, 'type'>,
  kind: K,
): RoleOfKind<K> | undefined {
  const role = registry.get(node.type)?.role
  return role?.kind === kind ? (role as RoleOfKind<K>) : undefined
}

/**
 * `node`'s params after its type's schema filled the defaults, or undefined when they are
 * invalid or the type is unknown: what a role's `durationSec` or `describe` reads.
 * @public
 */
export function parsedParams(registry: NodeRegistry, node: WorkflowNode): unknown {
  const parsed = registry.get(node.type)?.params.safeParse(node.params)
  return parsed?.success ? parsed.data : undefined
}

/**
 * The local file a source node reads: its file param and the path in it, or undefined when the
 * node has no file role or no path.
 * @public
 */
export function sourceFileOf(
  registry: NodeRegistry,
  node: WorkflowNode,
): { readonly param: string; readonly path: string } | undefined {
  const file = roleOf(registry, node, 'source')?.file
  const path = file === undefined ? undefined : node.params[file.param]
  return file !== undefined && typeof path === 'string' ? { param: file.param, path } : undefined
}

/**
 * The node type a dropped file of `contentType` becomes (a source with a file role that accepts
 * it), or undefined when no registered type takes it.
 * @public
 */
export function fileSourceFor(
  registry: NodeRegistry,
  contentType: string,
): AnyNodeSpec | undefined {
  return registry.list().find((spec) => takesFileOf(spec, contentType))
}

/**
 * Whether nodes of `spec` take a file of `contentType`: a source whose file role accepts it,
 * exactly (`image/png`) or by family (`image/*`).
 * @public
 */
export function takesFileOf(spec: AnyNodeSpec, contentType: string): boolean {
  const file = spec.role?.kind === 'source' ? spec.role.file : undefined
  const family = `${contentType.split('/')[0]}/*`
  return file?.accepts.some((accepted) => accepted === contentType || accepted === family) ?? false
}

/**
 * The sequence a timeline follows: the one feeding an output node, else the first; undefined
 * when the document has none.
 * @public
 */
export function playedSequence(
  doc: WorkflowDocument,
  registry: NodeRegistry,
): RoleNode<RoleOfKind<'sequence'>> | undefined {
  const sequences = nodesWithRole(doc, registry, 'sequence')
  const outputs = new Set(nodesWithRole(doc, registry, 'output').map((o) => o.node.id))
  const feedsOutput = (id: string) =>
    doc.edges.some((e) => e.from.node === id && outputs.has(e.to.node))
  return sequences.find((s) => feedsOutput(s.node.id)) ?? sequences[0]
}

/**
 * The shots in the order they play: the clips wired into `sequence` in edge order (only those
 * that are shots), or with no sequence every shot left to right.
 * @public
 */
export function shotsInPlayOrder(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  sequence: RoleNode<RoleOfKind<'sequence'>> | undefined = playedSequence(doc, registry),
): RoleNode<RoleOfKind<'shot'>>[] {
  const shots = nodesWithRole(doc, registry, 'shot')
  if (sequence === undefined) {
    return shots.sort((a, b) => a.node.position[0] - b.node.position[0])
  }
  const byId = new Map(shots.map((shot) => [shot.node.id, shot]))
  return doc.edges
    .filter((e) => e.to.node === sequence.node.id && e.to.port === sequence.role.clips)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .flatMap((e) => byId.get(e.from.node) ?? [])
}

/**
 * The name an output node keeps its result under: its role's `name` param when it is a
 * non-empty string, else the node's id. Without a file extension.
 * @public
 */
export function outputNameOf(node: Pick<WorkflowNode, 'id' | 'params'>, role: OutputRole): string {
  const named = role.name === undefined ? undefined : node.params[role.name]
  return typeof named === 'string' && named !== '' ? named : node.id
}
