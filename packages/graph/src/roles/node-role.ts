/**
 * What a node is to the apps around the graph, declared by its pack so that no editor, server or
 * CLI code names a node type. One of four kinds; a node with none is a plain step.
 * @public
 */
export type NodeRole<P = unknown> = SourceRole | ShotRole<P> | SequenceRole | OutputRole

/**
 * Brings media in from outside the workflow. With `file`, one of its params is a local file
 * path: dropped files of an accepted type become a node of this kind, and the server keeps such
 * paths inside its media folder.
 * @public
 */
export interface SourceRole {
  readonly kind: 'source'
  readonly file?: {
    /** The param that holds the path. */
    readonly param: string
    /** Media types it takes, exact (`image/png`) or by family (`image/*`). */
    readonly accepts: readonly string[]
    /**
     * The param that keeps the name the person's file had (`harbour.jpg`), shown on the node in
     * place of the stored path; runs never read it.
     */
    readonly nameParam?: string
  }
}

/**
 * A paid generation that makes one clip: what a timeline lists and a manifest records, and what
 * "add next shot" continues.
 * @public
 */
export interface ShotRole<P = unknown> {
  readonly kind: 'shot'
  /** The output port its clip comes out of. */
  readonly video: string
  /**
   * How the next shot of its kind continues from it: its `from` output (e.g. `lastFrame`) feeds
   * the next one's `to` input (e.g. `start`).
   */
  readonly chain: { readonly from: string; readonly to: string }
  /** The input port its prompt text arrives on, when it takes one. */
  readonly prompt?: string
  /**
   * Params of the prompt node "add next shot" makes for the next shot (a node of the type that
   * feeds this one's `prompt`, its other params copied), e.g. `{ text: '@Image1: ' }`.
   */
  readonly nextPrompt?: Readonly<Record<string, unknown>>
  /** The seconds of video it makes with these params. */
  durationSec(params: P): number
  /** Facts of its params worth a manifest line (e.g. `{ tier: 'standard' }`). */
  describe?(params: P): Readonly<Record<string, string | number | boolean>>
}

/**
 * Joins clips in order into one video: what a timeline follows.
 * @public
 */
export interface SequenceRole {
  readonly kind: 'sequence'
  /** The list input of the clips, in edge order. */
  readonly clips: string
  /** The output port of the joined video. */
  readonly video: string
  /** The param holding per-clip trims and transitions (`ClipEdit[]` by clip order), if it takes them. */
  readonly edits?: string
  /** The result key holding what it measured at each cut (`SeamReport[]`), if it measures them. */
  readonly seams?: string
  /** The result key holding each clip's drift from the first picture (`DriftReport[]`). */
  readonly drift?: string
  /** The result key holding the edit list it stitched (an `EditList` whose media are stored refs). */
  readonly editList?: string
}

/**
 * Marks a result the run keeps: its result carries the kept media under `media`.
 * @public
 */
export interface OutputRole {
  readonly kind: 'output'
  /** The key of its result that holds the media it keeps. */
  readonly media: string
  /** The param naming the file the result is kept under, when it has one. */
  readonly name?: string
}

/**
 * What plan-time checks know of a local image before the run (read by the composition root from
 * the file): enough for a node to say whether its provider would refuse it.
 * @public
 */
export interface MediaFacts {
  /** Undefined when the file is not an image that can be read. */
  readonly image?: { readonly format: string; readonly width: number; readonly height: number }
  readonly sizeBytes?: number
  /** Why the file does not decode (cut short, over the pixel cap), when it does not. */
  readonly undecodable?: string
}
