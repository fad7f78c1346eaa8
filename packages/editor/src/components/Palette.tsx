import type { AnyNodeSpec, NodeRegistry } from '@shotchain/graph'
import { useEffect, useMemo, useRef, useState } from 'react'

interface PaletteProps {
  readonly registry: NodeRegistry
  readonly onPick: (type: string) => void
  readonly onClose: () => void
}

/** Node types whose title, type id, category or description contain every word of `query`. */
export function searchSpecs(specs: readonly AnyNodeSpec[], query: string): AnyNodeSpec[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return specs.filter((spec) => {
    const text =
      `${spec.title} ${spec.type} ${spec.category ?? ''} ${spec.description ?? ''}`.toLowerCase()
    return words.every((w) => text.includes(w))
  })
}

/** The searchable "add node" palette: type to filter, arrows to choose, Enter to add. */
export function Palette({ registry, onPick, onClose }: PaletteProps) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const search = useRef<HTMLInputElement>(null)
  // Opened by the user to type a node name: the search field takes the keys.
  useEffect(() => search.current?.focus(), [])
  const all = useMemo(() => registry.list(), [registry])
  const found = searchSpecs(all, query)
  const pick = (spec: AnyNodeSpec | undefined) => spec && onPick(spec.type)
  return (
    <div className="sc-palette" role="dialog" aria-label="Add node" data-testid="palette">
      <input
        ref={search}
        className="sc-palette__search"
        placeholder="Add node: type to search…"
        value={query}
        data-testid="palette-search"
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, found.length - 1))
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0))
          else if (e.key === 'Enter') pick(found[active])
          else if (e.key === 'Escape') onClose()
          else return
          e.preventDefault()
          e.stopPropagation()
        }}
      />
      <ul className="sc-palette__list">
        {found.map((spec, k) => (
          <li key={spec.type}>
            <button
              type="button"
              className={k === active ? 'is-active' : undefined}
              data-testid={`palette-item-${spec.type}`}
              onMouseEnter={() => setActive(k)}
              onClick={() => pick(spec)}
            >
              <strong>{spec.title}</strong>
              <span>{spec.description ?? spec.type}</span>
            </button>
          </li>
        ))}
        {found.length === 0 ? (
          <li className="sc-palette__none">No node matches “{query}”</li>
        ) : null}
      </ul>
    </div>
  )
}
