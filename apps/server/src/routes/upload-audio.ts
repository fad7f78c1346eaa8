import { rm, writeFile } from 'node:fs/promises'
import { extensionFor } from '@shotchain/store'
import type { AppContext } from '../http/app-context.ts'

/** What storing an uploaded sound answers: the route's JSON body and its status. */
export type AudioUploadAnswer =
  | { readonly status: 201; readonly body: Readonly<Record<string, unknown>> }
  | { readonly status: 422; readonly body: { readonly error: string; readonly field: 'file' } }

/**
 * Stores an uploaded MP3, WAV or M4A (`contentType` as sniffed) once ffprobe reads it as sound
 * with a length, in a temp file first: bytes that only start like a sound are a 422 naming the
 * `file` field, and nothing is stored. Answers its hash, type, size, `durationSec`, `url` and
 * `path` (what an `audio-source` node takes).
 */
export async function storeUploadedAudio(
  app: AppContext,
  bytes: Uint8Array,
  contentType: string,
): Promise<AudioUploadAnswer> {
  const temp = app.store.media.tempPath(extensionFor(contentType))
  try {
    await writeFile(temp, bytes)
    const info = await app.mediaTools.probe(temp).catch(() => undefined)
    if (info?.kind !== 'audio' || !(info.durationSec > 0)) {
      const error = `the ${contentType} file cannot be played as a sound: upload another file`
      return { status: 422, body: { error, field: 'file' } }
    }
    const stored = await app.store.media.adoptFile(temp, contentType)
    const body = {
      hash: stored.hash,
      contentType,
      sizeBytes: stored.sizeBytes,
      durationSec: info.durationSec,
      url: `/media/${stored.hash}`,
      path: stored.path,
    }
    return { status: 201, body }
  } finally {
    await rm(temp, { force: true })
  }
}
