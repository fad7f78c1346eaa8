import { type KeyboardEvent, useEffect, useId, useMemo, useRef } from 'react'
import { shortcutSheet } from '../model/shortcuts.ts'

/** Whether keys are written the Mac way (⌘ for Ctrl). */
const isMac = () => /Mac|iPhone|iPad/.test(navigator.userAgent)

/**
 * The editor's keyboard shortcuts, as a modal dialog read from the one table (`SHORTCUTS`).
 * Focus goes to its Close button and stays inside (Tab wraps); Escape, `?` or Close close it,
 * and focus goes back where it was. Keys pressed in it are not the canvas's.
 */
export function ShortcutSheet({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const title = useId()
  const rows = useMemo(() => shortcutSheet(isMac()), [])
  useEffect(() => {
    const element = dialog.current
    if (element === null) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    element.showModal()
    return () => {
      element.close()
      opener?.focus()
    }
  }, [])
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // The canvas's keys (Delete, Ctrl+Z…) must not act on the nodes behind the sheet.
    event.stopPropagation()
    if (event.key === '?') {
      event.preventDefault()
      onClose()
    }
    if (event.key !== 'Tab') return
    const focusable = [
      ...event.currentTarget.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]'),
    ]
    const first = focusable[0]
    const last = focusable.at(-1)
    const active = document.activeElement
    if (event.shiftKey ? active === first : active === last) {
      event.preventDefault()
      ;(event.shiftKey ? last : first)?.focus()
    }
  }
  return (
    <dialog
      ref={dialog}
      className="sc-shortcuts"
      aria-labelledby={title}
      data-testid="shortcut-sheet"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onPointerDown={(event) => event.stopPropagation()}
    >
      <header className="sc-shortcuts__head">
        <h2 id={title}>Keyboard shortcuts</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <table className="sc-shortcuts__table">
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>
                {row.keys.map((keys, k) => (
                  <span key={keys}>
                    {k > 0 ? ' or ' : null}
                    <kbd>{keys}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  )
}
