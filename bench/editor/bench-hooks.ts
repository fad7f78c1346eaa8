/** Which editor the page draws: Rete's stock classic preset, or `@shotchain/editor`. */
export type BenchMode = 'stock' | 'ours'

/** A point in the viewport, CSS pixels. */
export interface ViewportPoint {
  readonly x: number
  readonly y: number
}

/** Where the first node is on screen: how a gesture is checked to have moved the view. */
export interface NodeBox extends ViewportPoint {
  readonly width: number
}

/** How far the page has got. */
export type PageStatus =
  | { readonly state: 'loading' }
  /** Every node and every connection path is in the DOM; `loadMs` is from the start of loading. */
  | { readonly state: 'drawn'; readonly loadMs: number; readonly domElements: number }
  /** As `drawn`, and the main thread has since been quiet (ten frames in a row ≤ 50 ms apart). */
  | {
      readonly state: 'settled'
      readonly loadMs: number
      readonly domElements: number
      readonly settledMs: number
    }
  | { readonly state: 'failed'; readonly error: string }

/**
 * What the benchmark page puts on `window.__bench` for the runner (Playwright). The page only
 * observes; the runner drives the view with real input events.
 */
export interface BenchHooks {
  readonly status: PageStatus
  /** A point where a press lands on empty canvas, with x ≥ `minX`; undefined when there is none. */
  emptyPoint(minX: number): ViewportPoint | undefined
  /** Where the first node of the document is drawn, or undefined when it is not in the DOM. */
  firstNodeBox(): NodeBox | undefined
  /** Starts recording `requestAnimationFrame` intervals (a rAF loop). */
  startFrames(): void
  /** Stops recording and returns the intervals, ms. */
  stopFrames(): Promise<number[]>
}

/** `globalThis` in the benchmark page, as the runner sees it. */
export interface BenchWindow {
  readonly __bench?: BenchHooks
}
