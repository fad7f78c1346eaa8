import { useEditor } from './editor-context.ts'
import { useCanvasTopic } from './use-canvas-store.ts'

/** How much one press of zoom in (or out) multiplies (or divides) the zoom by. */
const ZOOM_STEP = 1.2

/**
 * Zoom out, the zoom in percent (a press goes back to 100%), zoom in and fit, each zooming about
 * the middle of the view; the percentage follows every zoom, the wheel's too.
 */
export function ZoomControls({ onFit }: { readonly onFit: () => void }) {
  const { canvas } = useEditor()
  const percent = useCanvasTopic('viewport', () => Math.round(canvas.zoom() * 100))
  return (
    <span className="sc-toolbar__group">
      <button
        type="button"
        onClick={() => void canvas.zoomTo(canvas.zoom() / ZOOM_STEP)}
        aria-label="Zoom out"
        title="Zoom out"
        data-testid="zoom-out"
      >
        −
      </button>
      <button
        type="button"
        className="sc-toolbar__percent"
        onClick={() => void canvas.zoomTo(1)}
        aria-label={`Zoom ${percent}%, reset to 100%`}
        title="Reset zoom to 100%"
        data-testid="zoom-reset"
      >
        {percent}%
      </button>
      <button
        type="button"
        onClick={() => void canvas.zoomTo(canvas.zoom() * ZOOM_STEP)}
        aria-label="Zoom in"
        title="Zoom in"
        data-testid="zoom-in"
      >
        +
      </button>
      <button
        type="button"
        onClick={onFit}
        aria-label="Zoom to fit"
        title="Zoom to fit (F)"
        data-testid="fit"
      >
        Fit
      </button>
    </span>
  )
}
