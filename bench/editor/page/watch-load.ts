import type { PageStatus } from '../bench-hooks.ts'
import type { MountedEditor } from './mounted-editor.ts'

/** Frames this far apart or closer count as a quiet main thread. */
const QUIET_FRAME_MS = 50
/** How many quiet frames in a row mean loading work is over. */
const QUIET_RUN = 10

/** True when `nodes` nodes and `edges` connections are in the DOM, each connection with its path. */
export function isDrawn(nodes: number, edges: number): boolean {
  if (document.querySelectorAll('[data-testid="node"]').length !== nodes) return false
  const connections = document.querySelectorAll('[data-testid="connection"]')
  if (connections.length !== edges) return false
  for (const connection of connections) {
    const path =
      connection instanceof SVGPathElement ? connection : connection.querySelector('path')
    if (!path?.getAttribute('d')) return false
  }
  return true
}

/**
 * Watches loading from `loadStart` (a `performance.now()` time) with a `requestAnimationFrame`
 * loop: reports `drawn` at the first frame where the editor's `loaded` has settled and the
 * document is drawn (the editor's own `isDrawn`, else every node and connection in the DOM), then `settled` once ten frames in a row come ≤ 50 ms apart (the frame that starts that
 * run is the settle time). Reports `failed` when `loaded` rejects.
 */
export function watchLoad(
  loadStart: number,
  editor: MountedEditor,
  counts: { readonly nodes: number; readonly edges: number },
  report: (status: PageStatus) => void,
): void {
  let isLoaded = false
  let failed = false
  editor.loaded.then(
    () => {
      isLoaded = true
    },
    (error: unknown) => {
      failed = true
      report({
        state: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
    },
  )
  let drawn: { loadMs: number; domElements: number } | undefined
  let last = 0
  let quiet = 0
  let quietSince = 0
  const frame = () => {
    if (failed) return
    const now = performance.now()
    if (drawn === undefined) {
      const done = editor.isDrawn?.() ?? isDrawn(counts.nodes, counts.edges)
      if (isLoaded && done) {
        drawn = { loadMs: now - loadStart, domElements: document.getElementsByTagName('*').length }
        report({ state: 'drawn', ...drawn })
      }
    } else if (now - last <= QUIET_FRAME_MS) {
      if (quiet === 0) quietSince = last
      quiet++
      if (quiet === QUIET_RUN) {
        report({ state: 'settled', ...drawn, settledMs: quietSince - loadStart })
        return
      }
    } else {
      quiet = 0
    }
    last = now
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}
