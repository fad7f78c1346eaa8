import type { Patch } from 'immer'
import type { WorkflowDocument } from '../document/types.ts'
import type { NodeRegistry } from '../spec/registry.ts'
import { exhaustiveSwitchError } from '../util/assert.ts'
import type { Path } from '../util/path.ts'
import type { Issue } from '../validate/issue.ts'
import type { CommandStep } from './command-step.ts'
import { planDuplicate } from './duplicate.ts'
import { planConnect, planDisconnect } from './edge-commands.ts'
import type { GraphCommand } from './graph-command.ts'
import {
  planAddNode,
  planMove,
  planRemoveNode,
  planRename,
  planSetLabel,
  planSetParam,
} from './node-commands.ts'
import { produceWithPatches } from './patching.ts'
import { planSetTakes } from './take-commands.ts'

/** Settings of {@link applyCommands}. */
export interface ApplyCommandsOptions {
  /** With a registry, `connect` also checks ports, types, taken inputs and cycles. */
  readonly registry?: NodeRegistry
}

/** The edited document with the patches that make and undo the edit, or why nothing changed. */
export type ApplyCommandsResult =
  | {
      readonly ok: true
      readonly doc: WorkflowDocument
      /** Turn the old document into `doc` (immer `applyPatches`). */
      readonly patches: Patch[]
      /** Turn `doc` back into the old document. */
      readonly inversePatches: Patch[]
    }
  | { readonly ok: false; readonly issues: Issue[] }

/**
 * Applies one command or a list of them, all or nothing: if any command is refused, the
 * result is its issues (paths like `commands[2].edge.to.port`) and no change at all;
 * otherwise one new frozen document and one set of patches for the whole list. Commands
 * that change nothing (moving a node where it is) give no patches.
 *
 * @example
 * const result = applyCommands(doc, [
 *   { type: 'addNode', node: { id: 'p2', type: 'prompt', position: [0, 200], params: {} } },
 *   { type: 'connect', edge: { id: 'e9', from: { node: 'p2', port: 'text' }, to: { node: 'shot2', port: 'prompt' } } },
 * ], { registry })
 * if (!result.ok) showIssues(result.issues)
 */
export function applyCommands(
  doc: WorkflowDocument,
  commands: GraphCommand | readonly GraphCommand[],
  options: ApplyCommandsOptions = {},
): ApplyCommandsResult {
  const list: readonly GraphCommand[] = Array.isArray(commands)
    ? commands
    : [commands as GraphCommand]
  let current = doc
  const patches: Patch[] = []
  const inverses: Patch[][] = []
  for (let k = 0; k < list.length; k++) {
    const step = planCommand(current, list[k] as GraphCommand, ['commands', k], options.registry)
    if (!step.ok) return step
    if (step.recipe === undefined) continue
    // One produce per command: each checks against the plain result of the one before.
    const [next, forward, inverse] = produceWithPatches(current, step.recipe)
    current = next
    for (const patch of forward) patches.push(patch)
    inverses.push(inverse)
  }
  const inversePatches: Patch[] = []
  for (let k = inverses.length - 1; k >= 0; k--) {
    for (const patch of inverses[k] as Patch[]) inversePatches.push(patch)
  }
  return { ok: true, doc: current, patches, inversePatches }
}

function planCommand(
  doc: WorkflowDocument,
  command: GraphCommand,
  at: Path,
  registry: NodeRegistry | undefined,
): CommandStep {
  switch (command.type) {
    case 'addNode':
      return planAddNode(doc, command, at)
    case 'removeNode':
      return planRemoveNode(doc, command, at)
    case 'connect':
      return planConnect(doc, command, at, registry)
    case 'disconnect':
      return planDisconnect(doc, command, at)
    case 'setParam':
      return planSetParam(doc, command, at)
    case 'move':
      return planMove(doc, command, at)
    case 'duplicate':
      return planDuplicate(doc, command, at)
    case 'rename':
      return planRename(doc, command, at)
    case 'setLabel':
      return planSetLabel(doc, command, at)
    case 'setTakes':
      return planSetTakes(doc, command, at)
    default:
      return exhaustiveSwitchError(command)
  }
}
