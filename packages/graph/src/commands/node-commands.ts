import { castDraft, freeze } from 'immer'
import { readJsonValue } from '../document/json-value.ts'
import { readNode, toPosition } from '../document/read-node.ts'
import { readShape } from '../document/read-shape.ts'
import type { WorkflowDocument } from '../document/types.ts'
import { positionSchema } from '../document/workflow-schema.ts'
import type { Path } from '../util/path.ts'
import {
  accept,
  type CommandStep,
  commandIssue,
  draftNode,
  findNode,
  refuse,
} from './command-step.ts'
import type {
  AddNodeCommand,
  MoveCommand,
  RemoveNodeCommand,
  RenameCommand,
  SetLabelCommand,
  SetParamCommand,
} from './graph-command.ts'

/** Checks an `addNode` command: a valid node with an unused id. */
export function planAddNode(doc: WorkflowDocument, command: AddNodeCommand, at: Path): CommandStep {
  const read = readNode(command.node, [...at, 'node'])
  if (!read.ok) return refuse(read.issues.filter((i) => i.severity === 'error'))
  const node = freeze(read.value, true)
  if (doc.nodes.some((n) => n.id === node.id)) {
    const path = [...at, 'node', 'id']
    return refuse([
      commandIssue('duplicate-id', path, `a node with id "${node.id}" already exists`, node.id),
    ])
  }
  return accept((draft) => {
    draft.nodes.push(castDraft(node))
  })
}

/** Checks a `removeNode` command; its edges go with it. */
export function planRemoveNode(
  doc: WorkflowDocument,
  command: RemoveNodeCommand,
  at: Path,
): CommandStep {
  const found = findNode(doc, command.id, [...at, 'id'])
  if (!found.ok) return refuse(found.issues)
  const touching: number[] = []
  doc.edges.forEach((edge, j) => {
    if (edge.from.node === command.id || edge.to.node === command.id) touching.push(j)
  })
  return accept((draft) => {
    // Last first, so the indices still to remove stay valid.
    for (let k = touching.length - 1; k >= 0; k--) draft.edges.splice(touching[k] as number, 1)
    draft.nodes.splice(found.index, 1)
  })
}

/** Checks a `setParam` command: a known node, a usable key, a JSON value. */
export function planSetParam(
  doc: WorkflowDocument,
  command: SetParamCommand,
  at: Path,
): CommandStep {
  const found = findNode(doc, command.node, [...at, 'node'])
  if (!found.ok) return refuse(found.issues)
  const { key } = command
  if (typeof key !== 'string' || key === '__proto__') {
    const message = 'must be the name of a param (text other than "__proto__")'
    return refuse([commandIssue('invalid-shape', [...at, 'key'], message, command.node)])
  }
  const params = doc.nodes[found.index]?.params ?? {}
  if (command.value === undefined) {
    if (!Object.hasOwn(params, key)) return accept(undefined)
    return accept((draft) => {
      delete draftNode(draft, found.index).params[key]
    })
  }
  const read = readJsonValue(command.value, [...at, 'value'], command.node)
  if (!read.ok) return refuse(read.issues)
  const value = freeze(read.value, true)
  return accept((draft) => {
    draftNode(draft, found.index).params[key] = castDraft(value)
  })
}

/** Checks a `move` command: a known node and a finite position. */
export function planMove(doc: WorkflowDocument, command: MoveCommand, at: Path): CommandStep {
  const found = findNode(doc, command.node, [...at, 'node'])
  if (!found.ok) return refuse(found.issues)
  const read = readShape(positionSchema, command.position, [...at, 'position'], command.node)
  if (!read.ok) return refuse(read.issues)
  const position = toPosition(read.value[0], read.value[1])
  const current = doc.nodes[found.index]?.position
  if (current !== undefined && current[0] === position[0] && current[1] === position[1]) {
    return accept(undefined)
  }
  return accept((draft) => {
    draftNode(draft, found.index).position = [position[0], position[1]]
  })
}

/** Checks a `setLabel` command. */
export function planSetLabel(
  doc: WorkflowDocument,
  command: SetLabelCommand,
  at: Path,
): CommandStep {
  const found = findNode(doc, command.node, [...at, 'node'])
  if (!found.ok) return refuse(found.issues)
  const { label } = command
  if (label !== undefined && typeof label !== 'string') {
    return refuse([commandIssue('invalid-shape', [...at, 'label'], 'must be text', command.node)])
  }
  const node = doc.nodes[found.index]
  const unchanged =
    label === undefined
      ? node !== undefined && !Object.hasOwn(node, 'label')
      : node?.label === label
  if (unchanged) return accept(undefined)
  return accept((draft) => {
    const target = draftNode(draft, found.index)
    if (label === undefined) delete target.label
    else target.label = label
  })
}

/** Checks a `rename` command. */
export function planRename(_doc: WorkflowDocument, command: RenameCommand, at: Path): CommandStep {
  if (typeof command.name !== 'string') {
    return refuse([commandIssue('invalid-shape', [...at, 'name'], 'must be text')])
  }
  return accept((draft) => {
    draft.name = command.name
  })
}
