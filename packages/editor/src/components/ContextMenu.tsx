/** One entry of a context menu. */
export interface MenuItem {
  readonly label: string
  /** What choosing it does; the menu closes. */
  readonly run: () => void
  /** The key that does the same, shown beside the label (e.g. `Ctrl+D`). */
  readonly shortcut?: string
}

interface ContextMenuProps {
  /** Where it opens, relative to the editor's top-left corner. */
  readonly x: number
  readonly y: number
  readonly items: readonly MenuItem[]
  readonly onClose: () => void
}

/** The right-click menu: what can be done here, with the key that does it too. */
export function ContextMenu({ x, y, items, onClose }: ContextMenuProps) {
  return (
    <div
      className="sc-menu"
      style={{ left: x, top: y }}
      role="menu"
      data-testid="context-menu"
      onPointerDown={(e) => e.stopPropagation()}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          onClick={() => {
            onClose()
            item.run()
          }}
        >
          <span>{item.label}</span>
          {item.shortcut ? <kbd>{item.shortcut}</kbd> : null}
        </button>
      ))}
    </div>
  )
}
