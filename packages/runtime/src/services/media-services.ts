import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { ERROR_CODES, ShotchainError } from '@shotchain/graph'
import { type MediaTools, probeImageBytes, sniffMediaType } from '@shotchain/media'
import type { MediaRef, MediaServices } from '@shotchain/nodes'
import type { Store, StoredMedia } from '@shotchain/store'

/** Where local image paths are read from. */
export interface LocalFiles {
  /** Relative paths are read from here (the workflow file's folder). */
  readonly baseDir: string
  /**
   * When set, only files inside this folder can be read (the server: the store's media folder);
   * any other path fails with a `validation` error naming `path`, and nothing is read.
   */
  readonly confineTo?: string
}

/**
 * The nodes' media work over the store's content-addressed folder and ffmpeg. Local paths are
 * read as `files` says.
 */
export function createMediaServices(
  store: Store,
  tools: MediaTools,
  files: LocalFiles,
): MediaServices {
  const importBytes = async (
    bytes: Uint8Array,
    origin: string,
    sourceUrl?: string,
  ): Promise<MediaRef> => {
    const contentType = sniffMediaType(bytes)
    if (contentType === undefined) {
      throw new ShotchainError(
        ERROR_CODES.validation,
        `${origin} is not a PNG, JPEG, WebP, GIF or MP4 file`,
      )
    }
    const put = await store.media.putBytes(bytes, contentType)
    const size = contentType.startsWith('image/') ? probeImageBytes(bytes) : undefined
    return describe(put, contentType, size, sourceUrl)
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
      kind: isImage ? 'image' : 'video',
      hash: put.hash,
      contentType,
      sizeBytes: put.sizeBytes,
      width: size?.width ?? info?.width ?? 0,
      height: size?.height ?? info?.height ?? 0,
      ...(isImage ? {} : { durationSec: info?.durationSec ?? 0 }),
      ...(sourceUrl === undefined ? {} : { sourceUrl }),
    }
  }

  const readLocal = async (path: string): Promise<Uint8Array> => {
    const full = isAbsolute(path) ? resolve(path) : resolve(files.baseDir, path)
    if (files.confineTo !== undefined && !isInside(files.confineTo, full)) {
      throw new ShotchainError(
        ERROR_CODES.validation,
        `the file ${path} is outside ${files.confineTo}: upload the image and use the path it gets`,
        { field: 'path' },
      )
    }
    try {
      return await readFile(full)
    } catch (error) {
      const reason =
        (error as { code?: string }).code === 'ENOENT' ? 'does not exist' : 'cannot be read'
      throw new ShotchainError(ERROR_CODES.validation, `the file ${full} ${reason}`, {
        field: 'path',
        cause: error,
      })
    }
  }

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
    importFile: async (path) => importBytes(await readLocal(path), `the file ${path}`),
    hashFile: async (path) =>
      createHash('sha256')
        .update(await readLocal(path))
        .digest('hex'),
    async importUrl(url, signal) {
      let response: Response
      try {
        response = await fetch(url, { signal })
      } catch (error) {
        throw new ShotchainError(ERROR_CODES.network, `could not download ${url}`, {
          retryable: true,
          cause: error,
        })
      }
      if (!response.ok) {
        throw new ShotchainError(
          ERROR_CODES.validation,
          `${url} answered HTTP ${response.status}`,
          { field: 'url' },
        )
      }
      return importBytes(new Uint8Array(await response.arrayBuffer()), url, url)
    },
    async extractFrame(video, at, signal) {
      const out = store.media.tempPath('.png')
      // ffmpeg reports the frame's size: no need to read the PNG back for it.
      const size = await tools.extractFrame(pathOf(video), at, out, { signal })
      return adopt(out, 'image/png', size)
    },
    async concat(videos, signal) {
      const out = store.media.tempPath('.mp4')
      await tools.concat(
        videos.map((v) => pathOf(v)),
        out,
        { signal },
      )
      return adopt(out, 'video/mp4')
    },
  }
}

/** Whether `path` (absolute, resolved) lies inside the folder `root`. */
export function isInside(root: string, path: string): boolean {
  const inside = relative(resolve(root), resolve(path))
  return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside)
}
