import { readFileSync } from 'node:fs'
import {
  applyCommands,
  createDocument,
  createRegistry,
  type GraphCommand,
  parseWorkflow,
  type WorkflowDocument,
  type WorkflowEdge,
} from '@shotchain/graph'
import { builtInNodes } from '@shotchain/nodes'

// Documents and the registry the model tests share: the built-in node pack, as the app uses it.

/** The registry of the built-in node pack. */
export const registry = createRegistry(builtInNodes)

/** `examples/three-shot-chain.json`, parsed: image → shot1 → shot2 → shot3, clips into `sequence`. */
export function threeShotChain(): WorkflowDocument {
  const url = new URL('../../../../examples/three-shot-chain.json', import.meta.url)
  const result = parseWorkflow(readFileSync(url, 'utf8'))
  if (!result.ok) throw new Error(`the example does not parse: ${result.issues[0]?.message}`)
  return result.doc
}

/** A document made by applying `commands` (with the registry) to an empty one; throws when refused. */
export function build(commands: readonly GraphCommand[]): WorkflowDocument {
  const result = applyCommands(createDocument(), commands, { registry })
  if (!result.ok) throw new Error(`the test document is refused: ${result.issues[0]?.message}`)
  return result.doc
}

/** An `addNode` command at `position`, with no params. */
export function addNode(
  id: string,
  type: string,
  position: readonly [number, number] = [0, 0],
  params: Record<string, unknown> = {},
): GraphCommand {
  return { type: 'addNode', node: { id, type, position, params } }
}

/** A `connect` command for `node.port → node.port`, its id `id`. */
export function connect(id: string, from: string, to: string, order?: number): GraphCommand {
  const [fromNode = '', fromPort = ''] = from.split('.')
  const [toNode = '', toPort = ''] = to.split('.')
  const edge: WorkflowEdge = {
    id,
    from: { node: fromNode, port: fromPort },
    to: { node: toNode, port: toPort },
    ...(order === undefined ? {} : { order }),
  }
  return { type: 'connect', edge }
}

/** The ids of the edges into a list input, in the order they play (by `order`). */
export function listOrder(doc: WorkflowDocument, node: string, port: string): string[] {
  return doc.edges
    .filter((e) => e.to.node === node && e.to.port === port)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((e) => e.id)
}
