/**
 * Records `requestAnimationFrame` intervals: `start()` begins a rAF loop, `stop()` ends it at
 * the next frame (so the frame after the last input is counted) and returns the intervals in ms,
 * measured with `performance.now()` in each callback.
 */
export function createFrameRecorder() {
  let finish: (() => number[]) | undefined
  return {
    start(): void {
      finish?.()
      const intervals: number[] = []
      let running = true
      let last: number | undefined
      const frame = () => {
        if (!running) return
        const now = performance.now()
        // The first callback only opens the first interval: the time before it is not a frame.
        if (last !== undefined) intervals.push(now - last)
        last = now
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
      finish = () => {
        running = false
        return intervals
      }
    },
    stop(): Promise<number[]> {
      return new Promise((resolve) => requestAnimationFrame(() => resolve(finish?.() ?? [])))
    },
  }
}
