import type { WorkflowEdge, WorkflowNode } from '../document/types.ts'
import type { Takes } from '../takes/takes.ts'

/** Adds a node; refused when its id is taken or it is not a valid node. */
export interface AddNodeCommand {
  readonly type: 'addNode'
  readonly node: WorkflowNode
}

/** Removes a node and every edge into or out of it. */
export interface RemoveNodeCommand {
  readonly type: 'removeNode'
  readonly id: string
}

/**
 * Adds an edge. Refused when an end node is missing or the edge id is taken; with a registry,
 * also for an unknown port, a type mismatch, a second edge into a single input, an edge into a
 * list input without an `order`, and an edge that would close a cycle.
 */
export interface ConnectCommand {
  readonly type: 'connect'
  readonly edge: WorkflowEdge
}

/** Removes an edge. */
export interface DisconnectCommand {
  readonly type: 'disconnect'
  readonly id: string
}

/** Sets one param of a node to a JSON value; `undefined` deletes the key. */
export interface SetParamCommand {
  readonly type: 'setParam'
  readonly node: string
  readonly key: string
  readonly value: unknown
}

/** Moves a node on the canvas. */
export interface MoveCommand {
  readonly type: 'move'
  readonly node: string
  readonly position: readonly [number, number]
}

/**
 * Copies nodes (`nodes` maps each old id to its new id) and the edges among them (`edges` maps
 * old edge ids to new ones), shifted by `offset`. Build it with `duplicateCommand`.
 */
export interface DuplicateCommand {
  readonly type: 'duplicate'
  readonly nodes: Readonly<Record<string, string>>
  readonly edges: Readonly<Record<string, string>>
  readonly offset: readonly [number, number]
}

/** Renames the document. */
export interface RenameCommand {
  readonly type: 'rename'
  readonly name: string
}

/** Sets a node's label; `undefined` removes it, so the spec's title shows. */
export interface SetLabelCommand {
  readonly type: 'setLabel'
  readonly node: string
  readonly label: string | undefined
}

/**
 * Sets how many takes a paid node makes and which goes on; `undefined` (or one take) removes
 * them. Refused for a count outside 1 to `MAX_TAKES` or a pick outside the count.
 */
export interface SetTakesCommand {
  readonly type: 'setTakes'
  readonly node: string
  readonly takes: Takes | undefined
}

/** Every edit to a workflow document: a closed union, applied by `applyCommands`. */
export type GraphCommand =
  | AddNodeCommand
  | RemoveNodeCommand
  | ConnectCommand
  | DisconnectCommand
  | SetParamCommand
  | MoveCommand
  | DuplicateCommand
  | RenameCommand
  | SetLabelCommand
  | SetTakesCommand
