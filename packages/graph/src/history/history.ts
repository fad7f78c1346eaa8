import { freeze, type Patch } from 'immer'
import { type ApplyCommandsResult, applyCommands } from '../commands/apply-commands.ts'
import type { GraphCommand } from '../commands/graph-command.ts'
import { applyPatches } from '../commands/patching.ts'
import type { WorkflowDocument } from '../document/types.ts'
import type { NodeRegistry } from '../spec/registry.ts'

/** Settings of {@link createHistory}. */
export interface HistoryOptions {
  /** The clock for merging bursts, in milliseconds. Defaults to `Date.now`. */
  readonly now?: () => number
  /** How close in time two applies with the same merge key must be to share an entry. Default 1000. */
  readonly mergeWindowMs?: number
  /** How many undo entries are kept; the oldest are dropped. Default 500. */
  readonly limit?: number
}

/** Settings of one {@link WorkflowHistory.apply}. */
export interface HistoryApplyOptions {
  /**
   * Applies with the same key, each within `mergeWindowMs` of the one before and with no
   * `seal()` between, become one undo entry: a drag, a burst of typing in one field.
   */
  readonly mergeKey?: string
  readonly registry?: NodeRegistry
}

/** Why the document changed: the patches from the previous document, and what made them. */
export interface HistoryChange {
  readonly patches: readonly Patch[]
  readonly source: 'apply' | 'undo' | 'redo' | 'reset'
}

/** Called after each change with the new document. */
export type HistoryListener = (doc: WorkflowDocument, change: HistoryChange) => void

/** The edited document with undo and redo; see {@link createHistory}. */
export interface WorkflowHistory {
  /** The current document (frozen). */
  readonly doc: WorkflowDocument
  readonly canUndo: boolean
  readonly canRedo: boolean
  /** Applies commands as `applyCommands` does and records one undo entry (or merges into the last). */
  apply(
    commands: GraphCommand | readonly GraphCommand[],
    options?: HistoryApplyOptions,
  ): ApplyCommandsResult
  /** Ends the current merge group: the next apply starts a new entry even with the same key. */
  seal(): void
  /** Steps back one entry; false when there is nothing to undo. */
  undo(): boolean
  /** Steps forward one undone entry; false when there is nothing to redo. */
  redo(): boolean
  /** Replaces the document (a load, a remote copy) and forgets all history. `doc` is deep-frozen in place. */
  reset(doc: WorkflowDocument): void
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: HistoryListener): () => void
}

interface Entry {
  patches: Patch[]
  inversePatches: Patch[]
  readonly mergeKey: string | undefined
  /** When the last apply merged into this entry happened. */
  at: number
}

/**
 * Undo and redo over a workflow document as stacks of immer patches. Every apply pushes an
 * entry (a new apply clears redo); bursts with one merge key share an entry, so a drag undoes
 * in one step, back to where it started. The initial document is deep-frozen in place.
 *
 * @example
 * const history = createHistory(doc)
 * history.apply({ type: 'move', node: 'shot1', position: [10, 20] }, { mergeKey: 'drag:shot1' })
 * history.seal() // on drop
 * history.undo()
 */
export function createHistory(
  initial: WorkflowDocument,
  options: HistoryOptions = {},
): WorkflowHistory {
  const now = options.now ?? Date.now
  const mergeWindowMs = options.mergeWindowMs ?? 1000
  const limit = options.limit ?? 500
  let doc = freeze(initial, true)
  const undoStack: Entry[] = []
  const redoStack: Entry[] = []
  /** The entry the next apply may merge into; cleared by seal, undo, redo and reset. */
  let open: Entry | undefined
  const listeners = new Set<HistoryListener>()

  const emit = (change: HistoryChange) => {
    for (const listener of [...listeners]) listener(doc, change)
  }

  const canMerge = (key: string | undefined, at: number): boolean =>
    key !== undefined &&
    open !== undefined &&
    open === undoStack[undoStack.length - 1] &&
    open.mergeKey === key &&
    at >= open.at &&
    at - open.at <= mergeWindowMs

  return {
    get doc() {
      return doc
    },
    get canUndo() {
      return undoStack.length > 0
    },
    get canRedo() {
      return redoStack.length > 0
    },
    apply(commands, applyOptions = {}) {
      const result = applyCommands(doc, commands, { registry: applyOptions.registry })
      if (!result.ok || result.patches.length === 0) return result
      const at = now()
      const key = applyOptions.mergeKey
      if (open !== undefined && canMerge(key, at)) {
        open.patches = [...open.patches, ...result.patches]
        open.inversePatches = [...result.inversePatches, ...open.inversePatches]
        open.at = at
      } else {
        const entry: Entry = {
          patches: [...result.patches],
          inversePatches: [...result.inversePatches],
          mergeKey: key,
          at,
        }
        undoStack.push(entry)
        if (undoStack.length > limit) undoStack.splice(0, undoStack.length - limit)
        open = key === undefined ? undefined : entry
      }
      redoStack.length = 0
      doc = result.doc
      emit({ patches: result.patches, source: 'apply' })
      return result
    },
    seal() {
      open = undefined
    },
    undo() {
      const entry = undoStack.pop()
      if (entry === undefined) return false
      open = undefined
      doc = applyPatches(doc, entry.inversePatches)
      redoStack.push(entry)
      emit({ patches: entry.inversePatches, source: 'undo' })
      return true
    },
    redo() {
      const entry = redoStack.pop()
      if (entry === undefined) return false
      open = undefined
      doc = applyPatches(doc, entry.patches)
      undoStack.push(entry)
      emit({ patches: entry.patches, source: 'redo' })
      return true
    },
    reset(next) {
      doc = freeze(next, true)
      undoStack.length = 0
      redoStack.length = 0
      open = undefined
      emit({ patches: [{ op: 'replace', path: [], value: doc }], source: 'reset' })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
