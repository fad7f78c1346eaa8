import type { AnyNodeSpec, NodeRegistry } from '@shotchain/graph'
import { type ComponentType, useEffect, useMemo, useRef, useState } from 'react'
import type { PaletteFooterProps } from '../editor-props.ts'
import { paletteEntries, paletteGroups } from '../model/palette-groups.ts'
import type { PalettePlace } from '../model/palette-place.ts'

interface PaletteProps {
  readonly registry: NodeRegistry
  /** Where to open (a double-click on the canvas); centred at the top when absent. */
  readonly place?: PalettePlace | undefined
  /** Lists only the types it accepts (those that can take a dropped wire), and says so. */
  readonly only?:
    | { readonly accepts: (spec: AnyNodeSpec) => boolean; readonly label: string }
    | undefined
  readonly onPick: (type: string) => void
  readonly onClose: () => void
  /** The host's part under the list (see `WorkflowEditorProps.paletteFooter`). */
  readonly Footer?: ComponentType<PaletteFooterProps> | undefined
}

/**
 * The searchable "add node" palette: node types grouped by what they make, each with its price
 * for default params and its one line; type to filter, arrows to choose (across groups), Enter
 * to add, Escape to close.
 */
export function Palette({ registry, place, only, onPick, onClose, Footer }: PaletteProps) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const search = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLDivElement>(null)
  // Opened by the user to type a node name: the search field takes the keys.
  useEffect(() => search.current?.focus(), [])
  const all = useMemo(() => {
    const specs = registry.list()
    return only ? specs.filter(only.accepts) : specs
  }, [registry, only])
  const groups = useMemo(() => paletteGroups(all, query), [all, query])
  const found = paletteEntries(groups)
  // The chosen entry stays in sight while the arrows walk a list longer than the box.
  useEffect(() => {
    list.current?.querySelector('.is-active')?.scrollIntoView({ block: 'nearest' })
  }, [active, query])
  const pick = (spec: AnyNodeSpec | undefined) => spec && onPick(spec.type)
  let index = 0
  return (
    <div
      className={`sc-palette${place ? ' sc-palette--placed' : ''}`}
      style={place}
      role="dialog"
      aria-label="Add node"
      data-testid="palette"
    >
      <input
        ref={search}
        className="sc-palette__search"
        placeholder={only ? `${only.label}: type to search…` : 'Add node: type to search…'}
        aria-label="Search node types"
        value={query}
        data-testid="palette-search"
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, found.length - 1))
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0))
          else if (e.key === 'Enter') pick(found[active]?.spec)
          else if (e.key === 'Escape') onClose()
          else return
          e.preventDefault()
          e.stopPropagation()
        }}
      />
      <div className="sc-palette__list" ref={list}>
        {groups.map((group) => (
          <section key={group.category} data-testid={`palette-group-${group.category}`}>
            <h3 className="sc-palette__heading">{group.heading}</h3>
            <ul>
              {group.entries.map(({ spec, price }) => {
                const k = index++
                return (
                  <li key={spec.type}>
                    <button
                      type="button"
                      className={k === active ? 'is-active' : undefined}
                      data-testid={`palette-item-${spec.type}`}
                      onMouseEnter={() => setActive(k)}
                      onClick={() => pick(spec)}
                    >
                      <span className="sc-palette__title">
                        <strong>{spec.title}</strong>
                        {price === undefined ? null : (
                          <span className="sc-palette__price" data-testid="palette-price">
                            {price}
                          </span>
                        )}
                      </span>
                      <span className="sc-palette__line">{spec.description ?? spec.type}</span>
                    </button>
                  </li>
                )
              })}
            </ul>
          </section>
        ))}
        {found.length === 0 ? <p className="sc-palette__none">No node matches “{query}”</p> : null}
      </div>
      {Footer ? <Footer query={query} pick={onPick} /> : null}
    </div>
  )
}
