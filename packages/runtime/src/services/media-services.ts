import { createHash } from 'node:crypto'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import type { RetryPolicy } from '@shotchain/fal'
import {
  type EditList,
  type MediaInfo,
  type MediaTools,
  probeImageBytes,
  seamProblems,
  sniffMediaType,
} from '@shotchain/media'
import type { FrameRatio, MediaRef, MediaServices } from '@shotchain/nodes'
import { extensionFor, type Store, type StoredMedia } from '@shotchain/store'
import { downloadUrl } from './download-url.ts'
import { createImageFactsReader, type ReadImageFacts } from './image-facts.ts'
import { type LocalFiles, readingLocal } from './local-files.ts'

// The MP4 types a probed file is stored under, by what its streams turned out to hold.
const MP4_AS: Record<'audio' | 'video', Readonly<Record<string, string>>> = {
  audio: { 'video/mp4': 'audio/mp4' },
  video: { 'audio/mp4': 'video/mp4' },
}

/** A MediaRef's common fields for stored media; a picture's size is 0 until the caller knows it. */
function stored(
  put: StoredMedia,
  kind: MediaRef['kind'],
  contentType: string,
  sourceUrl: string | undefined,
): MediaRef {
  return {
    kind,
    hash: put.hash,
    contentType,
    sizeBytes: put.sizeBytes,
    width: 0,
    height: 0,
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
  }
}

/** The nodes' media services, and the pre-flight read of a local image under the same rules. */
export interface LocalMediaServices extends MediaServices {
  /** The header, size and decode of a local image, read as `importFile` reads the file. */
  readonly readImageFacts: ReadImageFacts
}

/**
 * The nodes' media work over the store's content-addressed folder and ffmpeg. Local paths are
 * read as `files` says, also by `readImageFacts` (for plan-time checks).
 */
