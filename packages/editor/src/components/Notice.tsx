import { useEffect } from 'react'
import { useEditor } from './editor-context.ts'
import { useCanvasTopic } from './use-canvas-store.ts'

/** A short message at the bottom of the canvas (a refused connection, a refused edit). */
export function Notice() {
  const { store } = useEditor().canvas
  const notice = useCanvasTopic('notice', store.notice)
  useEffect(() => {
    if (notice === undefined) return
    const timer = setTimeout(() => store.setNotice(undefined), 6000)
    return () => clearTimeout(timer)
  }, [notice, store])
  if (notice === undefined) return null
  return (
    <div className="sc-notice" role="status" data-testid="canvas-notice">
      {notice}
      <button type="button" aria-label="Dismiss" onClick={() => store.setNotice(undefined)}>
        ×
      </button>
    </div>
  )
}
