import { type NodeBodyProps, nextShotCommands } from '@shotchain/editor'
import { takesOf, usdText } from '@shotchain/graph'
import { KLING_O1_LIMITS } from '@shotchain/kling'
import { ClipPreview } from './ClipPreview.tsx'
import { TakesSelect, TakesStrip } from './TakesStrip.tsx'

const DURATIONS = Array.from(
  { length: KLING_O1_LIMITS.maxDuration - KLING_O1_LIMITS.minDuration + 1 },
  (_, k) => KLING_O1_LIMITS.minDuration + k,
)

/**
 * A Kling shot: duration, tier and takes, its price (all takes), room for the clip (or the takes
 * side by side, each with a pick), and "add next shot".
 */
export function KlingBody({ node, spec, run, editor }: NodeBodyProps) {
  const videoUrl = run?.videoUrl
  const parsed = spec.params.safeParse(node.params)
  const params = parsed.success ? (parsed.data as { duration: number; tier: string }) : undefined
  const cost = params && spec.cost ? spec.cost(params) : undefined
  // A value the model does not take (a file saying 15 s) is shown as it is, marked invalid, not
  // silently as the first option; picking an allowed one fixes it.
  const duration = node.params.duration ?? 5
  const allowed = DURATIONS.some((d) => d === duration)
  const set = (key: string, value: unknown) =>
    editor.apply({ type: 'setParam', node: node.id, key, value })
  const takes = takesOf(node)
  const addNext = () => {
    const commands = nextShotCommands(editor.document(), editor.registry, node.id)
    if (commands) editor.apply(commands)
  }
  return (
    <div className="sc-kling">
      <div className="sc-kling__row">
        <label>
          Duration
          <select
            value={String(duration)}
            data-testid="kling-duration"
            aria-invalid={allowed ? undefined : true}
            onChange={(e) => set('duration', Number(e.target.value))}
          >
            {allowed ? null : (
              <option value={String(duration)} disabled>
                {typeof duration === 'number' ? `${duration} s` : String(duration)} (not allowed)
              </option>
            )}
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {d} s
              </option>
            ))}
          </select>
        </label>
        <label>
          Tier
          <select
            value={String(node.params.tier ?? 'standard')}
            data-testid="kling-tier"
            onChange={(e) => set('tier', e.target.value)}
          >
            <option value="standard">Standard</option>
            <option value="pro">Pro</option>
          </select>
        </label>
        <TakesSelect node={node} editor={editor} testId="kling-takes" />
        <span
          className="sc-kling__cost"
          data-testid="kling-cost"
          title={
            takes.count > 1 && cost !== undefined
              ? `${takes.count} takes × ${usdText(cost)}`
              : undefined
          }
        >
          {cost === undefined ? '—' : usdText(cost * takes.count)}
        </span>
      </div>
      {takes.count > 1 ? (
        <TakesStrip node={node} run={run} editor={editor} testId="kling-take" />
      ) : (
        <div className="sc-kling__preview" data-testid="kling-preview">
          {videoUrl ? <ClipPreview url={videoUrl} testId="kling-video" /> : 'No clip yet'}
          {videoUrl && run?.changed ? (
            <span className="sc-kling__changed" title="This clip is from before an edit">
              changed
            </span>
          ) : null}
        </div>
      )}
      <button
        type="button"
        className="sc-kling__next"
        onClick={addNext}
        data-testid="add-next-shot"
      >
        + Add next shot
      </button>
    </div>
  )
}
