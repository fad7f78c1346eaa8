import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { defineNode } from '@shotchain/graph'
import { z } from 'zod'
import type { MediaRef, NodeServices } from '../services.ts'
import { isCancelled } from './media-input.ts'

const HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i

const imageSourceParams = z
  .object({
    path: z.string().min(1, 'must not be empty: give the path of an image file').optional(),
    url: z
      .string()
      .regex(HTTP_URL, 'must be an http:// or https:// address of an image')
      .optional(),
    /** The name of the file the image came from (`harbour.jpg`): shown, never read by a run. */
    name: z.string().optional(),
  })
  .superRefine((params, ctx) => {
    if (params.path !== undefined && params.url !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'give either a path or a url, not both: remove one of them',
      })
    } else if (params.path === undefined && params.url === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: 'needs an image: drop an image file on the node, browse for one, or give its url',
      })
    }
  })

/**
 * Params of {@link imageSourceNode}: exactly one of `path` (a local file) and `url` (http/https);
 * `name`, the original file's name, only for people.
 */
export type ImageSourceParams = z.infer<typeof imageSourceParams>

/**
 * `image-source`: an image from a local file (`path`) or an http(s) `url`, copied into the media
 * store. A file's content hash is its fingerprint, so editing the file re-runs what it feeds; a
 * url is taken to name fixed content (its bytes are not fetched to plan).
 */
export const imageSourceNode = defineNode<ImageSourceParams, NodeServices>({
  type: 'image-source',
  version: 1,
  title: 'Image',
  description: 'An image from a local file or an http(s) URL.',
  category: 'sources',
  inputs: {},
  outputs: { image: { type: 'image', label: 'Image' } },
  params: imageSourceParams,
  role: { kind: 'source', file: { param: 'path', accepts: ['image/*'], nameParam: 'name' } },
  idStem: 'image',
  async fingerprint(params, services, signal) {
    if (params.path === undefined) return 'url'
    const path = params.path
    return readingAs('path', `the image file "${path}"`, signal, () =>
      services.media.hashFile(path, signal),
    )
  },
  async run(ctx) {
    const { params, signal, services } = ctx
    const field = params.path === undefined ? 'url' : 'path'
    const where = params.path ?? (params.url as string)
    const what = field === 'path' ? `the image file "${where}"` : `the image at ${where}`
    const image = await readingAs(field, what, signal, () =>
      field === 'path'
        ? services.media.importFile(where, signal)
        : services.media.importUrl(where, signal),
    )
    if (image.kind !== 'image') {
      throw new ShotchainError(
        ERROR_CODES.validation,
        `${what} is not an image (it is ${image.contentType}); use a PNG, JPEG or WebP file`,
        { nodeId: ctx.nodeId, field },
      )
    }
    return { image }
  },
})

/**
 * Runs a read of the file or url in `field`, turning a failure into an error that names the
 * field (a cancelled read is passed on as it is).
 */
async function readingAs<T extends MediaRef | string>(
  field: 'path' | 'url',
  what: string,
  signal: AbortSignal,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (isCancelled(signal, error)) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new ShotchainError(ERROR_CODES.validation, `${what} cannot be read: ${reason}`, {
      field,
      cause: error,
    })
  }
}
