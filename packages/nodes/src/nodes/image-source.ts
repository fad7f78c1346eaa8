import { defineFileSource, type FileSourceParams } from './file-source.ts'

/**
 * Params of {@link imageSourceNode}: exactly one of `path` (a local file) and `url` (http/https);
 * `name`, the original file's name, only for people.
 */
export type ImageSourceParams = FileSourceParams

/**
 * `image-source`: an image from a local file (`path`) or an http(s) `url`, copied into the media
 * store. A file's content hash is its fingerprint, so editing the file re-runs what it feeds; a
 * url is taken to name fixed content (its bytes are not fetched to plan).
 */
export const imageSourceNode = defineFileSource({
  type: 'image-source',
  title: 'Image',
  description: 'An image from a local file or an http(s) URL.',
  media: {
    kind: 'image',
    needs: 'an image',
    word: 'image',
    isNot: 'not an image',
    formats: 'a PNG, JPEG or WebP file',
    accepts: ['image/*'],
  },
})
