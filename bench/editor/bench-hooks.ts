/** Which editor the page draws: Rete's stock classic preset, `@shotchain/editor`, React Flow. */
export type BenchMode = 'stock' | 'ours' | 'flow'

/** A point in the viewport, CSS pixels. */
export interface ViewportPoint {
  readonly x: number
  readonly y: number
}

/** Where the first node is on screen: how a gesture is checked to have moved the view. */
export interface NodeBox extends ViewportPoint {
  readonly width: number
}

/** The canvas view: a canvas point `c` is drawn at `(x, y) + k·c` in the viewport. */
export interface ViewTransform {
  readonly x: number
  readonly y: number
  readonly k: number
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
  /** The view transform of the canvas (Rete's area); undefined while no node is drawn. */
  view(): ViewTransform | undefined
  /** The centre of the box around the first `count` nodes of the document, as drawn. */
  firstNodesCentre(count: number): ViewportPoint | undefined
  /** True when a wheel or press at `point` lands on the canvas or a node, not on an overlay. */
  isOnCanvas(point: ViewportPoint): boolean
  /**
   * How many nodes on screen have no socket drawn yet: ours draws port rows and bodies together,
   * once the view is still; stock and React Flow (its handles) draw them with the node.
   */
  nodesAwaitingDetail(): number
  /** Resolves at the first frame after the view has not changed for `frames` frames in a row. */
  whenStill(frames: number): Promise<void>
  /** Starts counting DOM mutation records (for the profile). */
  startMutations(): void
  /** Stops counting and returns how many mutation records there were. */
  stopMutations(): number
  /** Starts recording `requestAnimationFrame` intervals (a rAF loop). */
  startFrames(): void
  /** Stops recording and returns the intervals, ms. */
  stopFrames(): Promise<number[]>
}

/** `globalThis` in the benchmark page, as the runner sees it. */
export interface BenchWindow {
  readonly __bench?: BenchHooks
}
