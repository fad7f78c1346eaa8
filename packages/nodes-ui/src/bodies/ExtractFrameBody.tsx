import type { NodeBodyProps } from '@shotchain/editor'

/** Which frame of the video to take. */
export function ExtractFrameBody({ node, editor }: NodeBodyProps) {
  const raw = node.params.at
  const at = typeof raw === 'number' ? String(raw) : raw === 'first' ? 'first' : 'last'
  return (
    <label className="sc-field">
      Frame
      <select
        value={at}
        onChange={(e) => {
          const value =
            e.target.value === 'first' || e.target.value === 'last' ? e.target.value : raw
          editor.apply({ type: 'setParam', node: node.id, key: 'at', value })
        }}
      >
        {typeof raw === 'number' ? <option value={at}>At {raw} s</option> : null}
        <option value="first">First</option>
        <option value="last">Last</option>
      </select>
    </label>
  )
}
