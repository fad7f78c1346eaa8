import type { Readable } from 'node:stream'

/** A file in the media store. @public */
export interface StoredMedia {
  /** SHA-256 of the content, lowercase hex. */
  readonly hash: string
  /** Absolute path of the stored file (on this machine: ffmpeg and the routes read it). */
  readonly path: string
  readonly sizeBytes: number
}

/**
 * Content-addressed media: each content is stored once, under its SHA-256, and never changes.
 * Readers never see a partial file. Every server process of a team shares one (a folder they all
 * mount today; an S3-compatible bucket with a local read-through folder could implement it too).
 * Methods taking a hash throw a `validation` error unless it is 64 hex digits.
 * @public
 */
export interface MediaStore {
  /** Copies the file at `path` in. */
  putFile(path: string, contentType: string): Promise<StoredMedia>
  putBytes(bytes: Uint8Array, contentType: string): Promise<StoredMedia>
  /**
   * Moves a file written at a {@link MediaStore.tempPath} in, without a copy where it can. Throws
   * a `validation` error for a path that is not one of its temporary paths.
   */
  adoptFile(tempPath: string, contentType: string): Promise<StoredMedia>
  /** A local path of the stored content, or `undefined` when the store does not hold it. */
  pathOf(hash: string): string | undefined
  has(hash: string): boolean
  /** The stored content as a stream, or `undefined` when the store does not hold it. */
  openRead(hash: string): Readable | undefined
  /** A fresh local path to write a file to adopt (for ffmpeg and the like), e.g. `tempPath('.mp4')`. */
  tempPath(ext?: string): string
  /**
   * Removes temporary files that killed processes left behind; returns how many. A store does it
   * when it opens.
   */
  sweepTemp(): number
}
