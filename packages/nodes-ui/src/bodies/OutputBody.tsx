import { type NodeBodyProps, useParam } from '@shotchain/editor'

/** The name the result is saved under; left empty, the node's id (shown as the placeholder). */
export function OutputBody({ node }: NodeBodyProps) {
  const name = typeof node.params.name === 'string' ? node.params.name : ''
  const [value, setValue] = useParam(node.id, 'name', name)
  return (
    <label className="sc-field">
      Name
      <input
        value={value}
        placeholder={node.id}
        spellCheck={false}
        onChange={(e) => setValue(e.target.value)}
      />
    </label>
  )
}
