import { defineFileSource, type FileSourceParams } from './file-source.ts'

/**
 * Params of {@link audioSourceNode}: exactly one of `path` (a local file) and `url` (http/https);
 * `name`, the original file's name, only for people.
 */
export type AudioSourceParams = FileSourceParams

/**
 * `audio-source`: a sound (MP3, WAV or M4A) from a local file (`path`) or an http(s) `url`,
 * copied into the media store, on its `audio` port: a soundtrack to lay under a sequence. Its
 * fingerprint is a file's content hash, as for `image-source`.
 */
export const audioSourceNode = defineFileSource({
  type: 'audio-source',
  title: 'Audio',
  description: 'A sound (MP3, WAV or M4A) from a local file or an http(s) URL.',
  media: {
    kind: 'audio',
    needs: 'a sound',
    word: 'audio',
    isNot: 'not audio',
    formats: 'an MP3, WAV or M4A file',
    accepts: ['audio/*'],
  },
})
