import {
  type AddNodeCommand,
  type AnyNodeSpec,
  fileSourceFor,
  type NodeRegistry,
  type SetParamCommand,
  takesFileOf,
  type WorkflowDocument,
  type WorkflowNode,
} from '@shotchain/graph'
import { nextNodeId } from './new-ids.ts'

/** A new node's params: whatever the spec's schema fills in by default. */
function defaultParams(spec: AnyNodeSpec): Record<string, unknown> {
  const parsed = spec.params.safeParse({})
  return parsed.success && typeof parsed.data === 'object' && parsed.data !== null
    ? { ...(parsed.data as Record<string, unknown>) }
    : {}
}

/** `at`, or the first step down and right of it where no node's corner already sits. */
function freeSpot(doc: WorkflowDocument, at: readonly [number, number]): [number, number] {
  const near = (n: WorkflowNode, x: number, y: number) =>
    Math.abs(n.position[0] - x) < 30 && Math.abs(n.position[1] - y) < 30
  let [x, y] = at
  while (doc.nodes.some((n) => near(n, x, y))) {
    x += 40
    y += 40
  }
  return [x, y]
}

/**
 * The `addNode` command for a new node of `type` near `at` (canvas coordinates, rounded to
 * whole pixels): a readable id the document does not use (`prompt-3`), the spec's default
 * params with `params` over them, and the first spot from `at` where it covers no other node.
 * A type the registry lacks gets no defaults; the document refuses it when applied.
 */
export function newNodeCommand(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  type: string,
  at: readonly [number, number],
  params: Readonly<Record<string, unknown>> = {},
): AddNodeCommand {
  const spec = registry.get(type)
  return {
    type: 'addNode',
    node: {
      id: nextNodeId(doc, spec?.idStem ?? type),
      type,
      position: freeSpot(doc, [Math.round(at[0]), Math.round(at[1])]),
      params: { ...(spec ? defaultParams(spec) : {}), ...params },
    },
  }
}

/** A stored file to place on the canvas: its path, its media type and the person's name for it. */
export interface DroppedFile {
  readonly path: string
  readonly contentType: string
  /** The name the file had on the person's machine (`harbour.jpg`), kept in the node to show. */
  readonly name?: string
}

/** The params a source node of `spec` takes for `file`: its file param and its name param. */
function fileParams(spec: AnyNodeSpec | undefined, file: DroppedFile) {
  const role = spec?.role?.kind === 'source' ? spec.role.file : undefined
  if (role === undefined) return undefined
  return {
    [role.param]: file.path,
    ...(role.nameParam !== undefined && file.name !== undefined
      ? { [role.nameParam]: file.name }
      : {}),
  }
}

/**
 * One `addNode` command per stored file: a node of the type whose pack takes such files (a
 * source whose file role accepts the media type, e.g. an image node for `image/png`), with its
 * file param set to the path, placed as the palette places a node (`image-1` at the drop point,
 * the next ones stepped down and right of it, none over another node). Files no registered type
 * takes are left out. Apply them as one list: one undo entry.
 * @example
 * history.apply(fileNodeCommands(history.doc, registry, files, at), { registry })
 */
export function fileNodeCommands(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  files: readonly DroppedFile[],
  at: readonly [number, number],
): AddNodeCommand[] {
  const commands: AddNodeCommand[] = []
  let placed = doc
  for (const file of files) {
    const spec = fileSourceFor(registry, file.contentType)
    const params = fileParams(spec, file)
    if (spec === undefined || params === undefined) continue
    const command = newNodeCommand(placed, registry, spec.type, at, params)
    commands.push(command)
    // The next file must not take this one's id or spot.
    placed = { ...placed, nodes: [...placed.nodes, command.node] }
  }
  return commands
}

/**
 * The `setParam` commands that make node `nodeId` the source of `file`, as a node made from it
 * would be: its params become the spec's defaults with the file (and its name) over them, so a
 * url it had is dropped. Undefined when the node is no source that takes files of that type.
 * Apply them as one list: one undo entry.
 * @example
 * const fill = fileFillCommands(history.doc, registry, 'image-1', stored)
 * if (fill) history.apply(fill, { registry })
 */
export function fileFillCommands(
  doc: WorkflowDocument,
  registry: NodeRegistry,
  nodeId: string,
  file: DroppedFile,
): SetParamCommand[] | undefined {
  const node = doc.nodes.find((n) => n.id === nodeId)
  const spec = node && registry.get(node.type)
  const filled = spec && takesFileOf(spec, file.contentType) ? fileParams(spec, file) : undefined
  if (node === undefined || spec === undefined || filled === undefined) return undefined
  const next: Record<string, unknown> = { ...defaultParams(spec), ...filled }
  const keys = new Set([...Object.keys(node.params), ...Object.keys(next)])
  return [...keys]
    .filter((key) => node.params[key] !== next[key])
    .map((key) => ({ type: 'setParam', node: nodeId, key, value: next[key] }))
}
