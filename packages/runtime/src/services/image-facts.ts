import { open } from 'node:fs/promises'
import type { ImageFacts } from '@shotchain/kling'
import { type MediaTools, probeImageBytes } from '@shotchain/media'
import { type LocalFiles, readingLocal } from './local-files.ts'

/** How much of a file is read for its header: enough for PNG, GIF, WebP and most JPEGs. */
const HEADER_BYTES = 64 * 1024
/** The largest file searched whole for a header that is not in its first bytes. */
const WHOLE_FILE_SEARCH_BYTES = 32 * 1024 * 1024
/** Decodes remembered, by file, size and modification time (media files never change). */
const REMEMBERED_DECODES = 256

/** What pre-flight knows of a local image: its header and size, and what a real decode found. */
export interface LocalImageFacts extends ImageFacts {
  /**
   * Why the image cannot be sent although its header looks right, after "the image": too many
   * pixels, cut short or damaged. Undefined when it decoded (or was not decoded: see the reader).
   */
  readonly undecodable?: string
}

/**
 * What pre-flight needs to know of a local image, read as `importFile` would read the file.
 * Rejects like `importFile` when the file is outside the allowed folder, missing or unreadable.
 */
export type ReadImageFacts = (path: string) => Promise<LocalImageFacts>

/**
 * A {@link ReadImageFacts} over `files`: reads the file's header and size, and — when `tools`
 * are given and the header reads as an image — decodes it for real within the pixel cap
 * (`MediaTools.decodeImage`), so a file whose header lies or whose data is cut short is refused
 * before it is paid for. A file whose header is not an image is not decoded.
 */
export function createImageFactsReader(files: LocalFiles, tools?: MediaTools): ReadImageFacts {
  const decoded = new Map<string, string | undefined>()
  const decode = async (full: string, sizeBytes: number, modifiedMs: number) => {
    const key = `${full}\0${sizeBytes}\0${modifiedMs}`
    if (decoded.has(key)) return decoded.get(key)
    const result = await (tools as MediaTools).decodeImage(full)
    const problem = result.ok ? undefined : result.problem
    if (decoded.size >= REMEMBERED_DECODES) decoded.delete(decoded.keys().next().value as string)
    decoded.set(key, problem)
    return problem
  }
  return (path) =>
    readingLocal(files, path, async (full) => {
      const { facts, modifiedMs } = await readFacts(full)
      // Only what reads as an image is decoded; what it may be refused for is the nodes' to say.
      if (tools === undefined || facts.header === undefined) return facts
      const undecodable = await decode(full, facts.sizeBytes ?? 0, modifiedMs)
      return undecodable === undefined ? facts : { ...facts, undecodable }
    })
}

async function readFacts(full: string): Promise<{ facts: ImageFacts; modifiedMs: number }> {
  const file = await open(full)
  try {
    const { size, mtimeMs } = await file.stat()
    const head = new Uint8Array(Math.min(size, HEADER_BYTES))
    // A positioned read leaves the file position at 0 for the whole read below.
    const { bytesRead } = await file.read(head, 0, head.length, 0)
    let header = probeImageBytes(head.subarray(0, bytesRead))
    // EXIF data can push a JPEG's frame header past the first bytes: a header not found there is
    // looked for in the whole file before it counts as "not an image" (up to a size no provider
    // takes, where the size is the problem whatever the header says).
    if (header === undefined && bytesRead < size && size <= WHOLE_FILE_SEARCH_BYTES) {
      header = probeImageBytes(await file.readFile())
    }
    return { facts: { header, sizeBytes: size }, modifiedMs: mtimeMs }
  } finally {
    await file.close()
  }
}
