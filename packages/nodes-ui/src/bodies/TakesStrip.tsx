import type { NodeRunStatus, NodeViewEditor } from '@shotchain/editor'
import { takesOf, type WorkflowNode } from '@shotchain/graph'
import { ClipPreview } from './ClipPreview.tsx'

interface TakesStripProps {
  readonly node: WorkflowNode
  readonly run: NodeRunStatus | undefined
  readonly editor: NodeViewEditor
  /** The clip elements' test id prefix (`kling-take` makes `kling-take-2`). */
  readonly testId: string
}

/**
 * The takes of a node made several times, side by side: each one's clip (or why there is none)
 * and a button that picks it. Picking is an undoable edit; what the pick feeds runs again, and
 * no take is paid for twice.
 */
export function TakesStrip({ node, run, editor, testId }: TakesStripProps) {
  const { count, pick } = takesOf(node)
  const choose = (take: number) =>
    editor.apply({ type: 'setTakes', node: node.id, takes: { count, pick: take } })
  return (
    <div className="sc-takes" data-testid="takes-strip">
      {Array.from({ length: count }, (_, k) => {
        const take = k + 1
        const status = run?.takes?.[k]
        const picked = take === pick
        return (
          <div key={take} className={picked ? 'sc-takes__take is-picked' : 'sc-takes__take'}>
            <div className="sc-takes__clip">
              {status?.videoUrl ? (
                <ClipPreview url={status.videoUrl} testId={`${testId}-${take}`} />
              ) : (
                <span>
                  {status?.state === 'running' || status?.state === 'queued' ? '…' : 'No clip'}
                </span>
              )}
            </div>
            <button
              type="button"
              className="sc-takes__pick"
              aria-pressed={picked}
              aria-label={picked ? `Take ${take}, picked` : `Pick take ${take}`}
              onClick={() => (picked ? undefined : choose(take))}
              data-testid={`pick-take-${take}`}
            >
              {picked ? `✓ Take ${take}` : `Take ${take}`}
            </button>
          </div>
        )
      })}
    </div>
  )
}

/** The take counts a card offers (the document allows up to `MAX_TAKES`). */
const TAKE_COUNTS = [1, 2, 3, 4]

/**
 * How many takes a node makes: fewer keeps the pick when it is still among them, else the last
 * one left. One undoable edit.
 */
export function TakesSelect({
  node,
  editor,
  testId,
}: Pick<TakesStripProps, 'node' | 'editor' | 'testId'>) {
  const takes = takesOf(node)
  const setCount = (count: number) =>
    editor.apply({
      type: 'setTakes',
      node: node.id,
      takes: { count, pick: Math.min(takes.pick, count) },
    })
  return (
    <label>
      Takes
      <select
        value={String(takes.count)}
        data-testid={testId}
        onChange={(e) => setCount(Number(e.target.value))}
      >
        {TAKE_COUNTS.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  )
}
