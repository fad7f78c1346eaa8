import { z } from 'zod'

/**
 * `POST /api/uploads` → 201 for an image: the stored image. `url` is `/media/<hash>`; `path` is
 * what an `image-source` node's `path` param takes.
 * @public
 */
export const uploadedImage = z.object({
  hash: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  url: z.string(),
  path: z.string(),
})
/** @public */
export type UploadedImage = z.infer<typeof uploadedImage>

/**
 * `POST /api/uploads` → 201 for a sound (MP3, WAV, M4A): its length instead of a size; `path` is
 * what an `audio-source` node's `path` param takes.
 * @public
 */
export const uploadedAudio = z.object({
  hash: z.string(),
  contentType: z.string().startsWith('audio/'),
  sizeBytes: z.number().int().nonnegative(),
  durationSec: z.number().positive(),
  url: z.string(),
  path: z.string(),
})
/** @public */
export type UploadedAudio = z.infer<typeof uploadedAudio>

/** `POST /api/uploads` → 201: an image or a sound, told apart by `contentType`. @public */
export const uploadedMedia = z.union([uploadedImage, uploadedAudio])
/** @public */
export type UploadedMedia = z.infer<typeof uploadedMedia>
