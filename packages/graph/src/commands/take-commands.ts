import type { WorkflowDocument } from '../document/types.ts'
import { takesProblem } from '../takes/takes.ts'
import type { Path } from '../util/path.ts'
import {
  accept,
  type CommandStep,
  commandIssue,
  draftNode,
  findNode,
  refuse,
} from './command-step.ts'
import type { SetTakesCommand } from './graph-command.ts'

/**
 * Checks a `setTakes` command: a known node, a whole take count within the limit and a pick
 * among them. One take picked (or `undefined`) removes the field: the node is as it was.
 */
export function planSetTakes(
  doc: WorkflowDocument,
  command: SetTakesCommand,
  at: Path,
): CommandStep {
  const found = findNode(doc, command.node, [...at, 'node'])
  if (!found.ok) return refuse(found.issues)
  const { takes } = command
  if (takes !== undefined) {
    const shaped = typeof takes === 'object' && takes !== null
    const problem = shaped
      ? takesProblem(takes)
      : { field: undefined, message: 'must be { count, pick }' }
    if (problem !== undefined) {
      const path = problem.field === undefined ? [...at, 'takes'] : [...at, 'takes', problem.field]
      return refuse([commandIssue('invalid-shape', path, problem.message, command.node)])
    }
  }
  const single = takes === undefined || (takes.count === 1 && takes.pick === 1)
  const current = doc.nodes[found.index]?.takes
  if (
    single ? current === undefined : current?.count === takes.count && current.pick === takes.pick
  )
    return accept(undefined)
  return accept((draft) => {
    const target = draftNode(draft, found.index)
    if (single) delete target.takes
    else target.takes = { count: takes.count, pick: takes.pick }
  })
}
