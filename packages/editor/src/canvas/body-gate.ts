import { STILL_MS } from './motion.ts'

/**
 * Hands out permission to draw node details (port rows, bodies) a few nodes per frame, and only
 * once the view has been still for a moment. Crossing the level-of-detail zoom or panning onto
 * new nodes asks for many at once; drawing them while the view moves is the long frame a user
 * sees as a stutter. Drawn details stay drawn (hidden by CSS when not wanted), so each node pays
 * for its detail once — as map tiles fill in after a pan.
 */
export function createBodyGate(perFrame = 3, quietMs = STILL_MS) {
  const waiting = new Set<() => void>()
  let scheduled = false
  let movedAt = Number.NEGATIVE_INFINITY
  const grant = () => {
    scheduled = false
    const still = performance.now() - movedAt
    if (still < quietMs) {
      scheduled = true
      setTimeout(() => requestAnimationFrame(grant), quietMs - still)
      return
    }
    let given = 0
    for (const open of waiting) {
      if (given++ >= perFrame) break
      waiting.delete(open)
      open()
    }
    if (waiting.size > 0) schedule()
  }
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    requestAnimationFrame(grant)
  }
  return {
    /** Calls `open` on a coming frame; the returned function withdraws the request. */
    request(open: () => void): () => void {
      waiting.add(open)
      schedule()
      return () => waiting.delete(open)
    },
    /** The view is moving: hold details back until it has been still for `quietMs`. */
    moved() {
      movedAt = performance.now()
    },
  }
}

/** The body gate of one canvas (see `createBodyGate`). */
export type BodyGate = ReturnType<typeof createBodyGate>
