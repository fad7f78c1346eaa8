import type { NodeProgress } from '@shotchain/graph'

/**
 * An image, video or sound in the content-addressed media store: what image, video and audio
 * ports carry. Plain JSON, so results can be cached and shown; the bytes live in the store under
 * `hash`.
 */
export interface MediaRef {
  readonly kind: 'image' | 'video' | 'audio'
  /** SHA-256 (hex) of the file's bytes. */
  readonly hash: string
  readonly contentType: string
  readonly sizeBytes: number
  /** The picture's size in pixels; 0 for audio. */
  readonly width: number
  readonly height: number
  /** Videos and audio only. */
  readonly durationSec?: number
  /** An http(s) URL the bytes came from, which fal can fetch directly. */
  readonly sourceUrl?: string
}

/** Media work the nodes ask for; the composition root implements it over the store and ffmpeg. */
export interface MediaServices {
  /**
   * Copies a local image or video (path as written in the workflow) into the store. Rejects when
   * the file cannot be read; `image-source` re-words that as a `validation` error naming `path`.
   */
  importFile(path: string, signal: AbortSignal): Promise<MediaRef>
  /** SHA-256 of a local file's bytes, without importing it (for fingerprints). */
  hashFile(path: string, signal: AbortSignal): Promise<string>
  /** Downloads an http(s) image or video into the store. */
  importUrl(url: string, signal: AbortSignal): Promise<MediaRef>
  /**
   * Stores bytes a node made itself (e.g. an image a pack rendered); `name` names them in errors.
   * Rejects with a `validation` error when they are not a PNG, JPEG, WebP, GIF or MP4.
   */
  importBytes(bytes: Uint8Array, name: string): Promise<MediaRef>
  extractFrame(
    video: MediaRef,
    at: 'first' | 'last' | number,
    signal: AbortSignal,
  ): Promise<MediaRef>
  /** One video of the clips in order, normalised to the first clip's size and frame rate. */
  concat(videos: readonly MediaRef[], signal: AbortSignal): Promise<MediaRef>
}

/** What a paid node sees of fal (see `@shotchain/fal`'s gateway, which implements most of it). */
export interface FalServices {
  readonly mode: 'fal' | 'emulator'
  /** Queues a job; resolves with its request id. Never repeated behind the caller's back. */
  submit(endpoint: string, input: Record<string, unknown>, signal: AbortSignal): Promise<string>
  /**
   * Waits for a job (also one an earlier run submitted) and resolves with fal's result JSON
   * (for Kling, `{ video: { url } }`). Rejects with a catalogue-coded error on failure or cancel:
   * `cancelled` also when fal reports the job cancelled, `not-found` when fal does not know it.
   */
  wait(
    endpoint: string,
    requestId: string,
    options: {
      readonly signal: AbortSignal
      readonly onProgress: (progress: NodeProgress) => void
    },
  ): Promise<unknown>
  /** A URL fal can download this media from: its `sourceUrl`, or an upload (once per content). */
  urlOf(media: MediaRef, signal: AbortSignal): Promise<string>
}

/** Everything the built-in nodes need from outside; `ctx.services` of every node in the pack. */
export interface NodeServices {
  readonly media: MediaServices
  readonly fal: FalServices
}
