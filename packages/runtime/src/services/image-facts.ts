import { open } from 'node:fs/promises'
import { type ImageFacts, KLING_O1_LIMITS } from '@shotchain/fal/kling'
import { probeImageBytes } from '@shotchain/media'
import { type LocalFiles, readingLocal } from './local-files.ts'

/** How much of a file is read for its header: enough for PNG, GIF, WebP and most JPEGs. */
const HEADER_BYTES = 64 * 1024

/**
 * What pre-flight needs to know of a local image (header and size in bytes), read as
 * `importFile` would read the file. Rejects like `importFile` when the file is outside the
 * allowed folder, missing or unreadable.
 */
export type ReadImageFacts = (path: string) => Promise<ImageFacts>

/** A {@link ReadImageFacts} over `files`: reads the file's header and size, not its pixels. */
export function createImageFactsReader(files: LocalFiles): ReadImageFacts {
  return (path) => readingLocal(files, path, readFacts)
}

async function readFacts(full: string): Promise<ImageFacts> {
  const file = await open(full)
  try {
    const { size } = await file.stat()
    const head = new Uint8Array(Math.min(size, HEADER_BYTES))
    // A positioned read leaves the file position at 0 for the whole read below.
    const { bytesRead } = await file.read(head, 0, head.length, 0)
    let header = probeImageBytes(head.subarray(0, bytesRead))
    // EXIF data can push a JPEG's frame header past the first bytes: a header not found there is
    // looked for in the whole file before it counts as "not an image". Past fal's byte limit the
    // size is the problem, whatever the header says.
    if (header === undefined && bytesRead < size && size <= KLING_O1_LIMITS.maxImageBytes) {
      header = probeImageBytes(await file.readFile())
    }
    return { header, sizeBytes: size }
  } finally {
    await file.close()
  }
}
