import { z } from 'zod'

/**
 * `POST /api/uploads` → 201: the stored image. `url` is `/media/<hash>`; `path` is what an
 * `image-source` node's `path` param takes.
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
