import type { NodeBodyProps } from './node-view.ts'

/**
 * The body of a node type whose pack gives no view: its params on one line, read only (the
 * document is where they change), so a pack without UI still draws in its fixed height.
 */
export function GenericBody({ node }: NodeBodyProps) {
  const text = Object.entries(node.params)
    .map(([key, value]) => `${key}: ${describe(value)}`)
    .join(' · ')
  return (
    <div className="sc-params" title={text} data-testid="node-params">
      {text}
    </div>
  )
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return Array.isArray(value) ? `[${value.length}]` : value === null ? 'null' : '{…}'
}
