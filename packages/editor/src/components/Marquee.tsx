import { useEditor } from './editor-context.ts'
import { useCanvasTopic } from './use-canvas-store.ts'

/** The rectangle of a marquee selection being drawn (Shift or Ctrl+drag on empty canvas). */
export function Marquee() {
  const { canvas } = useEditor()
  const rect = useCanvasTopic('marquee', canvas.store.marquee)
  if (rect === undefined) return null
  return (
    <div
      className="sc-marquee"
      style={{
        left: rect.left,
        top: rect.top,
        width: rect.right - rect.left,
        height: rect.bottom - rect.top,
      }}
      data-testid="marquee"
    />
  )
}
