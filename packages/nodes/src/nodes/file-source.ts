import { ERROR_CODES, ShotchainError } from '@shotchain/errors'
import { defineNode, type NodeSpec } from '@shotchain/graph'
import { z } from 'zod'
import type { MediaRef, NodeServices } from '../services.ts'
import { isCancelled } from './media-input.ts'
import { mediaTypeName } from './media-type-name.ts'

const HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i

/** How a file source speaks of its media in messages, and what it accepts. */
interface FileSourceMedia {
  /** The `MediaRef` kind it outputs, also its output port's name and type. */
  readonly kind: 'image' | 'audio'
  /** `an image`, `a sound`: what the node needs. */
  readonly needs: string
  /** `image`, `audio`: `the image file "…"`, `the audio at …`. */
  readonly word: string
  /** `not an image`, `not audio`. */
  readonly isNot: string
  /** `a PNG, JPEG or WebP file`. */
  readonly formats: string
  /** Media types the role's `file` accepts. */
  readonly accepts: readonly string[]
}

/** The params of a file source: exactly one of `path` and `url`, and `name` for people. */
function fileSourceParams(media: FileSourceMedia) {
  return z
    .object({
      path: z
        .string()
        .min(1, `must not be empty: give the path of an ${media.word} file`)
        .optional(),
      url: z
        .string()
        .regex(HTTP_URL, `must be an http:// or https:// address of an ${media.word} file`)
        .optional(),
      /** The name of the file the media came from (`harbour.jpg`): shown, never read by a run. */
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
          message: `needs ${media.needs}: drop an ${media.word} file on the node, browse for one, or give its url`,
        })
      }
    })
}

/**
 * Params of a file source node (`image-source`, `audio-source`): exactly one of `path` (a local
 * file) and `url` (http/https); `name`, the original file's name, only for people.
 */
export type FileSourceParams = z.infer<ReturnType<typeof fileSourceParams>>

/** What differs between file source nodes: their spec's words and the media they bring. */
export interface FileSourceOptions {
  readonly type: string
  readonly title: string
  readonly description: string
  readonly media: FileSourceMedia
}

/**
 * A node spec that brings one file (`path`) or http(s) `url` of `media.kind` into the media
 * store, on an output port of that name. A file's content hash is its fingerprint, so editing the
 * file re-runs what it feeds; a url is taken to name fixed content (not fetched to plan). A
 * file or url that cannot be read, or holds other media, is a `validation` error naming the field.
 */
export function defineFileSource(
  options: FileSourceOptions,
): NodeSpec<FileSourceParams, NodeServices> {
  const { media } = options
  return defineNode<FileSourceParams, NodeServices>({
    type: options.type,
    version: 1,
    title: options.title,
    description: options.description,
    category: 'sources',
    inputs: {},
    outputs: { [media.kind]: { type: media.kind, label: options.title } },
    params: fileSourceParams(media),
    role: { kind: 'source', file: { param: 'path', accepts: media.accepts, nameParam: 'name' } },
    idStem: media.kind,
    async fingerprint(params, services, signal) {
      if (params.path === undefined) return 'url'
      const path = params.path
      return readingAs('path', `the ${media.word} file "${path}"`, signal, () =>
        services.media.hashFile(path, signal),
      )
    },
    async run(ctx) {
      const { params, signal, services } = ctx
      const field = params.path === undefined ? 'url' : 'path'
      const where = params.path ?? (params.url as string)
      const what =
        field === 'path' ? `the ${media.word} file "${where}"` : `the ${media.word} at ${where}`
      const ref = await readingAs(field, what, signal, () =>
        field === 'path'
          ? services.media.importFile(where, signal)
          : services.media.importUrl(where, signal),
      )
      if (ref.kind !== media.kind) {
        throw new ShotchainError(
          ERROR_CODES.validation,
          `${what} is ${mediaTypeName(ref.contentType)}, ${media.isNot}; use ${media.formats}`,
          { nodeId: ctx.nodeId, field },
        )
      }
      return { [media.kind]: ref }
    },
  })
}

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
