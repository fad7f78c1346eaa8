import type { Page } from 'playwright-core'

/** The Kling endpoint the starter's shots call, as the emulator counts it. */
export const KLING = 'fal-ai/kling-video/o1/standard/image-to-video'

/**
 * How long a test waits for the estimate line to settle: an estimate plans the document on the
 * server (hashing and decoding its images), which under a full parallel suite on two cores can
 * take seconds, not the poll's default one.
 */
export const ESTIMATE_WAIT = { timeout: 15_000 } as const

/** Reading and waiting on a run in the page, as a person watching the canvas would. */
export function runDriver(page: Page) {
  const state = (nodeId: string) =>
    page.locator(`[data-testid="node"][data-node-id="${nodeId}"]`).getAttribute('data-run-state')
  return {
    state,
    estimate: () => page.getByTestId('estimate').textContent(),
    runStatus: () => page.getByTestId('run-status').textContent(),
    /** Starts recording every run state each node shows, in order (a MutationObserver). */
    async recordStates() {
      await page.evaluate(() => {
        const seen: Record<string, string[]> = {}
        ;(window as unknown as { __states: typeof seen }).__states = seen
        new MutationObserver((changes) => {
          for (const change of changes) {
            const element = change.target as HTMLElement
            const id = element.dataset.nodeId
            const value = element.dataset.runState
            if (!id || !value) continue
            const list = seen[id] ?? []
            seen[id] = list
            if (list.at(-1) !== value) list.push(value)
          }
        }).observe(document.body, {
          subtree: true,
          attributes: true,
          attributeFilter: ['data-run-state'],
        })
      })
    },
    recordedStates: () =>
      page.evaluate(() => (window as unknown as { __states: Record<string, string[]> }).__states),
    /** The stitched sequence's duration in seconds, as the page's player reads it. */
    sequenceDuration: () =>
      page.getByTestId('sequence-player').evaluate(
        (video: HTMLVideoElement) =>
          new Promise<number>((resolve) => {
            if (video.readyState >= 1) resolve(video.duration)
            else
              video.addEventListener('loadedmetadata', () => resolve(video.duration), {
                once: true,
              })
          }),
      ),
  }
}