export function createMediaServices(
  store: Store,
  tools: MediaTools,
  files: LocalFiles,
  options: {
    /** How downloads are made and tried again; default `fetch` and the gateway's patience. */
    readonly download?: { readonly policy?: RetryPolicy; readonly fetch?: typeof fetch }
  } = {},
): LocalMediaServices {
  const importBytes = async (
    bytes: Uint8Array,
    origin: string,
    sourceUrl?: string,
  ): Promise<MediaRef> => {
    const sniffed = sniffMediaType(bytes)
    if (sniffed === undefined) {
      throw new ShotchainError(
        ERROR_CODES.validation,
        `${origin} is not a PNG, JPEG, WebP, GIF, MP4, MP3, WAV or M4A file`,
      )
    }
    if (!sniffed.startsWith('image/')) return storeProbed(bytes, sniffed, origin, sourceUrl)
    const put = await storeDecodedImage(bytes, sniffed, origin)
    return describe(put, sniffed, probeImageBytes(bytes), sourceUrl)
  }

  /**
   * Stores a video or a sound once ffprobe reads it, under the type its streams say: an MP4
   * holding only sound is `audio/mp4`, an M4A holding a picture `video/mp4`.
   */
  const storeProbed = async (
    bytes: Uint8Array,
    sniffed: string,
    origin: string,
    sourceUrl?: string,
  ): Promise<MediaRef> => {
    const temp = store.media.tempPath(extensionFor(sniffed))
    await writeFile(temp, bytes)
    let info: MediaInfo
    try {
      info = await tools.probe(temp)
    } catch (error) {
      await rm(temp, { force: true })
      const why = error instanceof Error ? error.message.replace(temp, 'it') : String(error)
      throw new ShotchainError(ERROR_CODES.validation, `${origin} cannot be read: ${why}`, {
        cause: error,
      })
    }
    const kind = info.kind === 'audio' ? 'audio' : 'video'
    const contentType = MP4_AS[kind][sniffed] ?? sniffed
    const put = await store.media.adoptFile(temp, contentType)
    const { width, height, durationSec } = info
    return { ...stored(put, kind, contentType, sourceUrl), width, height, durationSec }
  }

  /**
   * Stores an image only once it decodes whole within the pixel cap, so a header that lies or
   * data cut short never reaches a paid request (nor the media folder).
   */
  const storeDecodedImage = async (
    bytes: Uint8Array,
    contentType: string,
    origin: string,
  ): Promise<StoredMedia> => {
    const temp = store.media.tempPath(extensionFor(contentType))
    await writeFile(temp, bytes)
    let decoded: Awaited<ReturnType<MediaTools['decodeImage']>>
    try {
      decoded = await tools.decodeImage(temp)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    if (!decoded.ok) {
      await rm(temp, { force: true })
      throw new ShotchainError(ERROR_CODES.validation, `${origin} ${decoded.problem}`)
    }
    return store.media.adoptFile(temp, contentType)
  }

  /** A MediaRef of stored media; ffprobe runs only when the pixel size is not known already. */
  const describe = async (
    put: StoredMedia,
    contentType: string,
    size: { readonly width: number; readonly height: number } | undefined,
    sourceUrl?: string,
  ): Promise<MediaRef> => {
    const isImage = contentType.startsWith('image/')
    const info = size === undefined || !isImage ? await tools.probe(put.path) : undefined
    return {
      ...stored(put, isImage ? 'image' : 'video', contentType, sourceUrl),
      width: size?.width ?? info?.width ?? 0,
      height: size?.height ?? info?.height ?? 0,
      ...(isImage ? {} : { durationSec: info?.durationSec ?? 0 }),
    }
  }

  const readLocal = (path: string): Promise<Uint8Array> =>
    readingLocal(files, path, (full) => readFile(full))

  const adopt = async (
    tempPath: string,
    contentType: string,
    size?: { readonly width: number; readonly height: number },
  ): Promise<MediaRef> =>
    describe(await store.media.adoptFile(tempPath, contentType), contentType, size)

  const pathOf = (media: MediaRef): string => {
    const path = store.media.pathOf(media.hash)
    if (path === undefined) {
      throw new ShotchainError(
        ERROR_CODES.internal,
        `media ${media.hash} is missing from the store`,
      )
    }
    return path
  }

  return {
    readImageFacts: createImageFactsReader(files, tools),
    importFile: async (path) => importBytes(await readLocal(path), `the file ${path}`),
    hashFile: async (path) =>
      createHash('sha256')
        .update(await readLocal(path))
        .digest('hex'),
    importBytes: (bytes, name) => importBytes(bytes, name),
    importUrl: async (url, signal) =>
      importBytes(await downloadUrl(url, signal, options.download), url, url),
    async extractFrame(video, at, signal) {
      const out = store.media.tempPath('.png')
      // ffmpeg reports the frame's size: no need to read the PNG back for it.
      const size = await tools.extractFrame(pathOf(video), at, out, { signal })
      return adopt(out, 'image/png', size)
    },
    async stitch(list, signal) {
      const out = store.media.tempPath('.mp4')
      const local: EditList = {
        ...list,
        clips: list.clips.map((clip) => ({ ...clip, media: pathOf(clip.media) })),
        soundtrack: list.soundtrack && { ...list.soundtrack, media: pathOf(list.soundtrack.media) },
      }
      const { frames } = await tools.stitch(local, out, { signal })
      return { video: await adopt(out, 'video/mp4'), frames }
    },
    async countFrames(video, signal) {
      const path = pathOf(video)
      const [frames, info] = await Promise.all([
        tools.countFrames(path, { signal }),
        tools.probe(path, { signal }),
      ])
      return { frames, rate: frameRatioOf(info.fps) }
    },
    repeatsAtCut: (outgoing, incoming, signal) =>
      tools.repeatsAtCut(pathOf(outgoing), pathOf(incoming), { signal }),
    async seamFigures(a, b, signal) {
      const figures = await tools.seamFigures(pathOf(a), pathOf(b), { signal })
      return { ...figures, problems: seamProblems(figures) }
    },
  }
}

/**
 * A whole-number ratio for a frame rate ffprobe averaged: 24 → 24/1, 29.97… → 30000/1001 (the
 * NTSC rates), anything else to a thousandth of a frame.
 */
export function frameRatioOf(fps: number): FrameRatio {
  const whole = Math.round(fps)
  if (whole > 0 && Math.abs(fps - whole) < 0.005) return { numerator: whole, denominator: 1 }
  const ntsc = Math.round((fps * 1001) / 1000)
  if (ntsc > 0 && Math.abs(fps - (ntsc * 1000) / 1001) < 0.005) {
    return { numerator: ntsc * 1000, denominator: 1001 }
  }
  return { numerator: Math.max(1, Math.round(fps * 1000)), denominator: 1000 }
}
